#pragma once
// One bench user on one WebSocket: opens, signs in (register, or login when the name is
// taken; or `auth` with the token an earlier sign-in returned), sends messages to its partner with
// hand-written frames, and reports acks and message events from a field scan instead of a full JSON
// parse (see jsonscan.h). Other requests go through request(), whose replies are parsed in full
// and decoded with the reply structs (replies.h).

#include "codec.h"
#include "protocol.h"
#include "replies.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringView>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace bench {

class PresenceTracker;
class WireSocket;

class BenchClient final : public QObject
{
    Q_OBJECT

public:
    // A reply to request(): nullopt when the connection closed first, else ok or error.
    using Reply = std::optional<natter::codec::ServerFrame>;
    using ReplyHandler = std::function<void(const Reply &reply)>;

    // The ok reply decoded as R (replies.h); else nullopt and *why: "connection closed", the
    // error code, or what did not decode.
    template <typename R> static std::optional<R> decode(const Reply &reply, QString *why)
    {
        if (!reply || reply->kind != natter::codec::ServerFrame::Kind::Ok) {
            *why = errorOf(reply);
            return std::nullopt;
        }
        natter::ProtocolError error;
        auto decoded = R::fromJson(reply->body, &error);
        if (!decoded)
            *why = error.message;
        return decoded;
    }
    // "connection closed", the error code, or empty for an ok.
    static QString errorOf(const Reply &reply);

    BenchClient(int index, const QString &username, QObject *parent = nullptr);
    ~BenchClient() override;

    int index() const { return m_index; }
    const QString &username() const { return m_username; }
    qint64 userId() const { return m_userId; }
    bool registeredNow() const { return m_registeredNow; }
    // The session token of the last register or login (for authenticate() on another socket).
    const QString &token() const { return m_token; }
    int closeCode() const { return m_closeCode; }
    // When the frame being handled arrived (benchclock), before any parsing: reply handlers
    // use it to time round trips without their own JSON parse.
    qint64 frameArrivalNs() const { return m_frameArrivalNs; }

    // Presence frames go to the tracker (idle mode); otherwise they are skipped.
    void setPresenceTracker(PresenceTracker *tracker) { m_presence = tracker; }

    void open(const QUrl &url);
    // After connected(): register, or log in when the name is taken. Ends in signedIn() or
    // failed().
    void signIn(const QString &password);
    // After connected(): sign in with a session token. Ends in signedIn() or failed().
    void authenticate(const QString &token);
    void close();

    // The partner every sendMessage() goes to; the conversation id is learnt from the first
    // ack and used from then on.
    void setPeer(qint64 userId) { m_peerId = userId; }
    // Group mode: the conversation the next sendMessage() goes to.
    void setConversation(qint64 conversationId) { m_conversationId = conversationId; }
    qint64 conversationId() const { return m_conversationId; }
    void sendMessage(const QString &content);

    // Like a real client: a ping when nothing was sent for the protocol's ping interval (the
    // server closes connections that stay silent).
    void pingIfIdle(qint64 nowNs);

    // Any request; `handler` gets the parsed reply (ok or error), or nullopt when the
    // connection closes first.
    void request(natter::protocol::RequestType type, const QJsonObject &fields,
                 ReplyHandler handler);
    template <typename Q> void request(const Q &request, ReplyHandler handler)
    {
        this->request(Q::kType, request.toJson(), std::move(handler));
    }

signals:
    void connected();
    void signedIn();
    // Before sign-in completed: the reason it did not.
    void failed(const QString &reason);
    // The socket closed after sign-in, not by close(): the close code.
    void disconnected(int closeCode);
    // The socket closed, whoever closed it (after close() too).
    void closed();
    // The reply to a sendMessage(): an empty code for ok, else the error code (and, for
    // rate_limited, when to try again; else 0).
    void sendAcked(QStringView errorCode, qint64 retryAfterMs);
    void messageReceived(QStringView content);

private:
    // ws:// goes over a WireSocket (lean), wss:// over a QWebSocket (TLS); one of them is set
    // from open() on.
    void openWire(const QUrl &url);
    void openQt(const QUrl &url);
    bool isOpen() const;
    void sendText(const QString &text);
    void onText(const QString &text);
    void onReply(QStringView frame, QStringView re, bool ok);
    void onClosed();
    void signInReply(const QString &password, bool triedLogin, const Reply &reply);
    void authReply(const Reply &reply);
    void markSignedIn(const natter::SignInReply &reply);
    void fail(const QString &reason);

    int m_index;
    QString m_username;
    QString m_token;
    std::unique_ptr<WireSocket> m_wire;
    std::unique_ptr<QWebSocket> m_qt;
    PresenceTracker *m_presence = nullptr;
    QHash<QString, ReplyHandler> m_pending;
    quint64 m_nextRequest = 0;
    quint64 m_nextSend = 0;
    qint64 m_userId = 0;
    qint64 m_peerId = 0;
    qint64 m_conversationId = 0;
    qint64 m_frameArrivalNs = 0;
    qint64 m_lastSentNs = 0;
    int m_closeCode = -1;
    bool m_signedIn = false;
    bool m_registeredNow = false;
    bool m_failed = false;
    bool m_closing = false;
};

} // namespace bench
