#pragma once
// Message notifications through the desktop's notification service (the freedesktop
// org.freedesktop.Notifications interface on the session bus: GNOME, KDE, XFCE, dunst, mako…),
// which shows them where the desktop shows every other one, keeps them in its history and
// tells us which was clicked. A burst from one conversation replaces its previous notification
// instead of stacking. Where no such service runs, TrayIcon falls back to the tray's balloon.

#include <QDBusConnection>
#include <QHash>
#include <QObject>

class QDBusPendingCallWatcher;

namespace natter::client {

class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                             QObject *parent = nullptr);

    // A notification service is running (or can be started) on the bus. Kept up to date
    // by watching the bus, so asking never waits on it.
    bool isAvailable() const { return m_available; }
    // `body` is shown as it is (the caller decides about previews); `sound` asks the
    // service for the desktop's "new instant message" sound.
    void show(const QString &summary, const QString &body, qint64 conversationId, bool sound);

signals:
    // The user clicked the notification of this conversation.
    void conversationRequested(qint64 conversationId);

private slots:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    bool m_available = false;
    QHash<uint, qint64> m_conversationOf; // the service's notification id -> conversation
    QHash<qint64, uint> m_shownFor;       // conversation -> its notification on screen
};

} // namespace natter::client
