// MessageView: where an opened conversation with unread messages starts. With the "New
// messages" line (MessageListModel::StartsUnreadRole) and more below it than fits, the view
// starts at the line instead of the bottom, and the jump button counts the new messages.
#include "messagelistmodel.h"
#include "messageview.h"
#include "messagewindowmodel.h"

#include <QPersistentModelIndex>
#include <QScrollBar>
#include <QTimer>

namespace natter::client {

void MessageView::placeUnreadLine()
{
    const QAbstractItemModel *source = sourceModel();
    if (m_unreadPlaced || !m_stick || m_adjusting || !source)
        return;
    const auto *messages = qobject_cast<const MessageListModel *>(source);
    if (!messages || messages->unreadBoundary() == 0) {
        m_unreadPlaced = true; // no line in this conversation: nothing to look for
        return;
    }
    int row = source->rowCount() - 1;
    while (row >= 0 && !source->index(row, 0).data(MessageListModel::StartsUnreadRole).toBool())
        --row;
    if (row < 0)
        return; // not known yet: the messages before it may still be loading
    const QModelIndex at = toView(source->index(row, 0));
    if (!at.isValid())
        return;
    m_unreadPlaced = true;
    doItemsLayout(); // measured as it will be shown
    QScrollBar *bar = verticalScrollBar();
    if (bar->value() + visualRect(at).top() >= bar->maximum())
        return; // the line and all below it are on screen at the bottom already
    int fresh = 0;
    for (int r = row; r < source->rowCount(); ++r) {
        if (!source->index(r, 0).data(MessageListModel::IsOwnRole).toBool())
            ++fresh;
    }
    m_stick = false;
    m_unseen = fresh;
    m_adjusting = true; // not a scroll by the reader: the stickiness stays off
    scrollTo(at, PositionAtTop);
    m_adjusting = false;
    updateJumpButton();
}

void MessageView::scrollToUnreadOrNewest()
{
    scrollToNewest();
    placeUnreadLine(); // the line, when known and more is below it than fits
}

} // namespace natter::client
