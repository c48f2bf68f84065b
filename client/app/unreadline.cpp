#include "unreadline.h"

#include "theme.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

namespace natter::client::unreadline {
namespace {

QFont lineFont(const QFont &font)
{
    QFont f = font;
    f.setBold(true);
    f.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.82 : 8);
    return f;
}

} // namespace

qreal height(const QFont &font)
{
    return QFontMetricsF(lineFont(font)).height() + 10;
}

void paint(QPainter *painter, const QPalette &palette, const QFont &font, const QRectF &strip)
{
    if (strip.isEmpty())
        return;
    const QString label = QCoreApplication::translate("MessageView", "New messages");
    const QFont f = lineFont(font);
    const qreal textW = QFontMetricsF(f).horizontalAdvance(label) + 16;
    const QColor ink = theme::accent(palette);
    const qreal y = strip.center().y();
    painter->setPen(QPen(ink, 1));
    painter->drawLine(QPointF(strip.left() + 14, y), QPointF(strip.center().x() - textW / 2, y));
    painter->drawLine(QPointF(strip.center().x() + textW / 2, y), QPointF(strip.right() - 14, y));
    painter->setFont(f);
    painter->drawText(strip, Qt::AlignCenter, label);
}

} // namespace natter::client::unreadline
