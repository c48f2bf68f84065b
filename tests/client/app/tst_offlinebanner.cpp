// Offline in the real main window (offscreen) against a real server that goes away and comes
// back: a banner says so with a countdown and a "Reconnect now" button, the header stops
// claiming the peer is online, and the contacts list says it is out of date (issue 20, bug 7).
#include "chatheader.h"
#include "conversationlistdelegate.h"
#include "offlinebanner.h"
#include "onlinelistview.h"
#include "sidebar.h"
#include "testprofiles.h"
#include "windowperson.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::client;

class TestOfflineBanner : public QObject, private PeopleInWindows
{
    Q_OBJECT

private:
    // The database outlives a server so the next one has the accounts.
    std::unique_ptr<QTemporaryDir> m_dir;
    quint16 m_port = 0;

    bool restartServer()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dir->filePath(QStringLiteral("natter.db"));
        m_server->config().port = m_port;
        return m_server->start();
    }

    static int secondsIn(const QString &text)
    {
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("in (\\d+) s")).match(text);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dir->filePath(QStringLiteral("natter.db"));
        QVERIFY(m_server->start());
        m_port = m_server->server().port();
    }

    void cleanup()
    {
        stopServer();
        m_dir.reset();
    }

    void offlineIsShownPlainlyAndReconnectNowWorks()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const User peer = bob.client->session().currentUser();
        alice.client->conversations().startConversationWith(peer.id, peer.username);
        QTRY_VERIFY(alice.window->isChatShown());
        alice.client->conversations().sendMessage(QStringLiteral("hi"));
        QTRY_COMPARE(alice.window->chatHeader()->statusText(), QStringLiteral("online"));
        QTRY_COMPARE(alice.window->onlineView()->model()->rowCount(), 1);
        OfflineBanner *banner = alice.window->offlineBanner();
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->text().isEmpty());

        // Retries far apart: only the button can bring alice back within the test.
        alice.client->connection().setReconnectDelays(60'000, 60'000);
        m_server.reset();
        QTRY_VERIFY(banner->isVisible());
        QTRY_VERIFY2(banner->text().contains(QStringLiteral("You are offline")),
                     qPrintable(banner->text()));
        QTRY_VERIFY(secondsIn(banner->text()) > 1);
        const int first = secondsIn(banner->text());
        QTRY_VERIFY_WITH_TIMEOUT(secondsIn(banner->text()) < first, 3000); // it counts down
        QVERIFY(banner->reconnectButton()->isEnabled());
        // Presence is unknown now: nothing says bob is online.
        QVERIFY2(!alice.window->chatHeader()->statusText().contains(QStringLiteral("online")),
                 qPrintable(alice.window->chatHeader()->statusText()));
        QVERIFY(alice.window->chatHeader()->statusText().contains(QStringLiteral("unknown")));
        QVERIFY(alice.window->onlineView()->isStale());
        QVERIFY(!alice.window->sidebar()->conversationDelegate()->presenceKnown());

        QVERIFY(restartServer());
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->session().connectionState(),
                                  ConnectionState::Connected, 5000);
        QCOMPARE(alice.client->session().connectionState(), ConnectionState::Offline);
        QTest::mouseClick(banner->reconnectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->session().connectionState(),
                                  ConnectionState::Connected, 5000);
        QTRY_VERIFY(!banner->isVisible());
        QTRY_COMPARE(alice.window->chatHeader()->statusText(), QStringLiteral("online"));
        QVERIFY(!alice.window->onlineView()->isStale());
        QVERIFY(alice.window->sidebar()->conversationDelegate()->presenceKnown());
    }

    void signedOutThereIsNoBanner()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        alice.client->session().signOut();
        QTRY_COMPARE(alice.client->session().connectionState(), ConnectionState::Offline);
        QTest::qWait(100);
        QVERIFY(alice.window->offlineBanner()->text().isEmpty());
    }
};

QTEST_MAIN(TestOfflineBanner)
#include "tst_offlinebanner.moc"
