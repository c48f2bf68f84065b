#pragma once
// When to take a run's final reading: once a condition (every online list correct) has held
// for `settleMs` — presence diffs are batched, so a list can be right for a moment and then
// receive one more entry — or when the deadline passes first. Reports the moment the condition
// last became true.

#include <QJsonValue>
#include <QObject>
#include <QTimer>

namespace bench {

// How long a condition holds before a run reads its figures.
inline constexpr int kSettleMs = 1000;

// Seconds from startNs to endNs, to the millisecond; null when endNs is 0 (never happened).
QJsonValue secondsSince(qint64 startNs, qint64 endNs);

class SettleWatch final : public QObject
{
    Q_OBJECT

public:
    explicit SettleWatch(int settleMs, QObject *parent = nullptr);

    // Arms the deadline; update() works before it too.
    void startDeadline(int deadlineMs);
    // Call whenever the condition may have changed.
    void update(bool holds);
    bool holds() const { return m_holds; }
    // benchclock time the condition last became true; 0 if it never did.
    qint64 heldSinceNs() const { return m_sinceNs; }

signals:
    void settled();
    void timedOut();

private:
    void finish();

    QTimer m_settle;
    QTimer m_deadline;
    qint64 m_sinceNs = 0;
    bool m_holds = false;
    bool m_finished = false;
};

} // namespace bench
