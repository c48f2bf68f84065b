#pragma once
// Puts a top-level window into a rectangle of the screen with its frame (title bar and
// borders) inside it. setGeometry() places the inside of a window, so a window put at the
// top of the screen had its title bar above it. The frame's size is known only once the
// window manager has framed the window: until then a title bar's height is assumed, and the
// window is fitted again when the real frame is known.

#include <QObject>
#include <QRect>

class QWidget;

namespace natter::client {

class WindowPlacement final : public QObject
{
    Q_OBJECT

public:
    // Places `window` (owned elsewhere; this object becomes its child) into `frame`.
    static void place(QWidget &window, const QRect &frame);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    WindowPlacement(QWidget &window, const QRect &frame);
    void fit();

    QWidget &m_window;
    QRect m_frame;
};

} // namespace natter::client
