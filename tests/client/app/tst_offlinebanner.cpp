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

#include <QCryptographicHash>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslCertificate>
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

    // A self-signed certificate for 127.0.0.1 in `dir`: {certificate path, key path}.
    static QStringList makeCertificate(const QTemporaryDir &dir, const QString &name)
    {
        const QString cert = dir.filePath(name + QStringLiteral(".pem"));
        const QString key = dir.filePath(name + QStringLiteral(".key"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                       cert, "-days", "2", "-subj", "/CN=127.0.0.1"});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return {};
        return {cert, key};
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

    // A changed certificate stops the retries (nothing is sent to an impostor); declining it
    // left "Reconnect now" doing nothing. It tries again (and asks again).
    void reconnectNowAlsoAfterARefusedCertificate()
    {
        const QStringList first = makeCertificate(*m_dir, QStringLiteral("first"));
        const QStringList second = makeCertificate(*m_dir, QStringLiteral("second"));
        QVERIFY2(first.size() == 2 && second.size() == 2, "openssl makes the test certificates");
        const auto serve = [this](const QStringList &certificate) {
            m_server = std::make_unique<TestServer>();
            m_server->config().databasePath = m_dir->filePath(QStringLiteral("natter.db"));
            m_server->config().port = m_port;
            m_server->config().tlsCertPath = certificate.at(0);
            m_server->config().tlsKeyPath = certificate.at(1);
            return m_server->start();
        };
        m_server.reset();
        QVERIFY(serve(first));
        const QUrl url = m_server->url();
        QCOMPARE(url.scheme(), QStringLiteral("wss"));

        ProfileSettings settings(QStringLiteral("tls") + QString::number(++m_profiles));
        const QSslCertificate trusted = QSslCertificate::fromPath(first.at(0)).value(0);
        settings.setPinnedCertificate(url, trusted.digest(QCryptographicHash::Sha256).toHex());
        ChatClient client(settings);
        client.connection().setReconnectDelays(50, 100);
        MainWindow window(client);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy signedIn(&client.session(), &SessionController::authenticated);
        client.session().registerAccount(url, QStringLiteral("tessa"),
                                         QStringLiteral("correct-horse-7"), true);
        QVERIFY(signedIn.wait(5000));

        // Every trust question is declined.
        int asked = 0;
        QTimer decline;
        connect(&decline, &QTimer::timeout, this, [&]() {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                asked += box->text().contains(QStringLiteral("CHANGED")) ? 1 : 0;
                box->reject();
            }
        });
        decline.start(20);
        m_server.reset();
        QVERIFY(serve(second));
        QTRY_COMPARE_WITH_TIMEOUT(asked, 1, 5000);
        OfflineBanner *banner = window.offlineBanner();
        QTRY_VERIFY(banner->isVisible());
        QTest::qWait(400); // several retry periods: no retry, no second question
        QCOMPARE(asked, 1);
        QTest::mouseClick(banner->reconnectButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(asked, 2, 5000);
        QCOMPARE(client.session().connectionState(), ConnectionState::Offline);
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
