#include "serverconnection.h"

#include "certificatepin.h"

#include "codec.h"
#include "protocollimits.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSslConfiguration>

namespace natter::client {

ServerConnection::ServerConnection(QObject *parent) : QObject(parent)
{
    m_clock.start();
    connect(&m_socket, &QWebSocket::connected, this, [this]() {
        if (!pinMatches())
            return;
        m_connectTimeout.stop();
        m_delayMs = m_firstDelayMs;
        setState(ConnectionState::Connected);
        m_heartbeat.start();
        emit connected();
    });
    // stateChanged, not disconnected(): a connection attempt that fails never "disconnects".
    connect(&m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState && m_state != ConnectionState::Offline)
            onDisconnected();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ServerConnection::onText);
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (certificatepin::matches(m_socket, m_pinned)) {
            m_socket.ignoreSslErrors(); // the certificate the user chose to trust
            return;
        }
        const QSslCertificate peer = m_socket.sslConfiguration().peerCertificate();
        // Never ignored silently: the connection fails, says why, and asks for trust.
        m_wanted = false;
        emit connectionLost(tr("TLS error: %1").arg(errors.value(0).errorString()));
        if (!peer.isNull())
            emit untrustedCertificate(peer, !m_pinned.isEmpty());
    });
    // An address that swallows packets, or a server that accepts and never answers, would
    // keep "Connecting…" (and a sign-in) waiting for minutes: give up like any failure.
    m_connectTimeout.setSingleShot(true);
    m_connectTimeout.setInterval(kConnectTimeoutMs);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this]() {
        if (m_state != ConnectionState::Connecting)
            return;
        m_timedOut = true;
        m_socket.abort();
    });
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this]() {
        if (m_wanted && m_state == ConnectionState::Offline)
            connectSocket();
    });

    // Idle heartbeat: a ping whose reply does not come back means a half-open connection.
    m_heartbeat.setInterval(limits::kPingIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this]() {
        if (m_pingOutstanding) {
            m_socket.abort();
            return;
        }
        m_pingOutstanding = true;
        request(protocol::RequestType::Ping, {},
                [this](const QJsonObject &, const std::optional<ProtocolError> &) {
                    m_pingOutstanding = false;
                });
    });

    m_expiry.setInterval(500);
    connect(&m_expiry, &QTimer::timeout, this, &ServerConnection::expireRequests);
}

ServerConnection::~ServerConnection()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

bool ServerConnection::pinMatches()
{
    // A pinned server must show the pinned certificate on every connection, also when its
    // certificate chains to a trusted CA (then there is no TLS error to look at). Checked
    // before anything is sent: no token goes to an impostor.
    if (certificatepin::holds(m_socket, m_pinned))
        return true;
    const QSslCertificate peer = m_socket.sslConfiguration().peerCertificate();
    m_wanted = false;
    emit connectionLost(tr("TLS error: the server's certificate is not the one you trusted"));
    if (!peer.isNull())
        emit untrustedCertificate(peer, true);
    m_socket.abort();
    return false;
}

void ServerConnection::setConnectTimeout(int ms)
{
    m_connectTimeout.setInterval(ms);
}

void ServerConnection::setReconnectDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = m_delayMs = firstMs;
    m_maxDelayMs = maxMs;
}

void ServerConnection::open(const QUrl &url)
{
    m_url = url;
    m_wanted = true;
    m_reconnectTimer.stop();
    if (m_state != ConnectionState::Offline) {
        // Replaced on purpose: the old attempt must not report itself lost (to a sign-in
        // that has just started) nor schedule a retry of the old address.
        m_heartbeat.stop();
        m_pingOutstanding = false;
        setState(ConnectionState::Offline);
        m_socket.abort();
        failAll(tr("the connection was replaced"));
    }
    connectSocket();
}

void ServerConnection::reconnectNow()
{
    if (m_state != ConnectionState::Offline || m_url.isEmpty())
        return;
    m_wanted = true;
    m_reconnectTimer.stop();
    m_delayMs = m_firstDelayMs;
    connectSocket();
}

void ServerConnection::connectSocket()
{
    m_timedOut = false;
    setState(ConnectionState::Connecting);
    m_connectTimeout.start();
    m_socket.open(m_url);
}

void ServerConnection::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_socket.close();
}

void ServerConnection::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ServerConnection::request(protocol::RequestType type, const QJsonObject &fields,
                               ReplyHandler handler, int timeoutMs)
{
    if (m_state != ConnectionState::Connected) {
        handler({}, ProtocolError::make(ErrorCode::Unavailable, tr("not connected")));
        return;
    }
    const QString id = QString::number(++m_nextId);
    m_pending.insert(id, Pending{std::move(handler), m_clock.elapsed() + timeoutMs});
    if (!m_expiry.isActive())
        m_expiry.start();
    m_heartbeat.start(); // any traffic postpones the heartbeat
    m_socket.sendTextMessage(codec::encodeRequest(type, id, fields));
}

void ServerConnection::onText(const QString &text)
{
    const auto frame = codec::parseServerFrame(text);
    if (!frame)
        return; // unknown event types are ignored, as the protocol asks
    if (frame->kind == codec::ServerFrame::Kind::Event) {
        emit eventReceived(frame->event, frame->body);
        return;
    }
    if (frame->re.isEmpty()) {
        qWarning("natter: server error without request: %s", qPrintable(frame->error.message));
        return;
    }
    const auto it = m_pending.find(frame->re);
    if (it == m_pending.end())
        return;
    const ReplyHandler handler = std::move(it->handler);
    m_pending.erase(it);
    if (frame->kind == codec::ServerFrame::Kind::Ok)
        handler(frame->body, std::nullopt);
    else
        handler(frame->body, frame->error);
}

void ServerConnection::expireRequests()
{
    const qint64 now = m_clock.elapsed();
    QList<ReplyHandler> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline <= now) {
            expired.append(std::move(it->handler));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    if (m_pending.isEmpty())
        m_expiry.stop();
    for (const ReplyHandler &handler : expired)
        handler({}, ProtocolError::make(ErrorCode::Unavailable, tr("the server did not answer")));
}

void ServerConnection::failAll(const QString &reason)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &p : pending)
        p.handler({}, ProtocolError::make(ErrorCode::Unavailable, reason));
}

void ServerConnection::onDisconnected()
{
    m_heartbeat.stop();
    m_connectTimeout.stop();
    m_pingOutstanding = false;
    const QString reason =
        m_timedOut ? tr("no answer within %1 s").arg((m_connectTimeout.interval() + 999) / 1000)
        : m_socket.closeReason().isEmpty() ? m_socket.errorString()
                                           : m_socket.closeReason();
    m_timedOut = false;
    setState(ConnectionState::Offline);
    failAll(reason);
    if (m_socket.closeCode() == QWebSocketProtocol::CloseCode(protocol::CloseSignedOut)) {
        m_wanted = false; // the token is dead: reconnecting with it would only be refused
        emit signedOutByServer(reason);
        return;
    }
    emit connectionLost(reason);
    scheduleReconnect();
}

void ServerConnection::scheduleReconnect()
{
    if (!m_wanted)
        return;
    // Exponential backoff with +-20% jitter so many clients do not return in lockstep.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = int(m_delayMs * jitter);
    m_delayMs = qMin(m_delayMs * 2, m_maxDelayMs);
    m_reconnectTimer.start(delay);
    emit retryScheduled((delay + 999) / 1000);
}

} // namespace natter::client
