#pragma once
// A small protocol client for server tests: a QWebSocket to the in-process server, requests
// that wait for their reply (matched by id), and a queue of events with wait helpers.
// All waits have timeouts; nothing sleeps a fixed time except noEvent(), which must.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QWebSocket>

class TestClient final : public QObject
{
    Q_OBJECT

public:
    explicit TestClient(QObject *parent = nullptr);

    bool open(const QUrl &url, int timeoutMs = 5000);
    // open() in two halves, so many sockets can open at once.
    void startOpen(const QUrl &url);
    bool waitOpen(int timeoutMs = 5000);
    bool isConnected() const;
    // For wss:// to a server with a self-signed certificate.
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    void close();
    bool waitDisconnected(int timeoutMs = 5000);
    int closeCode() const { return m_closeCode; }

    // Sends {"type": type, "id": <fresh>, ...fields} and returns the id.
    QString send(const QString &type, const QJsonObject &fields = {});
    // Sends and waits for the reply ("ok" or "error"); an empty object on timeout.
    QJsonObject request(const QString &type, const QJsonObject &fields = {}, int timeoutMs = 5000);
    QJsonObject waitReply(const QString &id, int timeoutMs = 5000);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &data);
    // Every frame received so far, in arrival order (not consumed by the waits).
    const QList<QJsonObject> &frameLog() const { return m_frames; }

    // Takes the first queued event of `type` (waiting for one); empty on timeout.
    QJsonObject waitEvent(const QString &type, int timeoutMs = 5000);
    // True when no event of `type` arrives within `waitMs` (none queued either).
    bool noEvent(const QString &type, int waitMs = 300);
    int eventCount(const QString &type) const;
    void clearEvents() { m_events.clear(); }

    // register + remember id and token; the presence snapshot that follows is consumed.
    bool registerAs(const QString &username,
                    const QString &password = QStringLiteral("secret-pass-1"));
    bool loginAs(const QString &username,
                 const QString &password = QStringLiteral("secret-pass-1"));
    bool authWith(const QString &token);
    qint64 userId() const { return m_userId; }
    const QString &username() const { return m_username; }
    const QString &token() const { return m_token; }

    // A send request; returns the reply.
    QJsonObject sendTo(qint64 userId, const QString &content, const QString &clientId = {});
    QJsonObject sendIn(qint64 conversationId, const QString &content);

    static bool isOk(const QJsonObject &reply);
    static QString errorCode(const QJsonObject &reply);

private:
    void onText(const QString &text);
    bool finishAuth(const QJsonObject &reply);

    QWebSocket m_socket;
    QList<QJsonObject> m_frames; // arrival log
    QList<QJsonObject> m_events;
    QHash<QString, QJsonObject> m_replies;
    int m_nextId = 0;
    int m_closeCode = -1;
    bool m_opened = false;
    bool m_disconnected = false;
    qint64 m_userId = 0;
    QString m_username;
    QString m_token;
};
