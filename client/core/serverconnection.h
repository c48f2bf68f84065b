#pragma once
// The client's one WebSocket to the server: request/reply correlation with timeouts,
// automatic reconnect with exponential backoff and jitter, and an idle heartbeat.

#include "errorcode.h"
#include "protocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace natter::client {

enum class ConnectionState
{
    Offline,
    Connecting,
    Connected
};

class ServerConnection final : public QObject
{
    Q_OBJECT

public:
    // Called exactly once: with the ok frame, or with an error (server's, or a local
    // Unavailable for a timeout / lost connection).
    using ReplyHandler =
        std::function<void(const QJsonObject &reply, const std::optional<ProtocolError> &error)>;

    explicit ServerConnection(QObject *parent = nullptr);
    ~ServerConnection() override;

    void open(const QUrl &url);
    void close(); // stops reconnecting
    // Offline: try now (the backoff starts over), also when retrying had stopped.
    // Otherwise nothing.
    void reconnectNow();
    QUrl url() const { return m_url; }
    ConnectionState state() const { return m_state; }
    void request(protocol::RequestType type, const QJsonObject &fields, ReplyHandler handler,
                 int timeoutMs = 15'000);
    void setReconnectDelays(int firstMs, int maxMs);
    // How long a connection attempt (TCP, TLS and the WebSocket handshake) may take.
    static constexpr int kConnectTimeoutMs = 15'000;
    void setConnectTimeout(int ms);
    // A self-signed certificate with this SHA-256 is accepted (trust on first use), and a
    // wss:// connection showing any other certificate is refused, even one a CA signed.
    void setPinnedCertificate(const QByteArray &sha256) { m_pinned = sha256; }

signals:
    void stateChanged(natter::client::ConnectionState state);
    void connected();
    void connectionLost(const QString &reason);
    // The server ended the session (close 4403: token revoked or expired). No reconnect: the
    // user has to sign in again.
    void signedOutByServer(const QString &reason);
    void retryScheduled(int seconds);
    void eventReceived(natter::protocol::EventType type, const QJsonObject &event);
    // The server's certificate is not trusted: unknown (changed=false) or different from the
    // pinned one (changed=true). The connection was refused; reconnect after pinning.
    void untrustedCertificate(const QSslCertificate &certificate, bool changed);

private:
    struct Pending
    {
        ReplyHandler handler;
        qint64 deadline = 0;
    };

    void setState(ConnectionState state);
    bool pinMatches(); // false: the connection was refused
    void onText(const QString &text);
    void onDisconnected();
    void failAll(const QString &reason);
    void scheduleReconnect();
    void connectSocket(); // to m_url, with the connect timeout running
    void expireRequests();

    QWebSocket m_socket;
    QUrl m_url;
    ConnectionState m_state = ConnectionState::Offline;
    bool m_wanted = false; // the user wants to be connected
    QHash<QString, Pending> m_pending;
    quint64 m_nextId = 0;
    QTimer m_reconnectTimer;
    QTimer m_connectTimeout;
    bool m_timedOut = false; // the attempt was given up: say so, not "operation canceled"
    QTimer m_heartbeat;
    QTimer m_expiry;
    QElapsedTimer m_clock;
    int m_firstDelayMs = 1'000;
    int m_maxDelayMs = 30'000;
    int m_delayMs = 1'000;
    bool m_pingOutstanding = false;
    QByteArray m_pinned;
};

} // namespace natter::client
