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
    // The first message of someone else after the boundary (one's own, written since, are
    // not news). The older side must be loaded, or where the reader left off is not known.
    if (m_unreadAfter <= 0 || row <= 0 || row >= m_rows.size())
        return false;
    const Row &r = m_rows[row];
    if (r.pending || r.message.id <= m_unreadAfter || r.message.senderId == m_self.id)
        return false;
    int before = row - 1;
    while (before >= 0 && !m_rows[before].pending && m_rows[before].message.id > m_unreadAfter &&
           m_rows[before].message.senderId == m_self.id)
        --before;
    return before >= 0 && !m_rows[before].pending && m_rows[before].message.id <= m_unreadAfter;
}

} // namespace natter::client
