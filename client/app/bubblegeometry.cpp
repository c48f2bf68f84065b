#include "bubblegeometry.h"

#include "messagelistmodel.h"

namespace natter::client {
namespace {

constexpr qint64 kRunMs = 5 * 60 * 1000;

} // namespace

// Does `index` continue the run of the message before it (same sender, same day, close)?
bool continuesRun(const QModelIndex &index)
{
    if (index.row() == 0 || index.data(MessageListModel::StartsNewDayRole).toBool())
        return false;
    const QModelIndex prev = index.siblingAtRow(index.row() - 1);
    if (prev.data(MessageListModel::SenderIdRole) != index.data(MessageListModel::SenderIdRole))
        return false;
    // A system line stands alone: the sender's next message shows their name again.
    if (prev.data(MessageListModel::IsSystemRole).toBool() ||
        index.data(MessageListModel::IsSystemRole).toBool())
        return false;
    // Milliseconds, not QDateTimes: this runs for every row whenever the list is laid out.
    const qint64 gap = index.data(MessageListModel::CreatedAtMsRole).toLongLong() -
                       prev.data(MessageListModel::CreatedAtMsRole).toLongLong();
    return gap < kRunMs;
}

bool runContinuesAfter(const QModelIndex &index)
{
    const QModelIndex next = index.siblingAtRow(index.row() + 1);
    return next.isValid() && continuesRun(next);
}

TextSize layoutPlainText(QTextLayout *layout, qreal width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    TextSize size;
    layout->beginLayout();
    for (;;) {
        QTextLine line = layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        line.setPosition(QPointF(0, size.height));
        size.height += line.height();
        size.lastLineWidth = line.naturalTextWidth();
        size.width = qMax(size.width, size.lastLineWidth);
    }
    layout->endLayout();
    return size;
}

QPainterPath bubblePath(const QRectF &r, qreal tl, qreal tr, qreal br, qreal bl)
{
    QPainterPath p;
    p.moveTo(r.left() + tl, r.top());
    p.lineTo(r.right() - tr, r.top());
    p.arcTo(QRectF(r.right() - 2 * tr, r.top(), 2 * tr, 2 * tr), 90, -90);
    p.lineTo(r.right(), r.bottom() - br);
    p.arcTo(QRectF(r.right() - 2 * br, r.bottom() - 2 * br, 2 * br, 2 * br), 0, -90);
    p.lineTo(r.left() + bl, r.bottom());
    p.arcTo(QRectF(r.left(), r.bottom() - 2 * bl, 2 * bl, 2 * bl), 270, -90);
    p.lineTo(r.left(), r.top() + tl);
    p.arcTo(QRectF(r.left(), r.top(), 2 * tl, 2 * tl), 180, -90);
    p.closeSubpath();
    return p;
}

} // namespace natter::client
