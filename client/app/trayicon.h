#pragma once
// The system tray icon with the unread count, and desktop notifications for messages that
// arrive while the window is not active. Where there is no system tray (many minimal
// desktops, headless sessions) it does nothing but ask the window manager for attention.

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace natter::client {

class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QWidget *window);

    void setUnread(int total, const QString &tooltip);
    // Notifies unless the window is active. Returns true when something was shown.
    bool notify(const QString &sender, const QString &text, qint64 conversationId);
    // Notification text never reaches a markup parser: < > & become look-alike characters.
    static QString plainPreview(const QString &text);

signals:
    void conversationRequested(qint64 conversationId);
    void quitRequested();

private:
    void showWindow();

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_lastConversation = 0;
};

} // namespace natter::client
