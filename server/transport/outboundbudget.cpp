#include "outboundbudget.h"

namespace natter::server {

void OutboundBudget::change(qint64 before, qint64 after, bool gone)
{
    m_total += after - before;
    if (after >= before)
        return;
    // Frames on their way out are freed all the time; only a backlog is worth a trim.
    if (gone || before >= kBacklogBytes)
        m_trimmer.noteBacklogFreed(before - after, gone);
}

} // namespace natter::server
