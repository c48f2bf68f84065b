#include "liveannouncer.h"

#include <QAccessible>

namespace natter::client {

LiveAnnouncer::LiveAnnouncer(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText); // message text: never markup
    setObjectName(QStringLiteral("liveAnnouncer"));
    // In the tree but takes no room and no focus.
    setFixedSize(1, 1);
    setFocusPolicy(Qt::NoFocus);
}

void LiveAnnouncer::announce(const QString &text)
{
    setText(text);
    setAccessibleName(text);
    QAccessibleEvent event(this, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

} // namespace natter::client
