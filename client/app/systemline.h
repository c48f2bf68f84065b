#pragma once
// A group's system line in the timeline ("alice added carol", "bob left"): centred muted
// plain text in a faint pill, no bubble, no sender, no ticks.

#include <QFont>
#include <QRectF>
#include <QString>

class QPainter;
class QPalette;

namespace natter::client::systemline {

QFont font(const QFont &base);
// Where the line's pill goes in a row `width` wide, its top at `top`.
QRectF rect(const QFont &base, const QString &text, qreal width, qreal top);
void paint(QPainter *painter, const QPalette &palette, const QFont &base, const QRectF &pill,
           const QString &text);

} // namespace natter::client::systemline
