#pragma once
// Waits until a process has gone quiet: less than kQuietShare of one core over a sampling
// interval (read from /proc). The presence setup closes 10,000 sockets at once and the server
// handles those closes for seconds after the load generator sees them closed; its grace period
// for a user starts only when it has.

#include <QObject>
#include <QTimer>

namespace bench {

class QuietWait final : public QObject
{
    Q_OBJECT

public:
    // pid 0: nothing to watch; quiet() comes at once.
    explicit QuietWait(qint64 pid, QObject *parent = nullptr);

    // quiet() when the process is quiet or after `maxMs`, whichever comes first.
    void start(int maxMs);
    double waitedS() const;

signals:
    void quiet();

private:
    void sample();
    void done();

    qint64 m_pid;
    QTimer m_timer;
    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    qint64 m_deadlineNs = 0;
    double m_lastCpuS = -1;
};

} // namespace bench
