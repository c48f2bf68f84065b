#pragma once
// The system tray icon with the unread count, and desktop notifications for messages that
// arrive while the window is not active: through the desktop's notification service
// (DesktopNotifier) where one runs, else the tray's balloon. Where there is neither (many
// minimal desktops, headless sessions) it does nothing but ask the window manager for
// attention.

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace natter::client {

class DesktopNotifier;

class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    // `notifier`: the desktop's notification service (taken over; may be null).
    TrayIcon(QWidget *window, DesktopNotifier *notifier);

    void setUnread(int total, const QString &tooltip);
    // Notifies unless the window is active. Returns true when something was shown.
    // `preview`: show the text (else only that a message came); `sound`: ask for one.
    bool notify(const QString &sender, const QString &text, qint64 conversationId,
                bool preview = true, bool sound = false);
    // Notification text never reaches a markup parser: < > & become look-alike characters.
    static QString plainPreview(const QString &text);

signals:
    void conversationRequested(qint64 conversationId);
    void quitRequested();

private:
    void showWindow();

    QWidget *m_window;
    DesktopNotifier *m_notifier = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_lastConversation = 0;
};

} // namespace natter::client
