#include "conversationdelegate.h"

#include "conversationlistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace natter::client {

QString ConversationDelegate::initials(const QString &name)
{
    return name.left(2).toUpper();
}

QColor ConversationDelegate::avatarColor(const QString &name)
{
    // A stable hue per name, at a saturation/lightness readable in light and dark themes.
    return QColor::fromHsl(int(qHash(name.toLower()) % 360), 140, 120);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(200, qMax(52, option.fontMetrics.height() * 3));
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const QString name = index.data(ConversationListModel::PeerNameRole).toString();
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const bool online = index.data(ConversationListModel::PeerOnlineRole).toBool();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette &pal = opt.palette;
    const QColor ink = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = opt.rect.adjusted(8, 6, -8, -6);
    const int d = r.height();
    const QRect avatar(r.left(), r.top(), d, d);
    painter->setPen(Qt::NoPen);
    painter->setBrush(avatarColor(name));
    painter->drawEllipse(avatar);
    painter->setPen(Qt::white);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(avatar, Qt::AlignCenter, initials(name));
    if (online) {
        const QRect dot(avatar.right() - 10, avatar.bottom() - 10, 11, 11);
        painter->setBrush(QColor(0x2e, 0xb8, 0x5c));
        painter->setPen(QPen(pal.color(QPalette::Base), 2));
        painter->drawEllipse(dot);
    }

    const QRect textRect(avatar.right() + 10, r.top(), r.right() - avatar.right() - 10, d);
    const QDateTime when = index.data(ConversationListModel::LastActivityRole).toDateTime();
    const QString time = when.date() == QDate::currentDate()
                             ? when.time().toString(QStringLiteral("HH:mm"))
                             : QLocale().toString(when.date(), QLocale::ShortFormat);
    QFont nameFont = opt.font;
    nameFont.setBold(unread > 0);
    painter->setFont(opt.font);
    const int timeWidth = opt.fontMetrics.horizontalAdvance(time) + 4;
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignTop, time);
    painter->setFont(nameFont);
    painter->setPen(ink);
    const QRect nameRect = textRect.adjusted(0, 0, -timeWidth, -d / 2);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignTop,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

    int badgeWidth = 0;
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        badgeWidth = qMax(20, opt.fontMetrics.horizontalAdvance(count) + 10);
        const QRect badge(textRect.right() - badgeWidth, textRect.top() + d / 2, badgeWidth, 20);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.color(QPalette::Highlight));
        painter->drawRoundedRect(badge, 10, 10);
        painter->setPen(pal.color(QPalette::HighlightedText));
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, count);
    }
    QFont previewFont = opt.font;
    previewFont.setBold(unread > 0);
    painter->setFont(previewFont);
    painter->setPen(selected ? ink : pal.color(QPalette::PlaceholderText));
    const QRect previewRect = textRect.adjusted(0, d / 2, -badgeWidth - 6, 0);
    const QString preview = index.data(ConversationListModel::LastMessageTextRole).toString();
    painter->drawText(
        previewRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(previewFont).elidedText(preview, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

} // namespace natter::client
