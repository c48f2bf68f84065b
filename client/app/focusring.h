#pragma once
// A visible focus ring for keyboard users, on every focusable widget in every theme: many of
// the app's views and tool buttons draw no focus of their own in the Fusion style. One ring
// (a QFocusFrame, which follows its widget's moves and resizes) goes to the widget that took
// the focus from the keyboard (Tab, Shift+Tab, a shortcut), in the palette's highlight colour;
// a mouse click takes it away, as browsers do with :focus-visible.

#include <QFocusFrame>
#include <QPointer>

namespace natter::client {

class FocusRing final : public QFocusFrame
{
    Q_OBJECT

public:
    using QFocusFrame::QFocusFrame;
    // Watches the whole application (main.cpp; tests that look at focus).
    static void install();
    // The ring on screen now, if any (tests).
    static FocusRing *current();

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace natter::client
