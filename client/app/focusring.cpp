#include "focusring.h"

#include <QApplication>
#include <QFocusEvent>
#include <QPainter>
#include <QPainterPath>

namespace natter::client {
namespace {

// Follows the focus. A QObject of the application: the ring itself lives in the window of
// the widget it surrounds (QFocusFrame takes that widget's parent), and goes with it.
class FocusRingTracker final : public QObject
{
public:
    using QObject::QObject;
    QPointer<FocusRing> ring;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::FocusIn || !watched->isWidgetType())
            return false;
        auto *widget = static_cast<QWidget *>(watched);
        switch (static_cast<QFocusEvent *>(event)->reason()) {
        case Qt::TabFocusReason:
        case Qt::BacktabFocusReason:
        case Qt::ShortcutFocusReason:
            if (widget->isWindow() || widget->inherits("QFocusFrame"))
                break;
            if (!ring)
                ring = new FocusRing(widget);
            ring->setWidget(widget);
            ring->show();
            break;
        case Qt::MouseFocusReason:
            if (ring)
                ring->setWidget(nullptr);
            break;
        default:
            break; // a window activated, a popup closed: the ring stays as it was
        }
        return false;
    }
};

FocusRingTracker *tracker = nullptr;

} // namespace

void FocusRing::install()
{
    if (tracker)
        return;
    tracker = new FocusRingTracker(qApp);
    qApp->installEventFilter(tracker);
}

FocusRing *FocusRing::current()
{
    return tracker && tracker->ring && tracker->ring->widget() ? tracker->ring.data() : nullptr;
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPen pen(palette().color(QPalette::Active, QPalette::Highlight), 2);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4, 4);
}

} // namespace natter::client
