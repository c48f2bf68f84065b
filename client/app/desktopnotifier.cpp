#include "desktopnotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QVariantMap>

namespace natter::client {
namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kDefaultAction = QStringLiteral("default"); // a click on the notification itself
constexpr int kExpireMs = 8000;

} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return;
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onClosed(uint, uint)));
    // Once at start: running, or started by the bus on the first call.
    const QDBusReply<QStringList> activatable =
        m_bus.interface()->call(QStringLiteral("ListActivatableNames"));
    const bool startable = activatable.isValid() && activatable.value().contains(kService);
    m_available = startable || m_bus.interface()->isServiceRegistered(kService);
    auto *watcher =
        new QDBusServiceWatcher(kService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this, startable](const QString &, const QString &, const QString &newOwner) {
                m_available = startable || !newOwner.isEmpty();
            });
}

void DesktopNotifier::show(const QString &summary, const QString &body, qint64 conversationId,
                           bool sound)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("category"), QStringLiteral("im.received"));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("natter"));
    if (sound)
        hints.insert(QStringLiteral("sound-name"), QStringLiteral("message-new-instant"));
    else
        hints.insert(QStringLiteral("suppress-sound"), true);
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("Natter") << m_shownFor.value(conversationId, 0u)
         << QStringLiteral("natter") << summary << body << QStringList{kDefaultAction, tr("Open")}
         << hints << kExpireMs;
    // Asynchronous: a slow or hung service never blocks the window.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, conversationId](QDBusPendingCallWatcher *finished) {
                const QDBusPendingReply<uint> reply = *finished;
                finished->deleteLater();
                if (reply.isError())
                    return;
                const uint id = reply.value();
                m_conversationOf.insert(id, conversationId);
                m_shownFor.insert(conversationId, id);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_conversationOf.constFind(id);
    if (it == m_conversationOf.cend() || action != kDefaultAction)
        return; // another application's notification, or an action we did not offer
    emit conversationRequested(*it);
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason);
    const auto it = m_conversationOf.constFind(id);
    if (it == m_conversationOf.cend())
        return;
    if (m_shownFor.value(*it) == id)
        m_shownFor.remove(*it);
    m_conversationOf.erase(it);
}

} // namespace natter::client
