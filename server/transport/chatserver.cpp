#include "chatserver.h"

#include "codec.h"
#include "config/logging.h"
#include "filerequests.h"
#include "filesessions.h"
#include "protocollimits.h"
#include "sessionregistry.h"
#include "tlspolicy.h"
#include "websocketlistener.h"
#include "websocketserverlog.h"
#include "websocketsession.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace natter::server {

ChatServer::ChatServer(SessionRegistry &registry, const RequestDispatcher &dispatcher,
                       const ServerConfig &config, QObject *parent)
    : QObject(parent), m_registry(registry), m_dispatcher(dispatcher), m_config(config),
      m_userLimiter(config.userRequestsPerSecond, config.userRequestBurst),
      m_server(new QWebSocketServer(QStringLiteral("natter-server"),
                                    config.tlsCertPath.isEmpty() ? QWebSocketServer::NonSecureMode
                                                                 : QWebSocketServer::SecureMode,
                                    this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, &ChatServer::acceptPending);
    logWebSocketServerErrors(*m_server);
    // A deadline is noticed at most a quarter of the shorter timeout late (and within 1 s).
    m_deadlineSweep.setInterval(
        qBound(10, qMin(config.authTimeoutMs, config.idleTimeoutMs) / 4, 1000));
    connect(&m_deadlineSweep, &QTimer::timeout, this, &ChatServer::sweepDeadlines);
    m_deadlineSweep.start();
}

void ChatServer::sweepDeadlines()
{
    // A copy: closing a session changes the registry.
    const QList<WebSocketSession *> sessions = m_registry.connections();
    for (WebSocketSession *session : sessions)
        session->checkDeadlines();
}

ChatServer::~ChatServer()
{
    // Sessions are children: they go before the registry they refer to.
    stopListening();
}

bool ChatServer::listen(const QHostAddress &address, quint16 port)
{
    m_server->setMaxPendingConnections(1024);
    if (!m_listener)
        m_listener = new WebSocketListener(m_server, this);
    if (!m_config.tlsCertPath.isEmpty()) {
        QSslConfiguration tls;
        if (!configureTls(&tls))
            return false;
        m_listener->setTlsConfiguration(withTlsPolicy(tls)); // forward-secret AEAD only
    }
    m_listener->setMaxHandshakesPerAddress(m_config.maxHandshakesPerAddress);
    m_listener->setTrustedProxies(m_config.trustedProxies);
    // QTcpServer's default listen backlog (50) makes the 51st of a burst of connects wait a
    // 1 s SYN retry: an office arriving at 9:00, or a restart with every client reconnecting.
    m_listener->setListenBacklogSize(1024);
    return m_listener->listen(address, port);
}

bool ChatServer::isSecure() const
{
    return m_server->secureMode() == QWebSocketServer::SecureMode;
}

bool ChatServer::configureTls(QSslConfiguration *out)
{
    QFile certFile(m_config.tlsCertPath);
    QFile keyFile(m_config.tlsKeyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_tlsError =
            QStringLiteral("cannot read %1 or %2").arg(m_config.tlsCertPath, m_config.tlsKeyPath);
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        m_tlsError = chain.isEmpty()
                         ? QStringLiteral("no PEM certificate in %1").arg(m_config.tlsCertPath)
                         : QStringLiteral("no RSA or EC PEM key in %1").arg(m_config.tlsKeyPath);
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    *out = tls;
    return true;
}

QString ChatServer::errorString() const
{
    if (!m_tlsError.isEmpty())
        return m_tlsError;
    return m_listener ? m_listener->errorString() : QString();
}
quint16 ChatServer::serverPort() const
{
    return m_listener ? m_listener->serverPort() : 0;
}
void ChatServer::stopListening()
{
    if (m_listener)
        m_listener->close();
}
int ChatServer::connectionCount() const
{
    return m_sessions;
}

void ChatServer::acceptPending()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        // Over the hard limit QWebSocket closes with 1009; between 64 KiB and 1 MiB the frame
        // arrives and the codec answers too_large, keeping the socket open.
        socket->setMaxAllowedIncomingFrameSize(quint64(limits::kHardFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(limits::kHardFrameBytes));
        if (m_files && socket->requestUrl().path() == QLatin1String(files::kPath)) {
            m_files->accept(socket);
            continue;
        }
        if (socket->requestUrl().path() != protocol::kPath) {
            rejectWrongPath(socket);
            continue;
        }
        if (m_registry.unauthenticatedFrom(socket->peerAddress().toString()) >=
            m_config.maxUnauthenticatedPerAddress) {
            rejectFlood(socket);
            continue;
        }
        auto *session =
            new WebSocketSession(socket, m_registry, m_userLimiter, m_dispatcher, m_config, this);
        ++m_sessions;
        connect(session, &WebSocketSession::finished, this, &ChatServer::sessionFinished);
    }
}

void ChatServer::rejectFlood(QWebSocket *socket)
{
    qCWarning(lcTransport).noquote()
        << "too many unauthenticated connections from" << socket->peerAddress().toString();
    socket->setParent(this);
    socket->sendTextMessage(codec::encodeError(
        QString(), ProtocolError::make(ErrorCode::RateLimited,
                                       QStringLiteral("too many connections from this address "
                                                      "that have not signed in"))));
    socket->close(QWebSocketProtocol::CloseCode(protocol::ClosePolicy),
                  QStringLiteral("too many connections"));
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
}

void ChatServer::rejectWrongPath(QWebSocket *socket)
{
    qCInfo(lcTransport).noquote() << "rejecting connection to path" << socket->requestUrl().path();
    socket->setParent(this);
    socket->sendTextMessage(codec::encodeError(
        QString(), ProtocolError::make(ErrorCode::UnsupportedVersion,
                                       QStringLiteral("this server speaks protocol version %1 "
                                                      "on %2")
                                           .arg(protocol::kVersion)
                                           .arg(protocol::kPath))));
    socket->close(QWebSocketProtocol::CloseCode(protocol::CloseUnsupportedVersion),
                  QStringLiteral("unsupported version"));
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(5'000, socket, &QWebSocket::abort);
}

void ChatServer::sessionFinished(WebSocketSession *session)
{
    --m_sessions;
    session->deleteLater();
    m_heapTrimmer.noteConnectionClosed();
    if (m_sessions == 0)
        emit connectionsClosed();
}

void ChatServer::serveFiles(FileTransfers *transfers)
{
    delete m_files;
    m_files = transfers ? new FileSessions(*transfers, m_config, this) : nullptr;
    if (m_files) {
        m_files->setReleaseSocket([this](QTcpSocket *socket) {
            if (m_listener)
                m_listener->release(socket);
            QObject::disconnect(socket, nullptr, m_server, nullptr); // it deletes them otherwise
        });
    }
}

void ChatServer::closeAll(quint16 code, const QString &reason)
{
    if (m_files)
        m_files->closeAll(code, reason);
    const auto sessions = findChildren<WebSocketSession *>(Qt::FindDirectChildrenOnly);
    for (WebSocketSession *session : sessions)
        session->closeWith(code, reason);
    if (m_sessions == 0)
        emit connectionsClosed();
}

} // namespace natter::server
