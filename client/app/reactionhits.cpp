// Where replies and reactions are hit: MessageBubbleDelegate's quote and chips under a point
// (and the chips' tooltips), MessageView's clicks on them.
#include "messagebubbledelegate.h"
#include "messagelistmodel.h"
#include "messageview.h"
#include "messagewindowmodel.h"
#include "reactionchips.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>

namespace natter::client {
namespace {

QModelIndex sourceIndex(const QModelIndex &index)
{
    if (const auto *window = qobject_cast<const MessageWindowModel *>(index.model()))
        return window->mapToSource(index);
    return index;
}

} // namespace

QList<QRectF> MessageBubbleDelegate::chipRects(const QFont &font, const QList<ReactionChip> &chips,
                                               const Layout &l, bool own)
{
    return extras::chipRects(font, chips, l.bubble.left(), l.bubble.right(), l.bubble.bottom(),
                             own);
}

qint64 MessageBubbleDelegate::quoteAt(const QStyleOptionViewItem &option,
                                      const QModelIndex &viewIndex, const QPoint &pos) const
{
    const QModelIndex index = sourceIndex(viewIndex);
    const Layout l = layoutFor(option, index);
    if (l.quote.isEmpty() || !l.quote.contains(QPointF(pos) - QPointF(option.rect.topLeft())))
        return 0;
    return index.data(MessageListModel::ReplyToIdRole).toLongLong();
}

int MessageBubbleDelegate::chipAt(const QStyleOptionViewItem &option, const QModelIndex &viewIndex,
                                  const QPoint &pos) const
{
    const QModelIndex index = sourceIndex(viewIndex);
    const Layout l = layoutFor(option, index);
    const QList<QRectF> rects = chipRects(option.font, extras::chipsOf(index), l,
                                          index.data(MessageListModel::IsOwnRole).toBool());
    const QPointF at = QPointF(pos) - QPointF(option.rect.topLeft());
    for (int i = 0; i < rects.size(); ++i) {
        if (rects[i].contains(at))
            return i;
    }
    return -1;
}

bool MessageBubbleDelegate::chipToolTip(QHelpEvent *event, QAbstractItemView *view,
                                        const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const int chip = chipAt(option, index, event->pos());
    if (chip < 0)
        return false;
    // Names and an emoji of the fixed set only (a tooltip may take text for markup).
    const QList<ReactionChip> chips = extras::chipsOf(sourceIndex(index));
    QToolTip::showText(event->globalPos(),
                       tr("%1 by %2").arg(chips[chip].emoji, chips[chip].who.toHtmlEscaped()),
                       view->viewport());
    return true;
}

bool MessageView::extrasClicked(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return false;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    if (m_delegate->imageAt(option, index, pos)) {
        emit imageClicked(sourceIndex(index));
        return true;
    }
    if (const qint64 quoted = m_delegate->quoteAt(option, index, pos)) {
        emit quoteClicked(quoted);
        return true;
    }
    const int chip = m_delegate->chipAt(option, index, pos);
    if (chip < 0)
        return false;
    const QModelIndex source = sourceIndex(index);
    const ReactionChip c = extras::chipsOf(source).value(chip);
    emit reactionClicked(source.data(MessageListModel::IdRole).toLongLong(), c.emoji, c.mine);
    return true;
}

} // namespace natter::client
