#pragma once
// A file connection (ws://…/v1/files) for server tests: `auth`, requests matched by id,
// file_progress events, binary frames received, and the close code. Uploads respect the
// server's window of unacknowledged chunks.

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QWebSocket>

#include <functional>

class FileClient final : public QObject
{
    Q_OBJECT

public:
    explicit FileClient(QObject *parent = nullptr);

    // Trusts these for wss:// (TestServer::caCertificates()).
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    // Opens ws://…/v1/files (the server's url with the path replaced).
    bool open(const QUrl &serverUrl, int timeoutMs = 5000);
    bool authWith(const QString &token);
    QJsonObject request(const QString &type, const QJsonObject &fields, int timeoutMs = 5000);
    QJsonObject waitReply(const QString &id, int timeoutMs = 5000);
    // The reply to a request sent with no id correlation (errors about binary frames).
    QJsonObject waitUnmatchedError(int timeoutMs = 5000);
    void sendBinary(const QByteArray &chunk) { m_socket.sendBinaryMessage(chunk); }

    // Sends bytes [from, to) of the file `source` makes (source(offset, length)), in chunks of
    // `chunkBytes`, never more than `window` unacknowledged; false when the server stopped
    // acknowledging or closed.
    bool sendRange(const std::function<QByteArray(qint64, qint64)> &source, qint64 from, qint64 to,
                   qint64 chunkBytes, int window, int timeoutMs = 20000);
    qint64 acknowledged() const { return m_acknowledged; }

    // Binary frames received so far, concatenated (downloads).
    const QByteArray &received() const { return m_received; }
    qint64 receivedBytes() const { return m_receivedBytes; }
    // Keeps only the count and hash of what arrives (large downloads).
    void discardReceived() { m_keep = false; }
    QByteArray receivedSha256() const { return m_hash.result().toHex(); }
    bool waitDisconnected(int timeoutMs = 5000);
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    int closeCode() const { return m_closeCode; }
    void close() { m_socket.close(); }
    void abort() { m_socket.abort(); }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QByteArray m_received;
    qint64 m_receivedBytes = 0;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    bool m_keep = true;
    qint64 m_acknowledged = 0;
    int m_nextId = 0;
    int m_closeCode = -1;
    bool m_disconnected = false;
};
