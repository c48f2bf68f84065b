#include "reactionchips.h"

#include "theme.h"

#include <QFontMetricsF>
#include <QPainter>

namespace natter::client::extras {
namespace {

constexpr qreal kQuoteBar = 3;
constexpr qreal kQuotePad = 6;
constexpr qreal kChipPadX = 7;
constexpr qreal kChipGap = 4;

QFont quoteFont(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.88 : 8);
    return f;
}

QString chipLabel(const ReactionChip &chip)
{
    return chip.emoji + QStringLiteral(" ") + QString::number(chip.count);
}

} // namespace

qreal quoteHeight(const QFont &font, const QModelIndex &index)
{
    if (index.data(MessageListModel::ReplyToIdRole).toLongLong() == 0)
        return 0;
    return QFontMetricsF(quoteFont(font)).height() + 2 * kQuotePad - 2 + 4; // + gap below
}

qreal quoteWidth(const QFont &font, const QModelIndex &index)
{
    const QString text = index.data(MessageListModel::ReplyQuoteRole).toString();
    return QFontMetricsF(quoteFont(font)).horizontalAdvance(text) + kQuoteBar + 2 * kQuotePad;
}

void paintQuote(QPainter *painter, const QPalette &palette, const QFont &font, bool own,
                const QRectF &rect, const QString &text)
{
    const QRectF box = rect.adjusted(0, 0, 0, -4);
    QColor fill = palette.color(QPalette::Text);
    fill.setAlphaF(own ? 0.08f : 0.06f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 4, 4);
    painter->setBrush(theme::accent(palette));
    painter->drawRect(QRectF(box.left(), box.top(), kQuoteBar, box.height()));
    const QFont f = quoteFont(font);
    painter->setFont(f);
    painter->setPen(theme::mutedText(palette));
    const QRectF textRect = box.adjusted(kQuoteBar + kQuotePad, 0, -kQuotePad, 0);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(f).elidedText(text, Qt::ElideRight, textRect.width()));
}

QList<ReactionChip> chipsOf(const QModelIndex &index)
{
    QList<ReactionChip> chips;
    for (const QVariant &v : index.data(MessageListModel::ReactionsRole).toList())
        chips << v.value<ReactionChip>();
    return chips;
}

QList<QRectF> chipRects(const QFont &font, const QList<ReactionChip> &chips, qreal left,
                        qreal right, qreal top, bool own)
{
    const QFontMetricsF fm(font);
    const qreal h = fm.height() + 6;
    QList<QRectF> rects;
    qreal x = left;
    for (const ReactionChip &chip : chips) {
        const qreal w = fm.horizontalAdvance(chipLabel(chip)) + 2 * kChipPadX;
        rects << QRectF(x, top + 3, w, h);
        x += w + kChipGap;
    }
    if (own && !rects.isEmpty()) { // under an own bubble: flush right
        const qreal shift = right - rects.last().right();
        for (QRectF &r : rects)
            r.translate(shift, 0);
    }
    return rects;
}

qreal chipsHeight(const QFont &font, const QModelIndex &index)
{
    if (index.data(MessageListModel::ReactionsRole).toList().isEmpty())
        return 0;
    return QFontMetricsF(font).height() + 6 + 3;
}

void paintChips(QPainter *painter, const QPalette &palette, const QFont &font,
                const QList<ReactionChip> &chips, const QList<QRectF> &rects)
{
    painter->setFont(font);
    for (qsizetype i = 0; i < chips.size() && i < rects.size(); ++i) {
        const QRectF &r = rects[i];
        const QColor accent = theme::accent(palette);
        QColor fill = chips[i].mine ? accent : palette.color(QPalette::Text);
        fill.setAlphaF(chips[i].mine ? 0.22f : 0.07f);
        painter->setPen(chips[i].mine ? QPen(accent, 1) : QPen(Qt::NoPen));
        painter->setBrush(fill);
        painter->drawRoundedRect(r, r.height() / 2, r.height() / 2);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(r, Qt::AlignCenter, chipLabel(chips[i]));
    }
}

} // namespace natter::client::extras
