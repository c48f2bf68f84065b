#pragma once
// Tells a screen reader what happened without taking the focus: a new message in the open
// conversation, someone typing. Qt 6.4 has no announcement event (QAccessibleAnnouncementEvent
// is 6.8), so this is a label that stays out of sight but in the accessibility tree; each
// announcement becomes its name and text, and a NameChanged event goes out, which AT-SPI
// readers (Orca) speak for a label in the active window.

#include <QLabel>

namespace natter::client {

class LiveAnnouncer final : public QLabel
{
    Q_OBJECT

public:
    explicit LiveAnnouncer(QWidget *parent = nullptr);

    void announce(const QString &text);
    QString lastAnnouncement() const { return text(); }
};

} // namespace natter::client
