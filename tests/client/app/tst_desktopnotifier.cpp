// Message notifications through the freedesktop notification service, against a fake service
// on a private session bus of the test's own (dbus-daemon): what is sent (summary, text or
// not, the click action, the category, sound), one notification per conversation replaced in
// a burst, a click that opens its conversation, and the service coming and going.

#include "desktopnotifier.h"
#include "trayicon.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QWidget>
#include <QtTest>

#include <memory>

using natter::client::DesktopNotifier;
using natter::client::TrayIcon;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

// What a desktop's notification daemon does, recorded.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        uint replaces = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        uint id = 0;
    };
    QList<Shown> shown;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(app);
        Q_UNUSED(icon);
        Q_UNUSED(timeout);
        const uint id = replaces ? replaces : m_next++;
        shown.append({replaces, summary, body, actions, hints, id});
        return id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }

signals:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_next = 1;
};

} // namespace

class TestDesktopNotifier final : public QObject
{
    Q_OBJECT

private:
    QProcess m_daemon;
    QString m_address;
    std::unique_ptr<FakeNotifications> m_fake;
    int m_connections = 0;
    QString m_serviceConnection;

    QDBusConnection connectBus()
    {
        return QDBusConnection::connectToBus(m_address,
                                             QStringLiteral("test-%1").arg(++m_connections));
    }

    // The fake service, on a bus connection of its own (a separate peer, as a daemon is).
    void startService()
    {
        m_fake = std::make_unique<FakeNotifications>();
        QDBusConnection bus = connectBus();
        m_serviceConnection = bus.name();
        QVERIFY(bus.isConnected());
        QVERIFY(bus.registerObject(kPath, m_fake.get(),
                                   QDBusConnection::ExportAllSlots |
                                       QDBusConnection::ExportAllSignals));
        QVERIFY(bus.registerService(kService));
    }

    void stopService()
    {
        QDBusConnection::disconnectFromBus(m_serviceConnection);
        m_fake.reset();
    }

private slots:
    void initTestCase()
    {
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--session"), QStringLiteral("--nofork"),
                        QStringLiteral("--print-address")});
        QVERIFY2(m_daemon.waitForStarted(5000), "dbus-daemon is needed (scripts/install-deps.sh)");
        QTRY_VERIFY(m_daemon.canReadLine());
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    void cleanupTestCase()
    {
        m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }

    void init() { startService(); }
    void cleanup() { stopService(); }

    void sendsWhoWroteTheTextAClickActionAndTheCategory()
    {
        DesktopNotifier notifier(connectBus());
        QVERIFY(notifier.isAvailable());
        notifier.show(QStringLiteral("alice"), QStringLiteral("lunch at 12?"), 7, false);
        QTRY_COMPARE(m_fake->shown.size(), 1);
        const auto &shown = m_fake->shown.first();
        QCOMPARE(shown.summary, QStringLiteral("alice"));
        QCOMPARE(shown.body, QStringLiteral("lunch at 12?"));
        QCOMPARE(shown.replaces, 0u);
        QVERIFY(shown.actions.contains(QStringLiteral("default"))); // a click opens it
        QCOMPARE(shown.hints.value(QStringLiteral("category")).toString(),
                 QStringLiteral("im.received"));
        QCOMPARE(shown.hints.value(QStringLiteral("suppress-sound")).toBool(), true);
        QVERIFY(!shown.hints.contains(QStringLiteral("sound-name")));

        notifier.show(QStringLiteral("bob"), QStringLiteral("hi"), 8, true);
        QTRY_COMPARE(m_fake->shown.size(), 2);
        QCOMPARE(m_fake->shown.last().hints.value(QStringLiteral("sound-name")).toString(),
                 QStringLiteral("message-new-instant"));
    }

    void aBurstFromOneConversationReplacesItsNotification()
    {
        DesktopNotifier notifier(connectBus());
        notifier.show(QStringLiteral("alice"), QStringLiteral("one"), 7, false);
        QTRY_COMPARE(m_fake->shown.size(), 1);
        QTest::qWait(50); // the reply with its id
        notifier.show(QStringLiteral("alice"), QStringLiteral("two"), 7, false);
        notifier.show(QStringLiteral("bob"), QStringLiteral("other"), 8, false);
        QTRY_COMPARE(m_fake->shown.size(), 3);
        QCOMPARE(m_fake->shown.at(1).replaces, m_fake->shown.at(0).id);
        QCOMPARE(m_fake->shown.at(2).replaces, 0u); // another conversation: its own

        // Once the first is closed, the next of its conversation is a new one.
        emit m_fake->NotificationClosed(m_fake->shown.at(0).id, 2);
        QTest::qWait(50);
        notifier.show(QStringLiteral("alice"), QStringLiteral("three"), 7, false);
        QTRY_COMPARE(m_fake->shown.size(), 4);
        QCOMPARE(m_fake->shown.at(3).replaces, 0u);
    }

    void aClickOpensItsConversationAndNoOther()
    {
        DesktopNotifier notifier(connectBus());
        QSignalSpy requested(&notifier, &DesktopNotifier::conversationRequested);
        notifier.show(QStringLiteral("alice"), QStringLiteral("one"), 7, false);
        notifier.show(QStringLiteral("bob"), QStringLiteral("two"), 8, false);
        QTRY_COMPARE(m_fake->shown.size(), 2);
        QTest::qWait(50);
        emit m_fake->ActionInvoked(m_fake->shown.at(1).id, QStringLiteral("default"));
        QTRY_COMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toLongLong(), 8);
        emit m_fake->ActionInvoked(999, QStringLiteral("default")); // another app's
        QTest::qWait(100);
        QCOMPARE(requested.size(), 1);
    }

    void followsTheServiceComingAndGoing()
    {
        DesktopNotifier notifier(connectBus());
        QVERIFY(notifier.isAvailable());
        stopService();
        QTRY_VERIFY(!notifier.isAvailable());
        startService();
        QTRY_VERIFY(notifier.isAvailable());
    }

    void theTrayUsesTheServiceAndHidesTheTextWhenAsked()
    {
        QWidget window; // never shown: not the active window
        auto *notifier = new DesktopNotifier(connectBus());
        TrayIcon tray(&window, notifier);
        QSignalSpy requested(&tray, &TrayIcon::conversationRequested);
        QVERIFY(tray.notify(QStringLiteral("alice"), QStringLiteral("secret <b>plan</b>"), 7, false,
                            false));
        QTRY_COMPARE(m_fake->shown.size(), 1);
        QCOMPARE(m_fake->shown.first().body, QStringLiteral("New message"));
        QVERIFY(tray.notify(QStringLiteral("alice"), QStringLiteral("a <b>b</b>"), 7, true));
        QTRY_COMPARE(m_fake->shown.size(), 2);
        QCOMPARE(m_fake->shown.last().body, TrayIcon::plainPreview(QStringLiteral("a <b>b</b>")));
        QTest::qWait(50);
        emit m_fake->ActionInvoked(m_fake->shown.last().id, QStringLiteral("default"));
        QTRY_COMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toLongLong(), 7);
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
