#include "epolleventdispatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QtDebug>

#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace natter {
namespace {

constexpr quint64 kWakeUpKey = ~quint64(0);
constexpr int kMaxEventsPerPass = 512;

quint64 keyOf(int fd, quint32 generation)
{
    return (quint64(generation) << 32) | quint32(fd);
}

// Which notifier types an epoll event wakes. As with poll() in Qt's UNIX dispatcher, a
// hang-up or an error wakes them all: the reader then sees end of file or the error.
bool wakes(quint32 events, int type)
{
    constexpr quint32 kAlways = EPOLLHUP | EPOLLERR;
    switch (type) {
    case QSocketNotifier::Read:
        return events & (EPOLLIN | kAlways);
    case QSocketNotifier::Write:
        return events & (EPOLLOUT | kAlways);
    default:
        return events & (EPOLLPRI | kAlways);
    }
}

quint32 interestOf(int type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return EPOLLIN;
    case QSocketNotifier::Write:
        return EPOLLOUT;
    default:
        return EPOLLPRI;
    }
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epollFd < 0 || m_wakeFd < 0) {
        qWarning("EpollEventDispatcher: %s", std::strerror(errno));
        return;
    }
    epoll_event event = {};
    event.events = EPOLLIN;
    event.data.u64 = kWakeUpKey;
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
        qWarning("EpollEventDispatcher: %s", std::strerror(errno));
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

bool EpollEventDispatcher::installForMainThread()
{
    if (qEnvironmentVariable("NATTER_EVENT_LOOP") == QLatin1String("qt"))
        return false;
    auto *dispatcher = new EpollEventDispatcher;
    if (!dispatcher->isValid()) {
        delete dispatcher;
        return false;
    }
    QCoreApplication::setEventDispatcher(dispatcher);
    return true;
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
}

qint64 EpollEventDispatcher::nowNs()
{
    timespec now = {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// --- socket notifiers

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || type < 0 || type > 2)
        return;
    if (size_t(fd) >= m_watches.size())
        m_watches.resize(size_t(fd) + 1);
    Watch &watch = m_watches[size_t(fd)];
    if (watch.notifiers[size_t(type)] && watch.notifiers[size_t(type)] != notifier)
        qWarning("EpollEventDispatcher: a second notifier of the same type for descriptor %d", fd);
    watch.notifiers[size_t(type)] = notifier;
    updateWatch(fd, watch);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const int type = int(notifier->type());
    if (fd < 0 || size_t(fd) >= m_watches.size() || type < 0 || type > 2)
        return;
    Watch &watch = m_watches[size_t(fd)];
    if (watch.notifiers[size_t(type)] != notifier)
        return;
    watch.notifiers[size_t(type)] = nullptr;
    updateWatch(fd, watch);
}

// Brings the kernel's interest set in line with the descriptor's notifiers: one epoll_ctl
// when the set of wanted events changes, none otherwise.
void EpollEventDispatcher::updateWatch(int fd, Watch &watch)
{
    quint32 wanted = 0;
    for (int type = 0; type < 3; ++type) {
        if (watch.notifiers[size_t(type)])
            wanted |= interestOf(type);
    }
    if (watch.alwaysReady) {
        if (wanted == 0) {
            watch.alwaysReady = false;
            --m_alwaysReadyCount;
        }
        watch.events = wanted;
        return;
    }
    if (wanted == watch.events)
        return;
    if (wanted == 0) {
        // The descriptor may already be closed (then the kernel dropped it by itself).
        ::epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
        watch.events = 0;
        return;
    }
    epoll_event event = {};
    event.events = wanted;
    int op = EPOLL_CTL_MOD;
    if (watch.events == 0) {
        // A new registration: events still queued for an earlier socket on this number are
        // told apart by the generation.
        op = EPOLL_CTL_ADD;
        watch.generation = m_nextGeneration++;
    }
    event.data.u64 = keyOf(fd, watch.generation);
    int result = ::epoll_ctl(m_epollFd, op, fd, &event);
    if (result != 0 && op == EPOLL_CTL_MOD && errno == ENOENT) {
        // The descriptor was closed while still watched and its number reused.
        watch.generation = m_nextGeneration++;
        event.data.u64 = keyOf(fd, watch.generation);
        result = ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, fd, &event);
    } else if (result != 0 && op == EPOLL_CTL_ADD && errno == EEXIST) {
        result = ::epoll_ctl(m_epollFd, EPOLL_CTL_MOD, fd, &event);
    }
    if (result != 0) {
        if (errno == EPERM) {
            // A regular file or directory: poll() reports those always ready, so do we.
            watch.alwaysReady = true;
            ++m_alwaysReadyCount;
        } else {
            qWarning("EpollEventDispatcher: cannot watch descriptor %d: %s", fd,
                     std::strerror(errno));
        }
    }
    watch.events = wanted;
}

int EpollEventDispatcher::activateSocketNotifiers(const std::vector<ReadyNotifier> &readyList)
{
    // Each is looked up again: activating one notifier may close, reopen or unregister any
    // other.
    int activated = 0;
    QEvent event(QEvent::SockAct);
    for (const ReadyNotifier &ready : readyList) {
        if (size_t(ready.fd) >= m_watches.size())
            continue;
        const Watch &watch = m_watches[size_t(ready.fd)];
        QSocketNotifier *notifier = watch.notifiers[size_t(ready.type)];
        if (!notifier || (!watch.alwaysReady && watch.generation != ready.generation))
            continue;
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    return activated;
}

// --- timers

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    if (timerId <= 0 || interval < 0 || !object)
        return;
    unregisterTimer(timerId);
    Timer timer;
    timer.object = object;
    timer.intervalMs = interval;
    timer.type = timerType;
    timer.deadlineNs = nowNs() + interval * 1'000'000;
    timer.serial = m_nextTimerSerial++;
    m_timers.insert(timerId, timer);
    m_timersByObject.insert(object, timerId);
    m_deadlines.emplace(timer.deadlineNs, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.constEnd())
        return false;
    m_deadlines.erase({it->deadlineNs, timerId});
    m_timersByObject.remove(it->object, timerId);
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const QList<int> ids = m_timersByObject.values(object);
    for (int id : ids)
        unregisterTimer(id);
    return !ids.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> infos;
    for (auto it = m_timersByObject.constFind(object);
         it != m_timersByObject.constEnd() && it.key() == object; ++it) {
        const Timer &timer = m_timers[it.value()];
        infos.append(TimerInfo(it.value(), int(timer.intervalMs), timer.type));
    }
    return infos;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.constEnd())
        return -1;
    const qint64 leftNs = it->deadlineNs - nowNs();
    return leftNs <= 0 ? 0 : int((leftNs + 999'999) / 1'000'000);
}

qint64 EpollEventDispatcher::nsUntilNextTimer() const
{
    if (m_deadlines.empty())
        return -1;
    return qMax<qint64>(m_deadlines.begin()->first - nowNs(), 0);
}

int EpollEventDispatcher::waitForEvents(epoll_event *events, int maxEvents, qint64 timeoutNs)
{
    // Nanoseconds where the kernel has epoll_pwait2 (5.11): a timer due in 0.2 ms must not
    // wait for a whole millisecond (a load generator's pacing would be late by that much).
    if (m_havePwait2) {
        timespec timeout = {time_t(timeoutNs / 1'000'000'000), long(timeoutNs % 1'000'000'000)};
        const int count = ::epoll_pwait2(m_epollFd, events, maxEvents,
                                         timeoutNs < 0 ? nullptr : &timeout, nullptr);
        if (count >= 0 || errno != ENOSYS)
            return count;
        m_havePwait2 = false;
    }
    // Rounded up: waking a little early would only find the timer not yet due.
    const int timeoutMs =
        timeoutNs < 0 ? -1 : int(qMin<qint64>((timeoutNs + 999'999) / 1'000'000, INT_MAX));
    return ::epoll_wait(m_epollFd, events, maxEvents, timeoutMs);
}

int EpollEventDispatcher::activateTimers()
{
    const qint64 now = nowNs();
    // Only timers due now, each at most once per pass: a timer restarted from its own event
    // or a zero timer must not starve the sockets.
    std::vector<std::pair<int, quint64>> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= now; ++it)
        due.emplace_back(it->second, m_timers.value(it->second).serial);
    int activated = 0;
    for (const auto &[id, serial] : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->serial != serial || it->activating)
            continue;
        // Next deadline first, so that a timer stopped or restarted by its receiver stays so.
        m_deadlines.erase({it->deadlineNs, id});
        const qint64 intervalNs = it->intervalMs * 1'000'000;
        it->deadlineNs += intervalNs;
        if (it->deadlineNs <= now)
            it->deadlineNs = now + intervalNs; // missed periods are not made up
        m_deadlines.emplace(it->deadlineNs, id);
        it->activating = true;
        QObject *receiver = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(receiver, &event);
        ++activated;
        // The receiver may have killed the timer, or a new one may have its id now.
        it = m_timers.find(id);
        if (it != m_timers.end() && it->serial == serial)
            it->activating = false;
    }
    return activated;
}

// --- the loop

void EpollEventDispatcher::wakeUp()
{
    // Called from any thread (QCoreApplication::postEvent); one write until the loop drains.
    if (m_wakeUpPending.testAndSetAcquire(0, 1)) {
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelease(1);
    wakeUp();
}

void EpollEventDispatcher::drainWakeUps()
{
    quint64 count = 0;
    [[maybe_unused]] const ssize_t bytes = ::read(m_wakeFd, &count, sizeof count);
    m_wakeUpPending.storeRelease(0);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelease(0);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool withTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool withSockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    qint64 timeoutNs = 0;
    if (flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.loadAcquire() &&
        !(withSockets && m_alwaysReadyCount > 0)) {
        timeoutNs = withTimers ? nsUntilNextTimer() : -1;
        if (timeoutNs != 0)
            emit aboutToBlock(); // may post events: their wake-up ends the wait at once
    }

    int handled = 0;
    if (withSockets) {
        // Local, not a member: a notifier may run a nested event loop. The spare keeps the
        // capacity between passes.
        std::vector<ReadyNotifier> ready;
        ready.swap(m_spareReady);
        epoll_event events[kMaxEventsPerPass];
        int count = waitForEvents(events, kMaxEventsPerPass, timeoutNs);
        if (count < 0) {
            if (errno != EINTR)
                qWarning("EpollEventDispatcher: epoll wait: %s", std::strerror(errno));
            count = 0;
        }
        for (int i = 0; i < count; ++i) {
            const quint64 key = events[i].data.u64;
            if (key == kWakeUpKey) {
                drainWakeUps();
                ++handled;
                continue;
            }
            const int fd = int(quint32(key));
            const quint32 generation = quint32(key >> 32);
            for (int type = 0; type < 3; ++type) {
                if (wakes(events[i].events, type))
                    ready.push_back({fd, generation, type});
            }
        }
        if (m_alwaysReadyCount > 0) {
            for (size_t fd = 0; fd < m_watches.size(); ++fd) {
                if (!m_watches[fd].alwaysReady)
                    continue;
                for (int type = 0; type < 3; ++type) {
                    if (m_watches[fd].notifiers[size_t(type)])
                        ready.push_back({int(fd), 0, type});
                }
            }
        }
        handled += activateSocketNotifiers(ready);
        ready.clear();
        if (ready.capacity() > m_spareReady.capacity())
            ready.swap(m_spareReady);
    } else {
        // Sockets excluded: wait for a wake-up or the next timer only.
        pollfd wake = {m_wakeFd, POLLIN, 0};
        const timespec timeout = {time_t(timeoutNs / 1'000'000'000),
                                  long(timeoutNs % 1'000'000'000)};
        if (::ppoll(&wake, 1, timeoutNs < 0 ? nullptr : &timeout, nullptr) > 0) {
            drainWakeUps();
            ++handled;
        }
    }
    if (withTimers)
        handled += activateTimers();
    return handled > 0;
}

} // namespace natter
