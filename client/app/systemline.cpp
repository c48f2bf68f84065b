#include "systemline.h"

#include "theme.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace natter::client::systemline {

namespace {
constexpr qreal kLinePadX = 12;
constexpr qreal kLinePadY = 4;
constexpr int kFlags = Qt::AlignCenter | Qt::TextWordWrap;
} // namespace

QFont font(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.88 : 9);
    f.setItalic(true);
    return f;
}

QRectF rect(const QFont &base, const QString &text, qreal width, qreal top)
{
    const qreal maxInner = std::max<qreal>(40, width * 0.8 - 2 * kLinePadX);
    const QRectF bounds =
        QFontMetricsF(font(base)).boundingRect(QRectF(0, 0, maxInner, 1e6), kFlags, text);
    const QSizeF pill(std::ceil(bounds.width()) + 2 * kLinePadX,
                      std::ceil(bounds.height()) + 2 * kLinePadY);
    return QRectF(QPointF((width - pill.width()) / 2, top), pill);
}

void paint(QPainter *painter, const QPalette &palette, const QFont &base, const QRectF &pill,
           const QString &text)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(
        theme::mix(theme::chatBackground(palette), palette.color(QPalette::Text), 0.05));
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setFont(font(base));
    painter->setPen(theme::mutedText(palette));
    // drawText with a rectangle and flags draws plain text: no markup from a group's name.
    painter->drawText(pill.adjusted(kLinePadX, kLinePadY, -kLinePadX, -kLinePadY), kFlags, text);
}

} // namespace natter::client::systemline
