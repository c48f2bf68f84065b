#pragma once
// The server-wide total of unsent outbound data: what every connection has queued and the
// kernel has not taken yet, i.e. memory a client decides about by reading or not. Each
// WebSocketSession reports its own figure whenever it changes (it wrote a frame, or the socket
// wrote some out); SessionRegistry closes the largest holders when the total is over the
// configured budget. Backlogs let go (written after piling up, or dropped with their
// connection) are handed to a HeapTrimmer so the heap shrinks back afterwards.

#include "heaptrimmer.h"

#include <QtGlobal>

#include <limits>

namespace natter::server {

class OutboundBudget final
{
public:
    // A connection's unsent data went from `before` to `after` bytes; `gone`: it closed (what
    // was left is dropped).
    void change(qint64 before, qint64 after, bool gone = false);
    qint64 total() const { return m_total; }

private:
    // Data above this per connection is a backlog, not a frame on its way out.
    static constexpr qint64 kBacklogBytes = qint64(1) << 20;

    qint64 m_total = 0;
    // Only backlogs: the 1,000-closes rule is ChatServer's own trimmer's.
    HeapTrimmer m_trimmer{std::numeric_limits<int>::max(), 2000, kBacklogBytes};
};

} // namespace natter::server
