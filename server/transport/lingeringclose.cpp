#include "lingeringclose.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace natter::server {

namespace {
std::atomic<int> s_lingering = 0; // counted on the main thread, read on any
} // namespace

bool LingeringClose::start(int descriptor)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || s_lingering >= kMaxLingering)
        return false;
    const int copy = ::fcntl(descriptor, F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return false;
    // FIN after what is queued; the original descriptor's close then sends nothing, since
    // this copy keeps the connection open. Owned by the application so that nothing leaks
    // when the server stops while one lingers.
    ::shutdown(copy, SHUT_WR);
    if (QThread::currentThread() == app->thread())
        new LingeringClose(copy, app);
    else // a file connection's socket, on the file thread: the main thread lingers for it
        QMetaObject::invokeMethod(
            app, [copy, app] { new LingeringClose(copy, app); }, Qt::QueuedConnection);
    return true;
}

int LingeringClose::lingering()
{
    return s_lingering;
}

LingeringClose::LingeringClose(int descriptor, QObject *parent)
    : QObject(parent), m_descriptor(descriptor),
      m_notifier(qintptr(descriptor), QSocketNotifier::Read)
{
    ++s_lingering;
    connect(&m_notifier, &QSocketNotifier::activated, this, &LingeringClose::discard);
    m_deadline.start(kLingerMs, Qt::CoarseTimer, this);
}

LingeringClose::~LingeringClose()
{
    m_notifier.setEnabled(false);
    ::close(m_descriptor);
    --s_lingering;
}

void LingeringClose::discard()
{
    static char sink[64 * 1024];
    for (;;) {
        const ssize_t n = ::recv(m_descriptor, sink, sizeof sink, MSG_DONTWAIT);
        if (n > 0) {
            m_discarded += n;
            if (m_discarded >= kMaxDiscardBytes)
                return finish();
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;      // more later
        return finish(); // the peer closed too, or the connection failed
    }
}

void LingeringClose::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_deadline.timerId())
        finish();
    else
        QObject::timerEvent(event);
}

void LingeringClose::finish()
{
    m_deadline.stop();
    m_notifier.setEnabled(false);
    deleteLater();
}

} // namespace natter::server
