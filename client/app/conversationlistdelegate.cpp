#include "conversationlistdelegate.h"

#include "avatar.h"
#include "conversationlistmodel.h"
#include "mentionmarks.h"
#include "theme.h"
#include "timetext.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace natter::client {
namespace {
constexpr int kRowAvatar = 42;
constexpr int kRowPadX = 10;
constexpr int kRowPadY = 8;
} // namespace

ConversationListDelegate::ConversationListDelegate(QObject *parent) : QStyledItemDelegate(parent)
{}

void ConversationListDelegate::setTyping(qint64 conversationId, bool typing)
{
    if (typing)
        m_typing.insert(conversationId);
    else
        m_typing.remove(conversationId);
}

QString ConversationListDelegate::timeLabel(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid() || when.toMSecsSinceEpoch() <= 0)
        return {};
    const qint64 days = when.date().daysTo(now.date());
    if (days <= 0)
        return clockTime(when.time());
    if (days == 1)
        return tr("Yesterday");
    if (days < 7)
        return QLocale().dayName(when.date().dayOfWeek(), QLocale::ShortFormat);
    return QLocale().toString(when.date(), QLocale::ShortFormat);
}

QSize ConversationListDelegate::sizeHint(const QStyleOptionViewItem &option,
                                         const QModelIndex &) const
{
    const int text = option.fontMetrics.height() * 2 + 6;
    return QSize(220, qMax(kRowAvatar, text) + 2 * kRowPadY);
}

void ConversationListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QString name = index.data(ConversationListModel::PeerNameRole).toString();
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const bool online =
        m_presenceKnown && index.data(ConversationListModel::PeerOnlineRole).toBool();
    const bool typing = m_typing.contains(index.data(ConversationListModel::IdRole).toLongLong());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF row = QRectF(option.rect).adjusted(6, 1, -6, -1);
    // A soft tint of the accent for the open conversation, fainter on hover.
    const QColor fill = theme::rowBackground(pal, selected);
    if (selected || hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(row, 9, 9);
    }
    const QColor ink = pal.color(QPalette::Text);
    const QColor muted = theme::mutedText(pal);

    const QRectF avatarRect(option.rect.left() + kRowPadX + 2,
                            option.rect.center().y() - kRowAvatar / 2.0 + 0.5, kRowAvatar,
                            kRowAvatar);
    avatar::paint(painter, avatarRect, name, option.font);
    if (online)
        avatar::paintPresence(painter, avatarRect, theme::online(pal),
                              selected || hovered ? fill : pal.color(QPalette::Base));

    const qreal left = avatarRect.right() + 12;
    const qreal right = option.rect.right() - kRowPadX - 2;
    const qreal lineH = option.fontMetrics.height();
    const qreal top = option.rect.center().y() - lineH - 1;

    // First line: name, time on the right.
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QString time = timeLabel(index.data(ConversationListModel::LastActivityRole).toDateTime(),
                                   QDateTime::currentDateTime());
    const qreal timeW = QFontMetricsF(small).horizontalAdvance(time);
    painter->setFont(small);
    painter->setPen(unread > 0 ? theme::accent(pal) : muted);
    painter->drawText(QRectF(right - timeW, top, timeW, lineH), Qt::AlignRight | Qt::AlignVCenter,
                      time);
    QFont nameFont = option.font;
    nameFont.setBold(true);
    nameFont.setPointSizeF(option.font.pointSizeF() * 1.04);
    painter->setFont(nameFont);
    painter->setPen(ink);
    const QRectF nameRect(left, top, right - timeW - 8 - left, lineH);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));

    // Second line: preview (or "typing…"), unread badge on the right.
    const qreal secondTop = top + lineH + 4;
    qreal badgeW = 0;
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        QFont badgeFont = small;
        badgeFont.setBold(true);
        const QFontMetricsF bfm(badgeFont);
        const qreal h = bfm.height() + 4;
        badgeW = qMax(h, bfm.horizontalAdvance(count) + 12);
        const QRectF badge(right - badgeW, secondTop + (lineH - h) / 2, badgeW, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme::accent(pal));
        painter->drawRoundedRect(badge, h / 2, h / 2);
        painter->setFont(badgeFont);
        painter->setPen(pal.color(QPalette::HighlightedText));
        painter->drawText(badge, Qt::AlignCenter, count);
    }
    if (unread > 0 && isMentioned(index.data(ConversationListModel::IdRole).toLongLong())) {
        const qreal gap = badgeW > 0 ? 4 : 0;
        badgeW +=
            gap + paintMentionBadge(painter, pal, small, right - badgeW - gap, secondTop, lineH);
    }
    QFont previewFont = option.font;
    previewFont.setBold(unread > 0 && !typing);
    previewFont.setItalic(typing);
    painter->setFont(previewFont);
    const QRectF previewRect(left, secondTop, right - left - (badgeW > 0 ? badgeW + 8 : 0), lineH);
    // The open conversation's draft is in the compose box; the others say they have one.
    const QString draft =
        selected ? QString() : index.data(ConversationListModel::DraftRole).toString();
    if (!typing && !draft.isEmpty()) {
        const QString label = tr("Draft:") + QLatin1Char(' ');
        const qreal labelW =
            qMin(QFontMetricsF(previewFont).horizontalAdvance(label), previewRect.width());
        painter->setPen(theme::danger(pal));
        painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter, label);
        const QRectF textRect = previewRect.adjusted(labelW, 0, 0, 0);
        painter->setPen(muted);
        painter->drawText(
            textRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(previewFont).elidedText(draft, Qt::ElideRight, textRect.width()));
        painter->restore();
        return;
    }
    QString preview =
        typing ? tr("typing…") : index.data(ConversationListModel::LastMessageTextRole).toString();
    painter->setPen(typing ? theme::accent(pal) : unread > 0 ? ink : muted);
    painter->drawText(
        previewRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(previewFont).elidedText(preview, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

} // namespace natter::client
