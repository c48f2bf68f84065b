#pragma once
// The delivery marks on own messages, drawn as vector shapes (no font needs the glyphs):
// a clock while pending, "!" when refused, one check when sent, two when delivered or read.

#include "messagelistmodel.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace natter::client::ticks {

qreal width(qreal height);
void paint(QPainter *painter, const QRectF &rect, DeliveryState state, const QColor &color);

} // namespace natter::client::ticks
