#include "windowplacement.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>
#include <QTimer>
#include <QWidget>

namespace natter::client {
namespace {
constexpr int kSettleMs = 3000; // how long a window manager may take to frame the window
}

void WindowPlacement::place(QWidget &window, const QRect &frame)
{
    new WindowPlacement(window, frame);
}

WindowPlacement::WindowPlacement(QWidget &window, const QRect &frame)
    : QObject(&window), m_window(window), m_frame(frame)
{
    const int titleBar = window.style()->pixelMetric(QStyle::PM_TitleBarHeight);
    window.move(frame.topLeft()); // a window's position is its frame's
    window.resize(frame.width(), frame.height() - titleBar);
    window.installEventFilter(this);
}

bool WindowPlacement::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Show) {
        QTimer::singleShot(0, this, &WindowPlacement::fit);
        // Without a window manager there is never a frame: stop waiting for one.
        QTimer::singleShot(kSettleMs, this, &QObject::deleteLater);
    } else if (watched == &m_window && event->type() == QEvent::Move && m_window.isVisible()) {
        fit(); // framing moves the inside of the window: the frame may be known now
    }
    return QObject::eventFilter(watched, event);
}

void WindowPlacement::fit()
{
    const QRect outer = m_window.frameGeometry();
    const QRect inner = m_window.geometry();
    const QSize frame = outer.size() - inner.size();
    if (frame.isNull())
        return; // not framed yet
    const QSize wanted = m_frame.size() - frame;
    if (inner.size() != wanted)
        m_window.resize(wanted);
    if (outer.topLeft() != m_frame.topLeft())
        m_window.move(m_frame.topLeft());
    // Fitted once: from now on the window is the user's to move.
    m_window.removeEventFilter(this);
    deleteLater();
}

} // namespace natter::client
