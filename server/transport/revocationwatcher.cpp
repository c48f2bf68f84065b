#include "revocationwatcher.h"

#include "config/logging.h"
#include "protocol.h"
#include "sessionregistry.h"
#include "websocketsession.h"

#include <QDateTime>
#include <QSet>
#include <QTimerEvent>

namespace natter::server {

RevocationWatcher::RevocationWatcher(EndedTokens endedTokens, SessionRegistry &registry,
                                     QObject *parent)
    : QObject(parent), m_endedTokens(std::move(endedTokens)), m_registry(registry)
{}

void RevocationWatcher::start()
{
    m_checkedUpTo = QDateTime::currentMSecsSinceEpoch();
    m_timer.start(kIntervalMs, this);
}

void RevocationWatcher::stop()
{
    m_timer.stop();
}

void RevocationWatcher::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_timer.timerId())
        check();
    else
        QObject::timerEvent(event);
}

int RevocationWatcher::check()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto ended = m_endedTokens(m_checkedUpTo - kSlackMs, now);
    if (!ended) {
        // Looked at again from the same point next time; said once, not twice a second.
        if (!m_failing)
            qCWarning(lcTransport) << "cannot read revoked tokens; retrying";
        m_failing = true;
        return 0;
    }
    if (m_failing)
        qCInfo(lcTransport) << "reading revoked tokens works again";
    m_failing = false;
    m_checkedUpTo = now;
    if (ended->isEmpty())
        return 0;
    const QSet<QByteArray> hashes(ended->cbegin(), ended->cend());
    int closed = 0;
    // A copy: closing changes the registry.
    const QList<WebSocketSession *> sessions = m_registry.connections();
    for (WebSocketSession *session : sessions) {
        if (!session->isAuthenticated() || session->isClosing() ||
            !hashes.contains(session->tokenHash()))
            continue;
        qCInfo(lcTransport).noquote() << "connection" << session->connectionId()
                                      << "signed out: its token was revoked or expired";
        session->closeWith(protocol::CloseSignedOut,
                           QStringLiteral("signed out: this session was ended (signed out "
                                          "elsewhere, password reset, account disabled or "
                                          "expired)"));
        ++closed;
    }
    return closed;
}

} // namespace natter::server
