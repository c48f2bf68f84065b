#include "filesessions.h"

#include "codec.h"
#include "config/logging.h"
#include "filesession.h"
#include "socketprobe.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace natter::server {

FileSessions::FileSessions(FileTransfers &transfers, const ServerConfig &config, QObject *parent)
    : QObject(parent), m_transfers(transfers), m_config(config)
{
    m_thread.setObjectName(QStringLiteral("natter-files"));
}

FileSessions::~FileSessions()
{
    const QSet<FileSession *> sessions = std::exchange(m_sessions, {});
    for (FileSession *session : sessions) {
        disconnect(session, nullptr, this, nullptr);
        if (session->thread() == thread())
            delete session;
        else
            session->deleteLater(); // on the file thread, as it stops
    }
    m_thread.quit();
    // A session there may be waiting for a call on this thread (FileSession::atHome): served
    // while waiting, or each thread would wait for the other.
    while (!m_thread.wait(QDeadlineTimer(10)))
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

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
    m_sessions.insert(session);
    ++m_count;
    ++m_unauthenticatedByAddress[address];
    m_unauthenticated.insert(session, address);
    connect(session, &FileSession::signedIn, this, &FileSessions::leaveUnauthenticated);
    connect(session, &FileSession::finished, this, &FileSessions::finished);
    // Once this pass is over: the answer to the upgrade is flushed by then (LeanTcpSocket; a
    // TlsServerSocket's queued flush moves with it), and whatever the session does first (its
    // auth) may run here meanwhile.
    QMetaObject::invokeMethod(
        this, [this, session] { moveToFileThread(session); }, Qt::QueuedConnection);
}

void FileSessions::moveToFileThread(FileSession *session)
{
    if (!m_sessions.contains(session) || session->isClosing())
        return;
    QTcpSocket *socket = socketprobe::under(session->socket());
    if (!socket)
        return; // not one of the listener's sockets: stays here
    if (m_releaseSocket)
        m_releaseSocket(socket);
    // The QWebSocket does not own its socket; the session does, after it (children go in order).
    socket->setParent(session);
    if (!m_thread.isRunning())
        m_thread.start();
    session->moveToThread(&m_thread);
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
    if (!m_sessions.remove(session))
        return;
    leaveUnauthenticated(session);
    if (session->userId() > 0 && --m_byUser[session->userId()] <= 0)
        m_byUser.remove(session->userId());
    --m_count;
    session->deleteLater();
}

void FileSessions::closeAll(quint16 code, const QString &reason)
{
    for (FileSession *session : std::as_const(m_sessions)) {
        // On the session's thread: at once here, queued to the file thread.
        QMetaObject::invokeMethod(session,
                                  [session, code, reason] { session->closeWith(code, reason); });
    }
}

} // namespace natter::server
