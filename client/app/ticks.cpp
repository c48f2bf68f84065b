#include "ticks.h"

#include <QPainter>
#include <QPainterPath>

namespace natter::client::ticks {
namespace {

QPainterPath check(qreal x, qreal cy, qreal h, bool shortStroke)
{
    QPainterPath p;
    if (shortStroke) {
        p.moveTo(x, cy);
        p.lineTo(x + 0.28 * h, cy + 0.28 * h);
    } else {
        p.moveTo(x + 0.28 * h, cy + 0.28 * h);
    }
    p.lineTo(x + 0.78 * h, cy - 0.34 * h);
    return p;
}

} // namespace

qreal width(qreal height)
{
    return height * 1.12;
}

void paint(QPainter *painter, const QRectF &rect, DeliveryState state, const QColor &color)
{
    const qreal h = qMin(rect.height(), 16.0);
    const qreal cy = rect.center().y();
    const qreal x = rect.left();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(color, qMax(1.3, h / 9), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    switch (state) {
    case DeliveryState::Pending: {
        const qreal r = h * 0.34;
        const QPointF c(rect.right() - r - 1, cy);
        painter->drawEllipse(c, r, r);
        painter->drawLine(c, c + QPointF(0, -r * 0.6));
        painter->drawLine(c, c + QPointF(r * 0.5, 0));
        break;
    }
    case DeliveryState::Failed: {
        const qreal r = h * 0.4;
        const QPointF c(rect.right() - r - 1, cy);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(c, r, r);
        painter->setPen(QPen(Qt::white, qMax(1.4, h / 8), Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(c + QPointF(0, -r * 0.5), c + QPointF(0, r * 0.1));
        painter->drawPoint(c + QPointF(0, r * 0.5));
        break;
    }
    case DeliveryState::Sent:
        painter->drawPath(check(rect.right() - 0.8 * h, cy, h, true));
        break;
    case DeliveryState::Delivered:
    case DeliveryState::Read:
        painter->drawPath(check(x, cy, h, true));
        // The second check overlaps the first; its short stroke would hide in it.
        painter->drawPath(check(x + 0.32 * h, cy, h, false));
        break;
    }
    painter->restore();
}

} // namespace natter::client::ticks
