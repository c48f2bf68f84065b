#include "jumpresultdelegate.h"

#include "avatar.h"
#include "jumpdialog.h"
#include "theme.h"

#include <QPainter>

namespace natter::client {

QSize JumpResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(300, option.fontMetrics.height() * 2 + 16);
}

void JumpResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QColor fill = selected ? theme::accent(pal) : pal.color(QPalette::Base);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (selected) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(4, 1, -4, -1), 7, 7);
    }
    const QString name = index.data(Qt::DisplayRole).toString();
    const qreal d = option.rect.height() - 14;
    const QRectF avatarRect(option.rect.left() + 12, option.rect.top() + 7, d, d);
    avatar::paint(painter, avatarRect, name, option.font);
    if (index.data(JumpDialog::OnlineRole).toBool())
        avatar::paintPresence(painter, avatarRect, theme::online(pal), fill);
    const QColor ink = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    const qreal x = avatarRect.right() + 10;
    const qreal lineH = option.fontMetrics.height();
    const QRectF nameRect(x, option.rect.top() + 7, option.rect.right() - x - 8, lineH);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(ink);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, int(nameRect.width())));
    painter->setFont(option.font);
    painter->setPen(selected ? ink : theme::mutedText(pal));
    painter->drawText(nameRect.translated(0, lineH + 1), Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(JumpDialog::SubtitleRole).toString());
    painter->restore();
}

} // namespace natter::client
