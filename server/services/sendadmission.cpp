#include "sendadmission.h"

#include <algorithm>
#include <cmath>

namespace natter::server {

bool SendAdmission::admits(qsizetype admitted, qint64 *retryAfterMs) const
{
    if (m_targetMs <= 0 || admitted < m_budget)
        return true;
    // The queued pass commits within about targetMs, and the next one as long: a sender that
    // waits that much finds room.
    *retryAfterMs = qint64(m_targetMs) * 2;
    return false;
}

void SendAdmission::committed(qsizetype messages, qint64 elapsedNs)
{
    if (m_targetMs <= 0 || messages < kMinBudget || elapsedNs <= 0)
        return;
    const double cost = double(elapsedNs) / double(messages);
    // Smoothed, so that one slow fsync does not halve the next pass.
    m_costNs = m_costNs == 0 ? cost : 0.7 * m_costNs + 0.3 * cost;
    const double fits = double(m_targetMs) * 1e6 / m_costNs;
    m_budget = qsizetype(std::clamp(std::floor(fits), double(kMinBudget), double(kMaxBudget)));
}

} // namespace natter::server
