#pragma once
// How many sends one event-loop pass may queue for its commit. Past the server's capacity
// the sends of a pass would take longer and longer to commit (each pass reads what arrived
// during the last, larger one), and every sender would wait seconds with no word. The budget
// keeps a pass's commit near `targetMs`: it follows the measured cost of a committed message,
// and the sends beyond it are refused at once with rate_limited and a retry_after_ms.

#include <QtGlobal>

namespace natter::server {

class SendAdmission final
{
public:
    // targetMs 0: every send is admitted (no budget).
    explicit SendAdmission(int targetMs) : m_targetMs(targetMs) {}

    // Whether one more send may join a pass that has `admitted` already; if not, when its
    // sender may try again.
    bool admits(qsizetype admitted, qint64 *retryAfterMs) const;
    // A pass committed `messages` sends in `elapsedNs`: the budget follows.
    void committed(qsizetype messages, qint64 elapsedNs);

    qsizetype budget() const { return m_budget; }

    // Below this many sends a pass is always admitted: a small pass says little about the
    // cost of a large one (its fsync dominates), and a burst of a few hundred must never be
    // refused on an idle server.
    static constexpr qsizetype kMinBudget = 256;
    static constexpr qsizetype kMaxBudget = 1 << 20;

private:
    int m_targetMs;
    double m_costNs = 0; // per committed message, smoothed over passes
    qsizetype m_budget = kMaxBudget;
};

} // namespace natter::server
