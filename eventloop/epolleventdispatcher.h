#pragma once
// The main-thread event loop on Linux epoll, for the server and the load generator. Qt's own
// dispatchers (UNIX and glib) hand every socket to poll() on each pass, which costs
// O(connections) per pass even when one socket is ready: with 1,000 busy clients that was a
// fifth of the server's CPU. epoll keeps the interest set in the kernel and reports only ready
// descriptors.
//
// Semantics follow Qt's UNIX dispatcher: level-triggered notifiers (hang-up and error wake
// every notifier of the descriptor), posted events sent at the start of each pass, timers
// with millisecond resolution (every timer type is treated as precise).

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QHash>
#include <QList>

#include <array>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

class QSocketNotifier;
struct epoll_event;

namespace natter {

class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    // Makes a new one the main thread's dispatcher; call before the application object.
    // False (and Qt's stays) when NATTER_EVENT_LOOP=qt asks for Qt's, or when the kernel
    // refused an epoll or eventfd descriptor.
    static bool installForMainThread();

    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;
    Q_DISABLE_COPY_MOVE(EpollEventDispatcher)

    // False when the kernel refused an epoll or eventfd descriptor; do not install it then.
    bool isValid() const { return m_epollFd >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    // The notifiers of one descriptor. `generation` tells a descriptor number reused by a new
    // socket from the closed one whose events may still be in the current batch.
    struct Watch
    {
        std::array<QSocketNotifier *, 3> notifiers{}; // by QSocketNotifier::Type
        quint32 generation = 0;
        quint32 events = 0;       // as registered with epoll
        bool alwaysReady = false; // a regular file: epoll refuses it, poll() calls it ready
    };
    struct Timer
    {
        QObject *object = nullptr;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        qint64 deadlineNs = 0;
        quint64 serial = 0; // tells a timer id reused during an activation from the original
        bool activating = false;
    };
    struct ReadyNotifier
    {
        int fd;
        quint32 generation;
        int type;
    };

    void updateWatch(int fd, Watch &watch);
    int activateSocketNotifiers(const std::vector<ReadyNotifier> &readyList);
    int activateTimers();
    qint64 nsUntilNextTimer() const; // -1: no timer
    int waitForEvents(epoll_event *events, int maxEvents, qint64 timeoutNs);
    void drainWakeUps();
    static qint64 nowNs();

    int m_epollFd = -1;
    bool m_havePwait2 = true;
    int m_wakeFd = -1;
    QAtomicInt m_wakeUpPending;
    QAtomicInt m_interrupted;

    std::vector<Watch> m_watches; // by descriptor
    quint32 m_nextGeneration = 1;
    int m_alwaysReadyCount = 0;
    std::vector<ReadyNotifier> m_spareReady;

    QHash<int, Timer> m_timers;
    QMultiHash<QObject *, int> m_timersByObject;
    std::set<std::pair<qint64, int>> m_deadlines; // (deadline, timer id)
    quint64 m_nextTimerSerial = 1;
};

} // namespace natter
