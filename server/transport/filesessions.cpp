#include "filesessions.h"

#include "codec.h"
#include "config/logging.h"
#include "filesession.h"

#include <QTimer>
#include <QWebSocket>

namespace natter::server {

FileSessions::FileSessions(FileTransfers &transfers, const ServerConfig &config, QObject *parent)
    : QObject(parent), m_transfers(transfers), m_config(config)
{}

void FileSessions::accept(QWebSocket *socket)
{
    const QString address = socket->peerAddress().toString();
    if (m_unauthenticatedByAddress.value(address) >= m_config.maxUnauthenticatedPerAddress) {
        qCWarning(lcTransport).noquote()
            << "too many unauthenticated file connections from" << address;
        socket->setParent(this);
        socket->sendTextMessage(codec::encodeError(
            QString(), ProtocolError::make(ErrorCode::RateLimited,
                                           QStringLiteral("too many connections from this "
                                                          "address that have not signed in"))));
        socket->close(QWebSocketProtocol::CloseCode(protocol::ClosePolicy),
                      QStringLiteral("too many connections"));
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(5'000, socket, &QWebSocket::abort);
        return;
    }
    auto *session = new FileSession(
        socket, m_transfers, m_config,
        [this](qint64 userId) {
            int &open = m_byUser[userId];
            if (open >= kMaxPerUser)
                return false;
            ++open;
            return true;
        },
        this);
    ++m_count;
    ++m_unauthenticatedByAddress[address];
    m_unauthenticated.insert(session, address);
    connect(session, &FileSession::signedIn, this, &FileSessions::leaveUnauthenticated);
    connect(session, &FileSession::finished, this, &FileSessions::finished);
}

void FileSessions::leaveUnauthenticated(FileSession *session)
{
    const auto pending = m_unauthenticated.find(session);
    if (pending == m_unauthenticated.end())
        return;
    if (--m_unauthenticatedByAddress[pending.value()] <= 0)
        m_unauthenticatedByAddress.remove(pending.value());
    m_unauthenticated.erase(pending);
}

void FileSessions::finished(FileSession *session)
{
    leaveUnauthenticated(session);
    if (session->userId() > 0 && --m_byUser[session->userId()] <= 0)
        m_byUser.remove(session->userId());
    --m_count;
    session->deleteLater();
}

void FileSessions::closeAll(quint16 code, const QString &reason)
{
    const auto sessions = findChildren<FileSession *>(Qt::FindDirectChildrenOnly);
    for (FileSession *session : sessions)
        session->closeWith(code, reason);
}

} // namespace natter::server
