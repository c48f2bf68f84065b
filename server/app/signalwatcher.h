#pragma once
// Turns SIGINT/SIGTERM into a Qt signal on the main thread (self-pipe via socketpair +
// QSocketNotifier: a signal handler may only write to a file descriptor).

#include <QObject>

class QSocketNotifier;

namespace natter::server {

class SignalWatcher final : public QObject
{
    Q_OBJECT

public:
    // One instance per process.
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;
    Q_DISABLE_COPY_MOVE(SignalWatcher)

signals:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace natter::server
