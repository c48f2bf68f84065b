// MessageListModel: the "New messages" line, above the first message after where the reader
// left off when the conversation opened. It stays while the conversation is open (reading
// moves the read position, not the line).
#include "messagelistmodel.h"

namespace natter::client {

void MessageListModel::setUnreadBoundary(qint64 readUpTo)
{
    if (m_unreadAfter == readUpTo)
        return;
    m_unreadAfter = readUpTo;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {StartsUnreadRole});
}

bool MessageListModel::startsUnread(int row) const
{
    // A row after the boundary whose previous row is at or before it: the older side must be
    // loaded, or where the reader left off is not known here.
    if (m_unreadAfter <= 0 || row <= 0 || row >= m_rows.size())
        return false;
    const Row &r = m_rows[row];
    return !r.pending && r.message.id > m_unreadAfter &&
           m_rows[row - 1].message.id <= m_unreadAfter && !m_rows[row - 1].pending;
}

} // namespace natter::client
