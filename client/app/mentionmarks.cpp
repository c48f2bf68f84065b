#include "mentionmarks.h"

#include "mentions.h"
#include "theme.h"

#include <QFontMetricsF>
#include <QPainter>

namespace natter::client {

QColor mentionMarkColour(const QPalette &palette)
{
    // A clear tint of the accent: unlike a search hit's yellow, it says "this is about you".
    return theme::mix(theme::otherBubble(palette), theme::accent(palette),
                      theme::isDark(palette) ? 0.5 : 0.36);
}

QList<QTextLayout::FormatRange> mentionMarks(const QString &text, const QString &username,
                                             const QPalette &palette)
{
    QList<QTextLayout::FormatRange> out;
    for (const TextRange &r : mentions::rangesOf(text, username)) {
        QTextLayout::FormatRange range;
        range.start = r.start;
        range.length = r.length;
        range.format.setBackground(mentionMarkColour(palette));
        range.format.setForeground(palette.color(QPalette::Text));
        out.append(range);
    }
    return out;
}

qreal paintMentionBadge(QPainter *painter, const QPalette &palette, const QFont &font, qreal right,
                        qreal top, qreal lineH)
{
    QFont bold = font;
    bold.setBold(true);
    const qreal h = QFontMetricsF(bold).height() + 4;
    const QRectF badge(right - h, top + (lineH - h) / 2, h, h);
    painter->save();
    painter->setPen(Qt::NoPen);
    painter->setBrush(theme::accent(palette));
    painter->drawEllipse(badge);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::HighlightedText));
    painter->drawText(badge, Qt::AlignCenter, QStringLiteral("@"));
    painter->restore();
    return h;
}

} // namespace natter::client
