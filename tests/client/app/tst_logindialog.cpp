// The login dialog against the real server: creating an account, and a clear sentence for
// each way signing in fails (wrong password, name taken, unreachable server, TLS failure,
// malformed input caught before anything is sent); the servers found on the LAN, discovery
// turned off, and hosting a server on this computer.
#include "chatclient.h"
#include "localserverhost.h"
#include "logindialog.h"
#include "nearbyserverspanel.h"
#include "serverfinder.h"
#include "store/sqlitestore.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTcpServer>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::client;

class TestLoginDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ProfileSettings> m_settings;
    std::unique_ptr<ChatClient> m_client;
    std::unique_ptr<LoginDialog> m_dialog;
    int m_profiles = 0;

    void fill(const QUrl &server, const QString &user, const QString &password)
    {
        m_dialog->serverEdit()->setText(server.toString());
        m_dialog->usernameEdit()->setText(user);
        m_dialog->passwordEdit()->setText(password);
    }

    void newDialog(ServerFinder *finder = nullptr, LocalServerHost *host = nullptr,
                   bool sameProfile = false)
    {
        m_dialog.reset();
        m_client.reset();
        if (!sameProfile || !m_settings)
            m_settings =
                std::make_unique<ProfileSettings>(QStringLiteral("login%1").arg(++m_profiles));
        m_client = std::make_unique<ChatClient>(*m_settings);
        m_dialog = std::make_unique<LoginDialog>(*m_client, finder, host);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void createAccount(const QString &user)
    {
        newDialog();
        fill(m_server->url(), user, QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    // A server that answers discovery on a free port of its own, and a finder that asks it.
    static std::unique_ptr<TestServer> discoverableServer(const QString &name)
    {
        auto server = std::make_unique<TestServer>();
        server->config().discoveryEnabled = true;
        server->config().discoveryPort = 0;
        server->config().serverName = name;
        return server->start() ? std::move(server) : nullptr;
    }

    NearbyServersPanel *nearby() const { return m_dialog->nearbyServers(); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_dialog.reset();
        m_client.reset();
        m_settings.reset();
        m_server.reset();
    }

    void aSessionEndedOnTheServerIsExplainedWhenTheDialogComesBack()
    {
        createAccount(QStringLiteral("grace"));
        QSignalSpy signedOut(&m_client->session(), &SessionController::signedOut);
        {
            natter::server::SqliteStore admin(m_server->databasePath());
            QVERIFY(admin.open().ok());
            QVERIFY(admin.revokeUserTokens(m_client->session().currentUser().id).ok());
            admin.close();
        }
        QVERIFY(signedOut.wait(3000));
        // The app shows the dialog again on signedOut (main.cpp): it says why.
        LoginDialog again(*m_client);
        again.show();
        QVERIFY(again.errorText().contains(QStringLiteral("You were signed out")));
    }

    void buttonsWaitForEveryField()
    {
        newDialog();
        m_dialog->usernameEdit()->clear();
        m_dialog->passwordEdit()->clear();
        QVERIFY(!m_dialog->signInButton()->isEnabled());
        fill(m_server->url(), QStringLiteral("alice"), QString());
        QVERIFY(!m_dialog->signInButton()->isEnabled());
        m_dialog->passwordEdit()->setText(QStringLiteral("secret-secret"));
        QVERIFY(m_dialog->signInButton()->isEnabled());
        QVERIFY(m_dialog->registerButton()->isEnabled());
    }

    void creatingAnAccountSignsInAndRemembersTheServer()
    {
        createAccount(QStringLiteral("alice"));
        QVERIFY(m_client->session().isAuthenticated());
        QCOMPARE(m_client->session().currentUser().username, QStringLiteral("alice"));
        QCOMPARE(m_settings->serverUrl(), m_server->url());
        // The next time, server and name are filled in.
        LoginDialog again(*m_client);
        QCOMPARE(again.serverEdit()->text(), m_server->url().toString());
        QCOMPARE(again.usernameEdit()->text(), QStringLiteral("alice"));
    }

    void theServerFieldTakesHostAndPort()
    {
        // What people type: "host:port" (the scheme and /v1 are implied).
        newDialog();
        const QUrl url = m_server->url();
        fill(url, QStringLiteral("alice"), QStringLiteral("correct-horse-7"));
        m_dialog->serverEdit()->setText(QStringLiteral("%1:%2").arg(url.host()).arg(url.port()));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
        QCOMPARE(m_settings->serverUrl(), url);
    }

    void wrongPasswordIsExplained()
    {
        createAccount(QStringLiteral("alice"));
        newDialog();
        fill(m_server->url(), QStringLiteral("alice"), QStringLiteral("not-the-password"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("Wrong username or password")),
                 qPrintable(m_dialog->errorText()));
        QVERIFY(m_dialog->isVisible());
        QVERIFY(m_dialog->signInButton()->isEnabled()); // ready for another try
    }

    void takenNameIsExplained()
    {
        createAccount(QStringLiteral("alice"));
        newDialog();
        fill(m_server->url(), QStringLiteral("Alice"), QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("already taken")),
                 qPrintable(m_dialog->errorText()));
    }

    // A server with registration closed answers `register` with forbidden: the dialog turns
    // that into one plain sentence and disables "Create account" for that server only.
    void closedRegistrationDisablesCreateAccount()
    {
        createAccount(QStringLiteral("alice")); // made while the server was open
        m_server->config().registration.mode = natter::server::Registration::Closed;
        QVERIFY(m_server->start());
        newDialog();
        fill(m_server->url(), QStringLiteral("bob"), QStringLiteral("correct-horse-7"));
        QVERIFY(m_dialog->registerButton()->isEnabled());
        QVERIFY(m_dialog->registrationNote()->isHidden());
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->registrationNote()->isHidden(), 5000);
        QCOMPARE(m_dialog->registrationNote()->text(),
                 QStringLiteral("This server does not take new accounts; ask its admin."));
        QVERIFY(!m_dialog->registerButton()->isEnabled());
        QVERIFY(m_dialog->errorText().isEmpty()); // said once, not twice
        QVERIFY(m_dialog->isVisible());
        QVERIFY(!m_client->session().isAuthenticated());
        // Another server may take accounts; back on this one the button is off again.
        const QUrl here = m_server->url();
        QUrl elsewhere = here;
        elsewhere.setPort(here.port() + 1);
        m_dialog->serverEdit()->setText(elsewhere.toString());
        QVERIFY(m_dialog->registerButton()->isEnabled());
        QVERIFY(m_dialog->registrationNote()->isHidden());
        m_dialog->serverEdit()->setText(here.toString() + QLatin1Char('/'));
        QVERIFY(!m_dialog->registerButton()->isEnabled());
        // Existing accounts still sign in.
        fill(here, QStringLiteral("alice"), QStringLiteral("correct-horse-7"));
        QVERIFY(m_dialog->signInButton()->isEnabled());
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
    }

    void forbiddenMeansDifferentThingsForRegisterAndSignIn()
    {
        const ProtocolError e = ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("no"));
        QCOMPARE(LoginDialog::messageFor(e, true, QUrl()),
                 QStringLiteral("This server does not take new accounts; ask its admin."));
        QVERIFY(LoginDialog::messageFor(e, false, QUrl()).contains(QStringLiteral("windows")));
    }

    void unreachableServerIsExplained()
    {
        const QUrl gone = m_server->url();
        m_server.reset(); // nothing listens there any more
        newDialog();
        fill(gone, QStringLiteral("alice"), QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("Cannot reach the server at")),
                 qPrintable(m_dialog->errorText()));
        QVERIFY(m_dialog->errorText().contains(gone.toDisplayString()));
    }

    // Issue 20, bug 6: an address that could not be reached was retried unseen, and each
    // failure was reported under the address in the field by then ("Cannot reach
    // ws://127.0.0.1:7467/v1" for the server just hosted there, which was up).
    void anUnreachableAddressIsNotRetriedBehindTheDialog()
    {
        const QUrl gone = m_server->url();
        auto live = std::make_unique<TestServer>(); // started first: it cannot take that port
        QVERIFY(live->start());
        m_server.swap(live);
        live.reset(); // nothing listens at `gone` any more
        newDialog();
        m_client->connection().setReconnectDelays(40, 80);
        fill(gone, QStringLiteral("alice"), QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY(m_dialog->errorText().contains(gone.toDisplayString()));

        // The live server's address goes into the field (hosting or the LAN list do that).
        QSignalSpy states(&m_client->connection(), &ServerConnection::stateChanged);
        m_dialog->serverEdit()->setText(m_server->url().toString());
        QTest::qWait(600); // many retry periods
        QVERIFY2(states.isEmpty(), "the old address is still being tried");
        QVERIFY2(!m_dialog->errorText().contains(m_server->url().toDisplayString()),
                 qPrintable(m_dialog->errorText()));
        QCOMPARE(m_client->session().connectionState(), ConnectionState::Offline);

        // The next click starts afresh, at the new address, and gets through.
        m_dialog->usernameEdit()->setText(QStringLiteral("fresh"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
        QCOMPARE(m_client->session().serverUrl(), m_server->url());
    }

    // An address that accepts connections and never answers (a hung server, or a port
    // something else holds) kept the window "Signing in…" with every field disabled.
    void aServerThatNeverAnswersEndsTheAttempt()
    {
        QTcpServer silent; // accepts (the kernel does) and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/v1").arg(silent.serverPort()));
        newDialog();
        m_client->connection().setConnectTimeout(300);
        fill(url, QStringLiteral("alice"), QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QVERIFY(!m_dialog->signInButton()->isEnabled()); // signing in
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("Cannot reach the server at")),
                 qPrintable(m_dialog->errorText()));
        QVERIFY(m_dialog->signInButton()->isEnabled()); // ready for another try
        QVERIFY(m_dialog->serverEdit()->isEnabled());
    }

    void untrustedCertificateIsATlsError()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                       cert, "-days", "2", "-subj", "/CN=127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 "openssl is needed to make a test certificate");
        m_server = std::make_unique<TestServer>();
        m_server->config().tlsCertPath = cert;
        m_server->config().tlsKeyPath = key;
        QVERIFY(m_server->start());

        newDialog();
        fill(m_server->url(), QStringLiteral("alice"), QStringLiteral("correct-horse-7"));
        // The trust prompt comes up: decline it.
        bool prompted = false;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&]() {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                prompted = box->text().contains(QStringLiteral("fingerprint"));
                box->reject();
            }
        });
        closer.start(50);
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(prompted, 5000);
        QTRY_VERIFY(!m_dialog->errorText().isEmpty());
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("TLS")),
                 qPrintable(m_dialog->errorText()));
        QVERIFY(!m_client->session().isAuthenticated());
    }

    void malformedInputIsCaughtBeforeSending()
    {
        newDialog();
        fill(QUrl(QStringLiteral("http://example.org")), QStringLiteral("alice"),
             QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("ws://")));
        fill(m_server->url(), QStringLiteral("a"), QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("Usernames")));
        fill(m_server->url(), QStringLiteral("alice"), QStringLiteral("short"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("8 characters")));
        QCOMPARE(m_server->server().connectionCount(), 0);
    }

    // Issue 20: an error appearing pushed the buttons (and the fields, as the window grew)
    // away from under the pointer. Its room is kept.
    void anErrorMovesNothing()
    {
        newDialog();
        const QWidget *widgets[] = {m_dialog->serverEdit(), m_dialog->usernameEdit(),
                                    m_dialog->passwordEdit(), m_dialog->signInButton(),
                                    m_dialog->registerButton()};
        QList<QRect> before;
        for (const QWidget *w : widgets)
            before << QRect(w->mapTo(m_dialog.get(), QPoint(0, 0)), w->size());
        const QSize size = m_dialog->size();
        fill(m_server->url(), QStringLiteral("a"), QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("Usernames")));
        QCoreApplication::processEvents();
        QCOMPARE(m_dialog->size(), size);
        for (int i = 0; i < before.size(); ++i)
            QCOMPARE(QRect(widgets[i]->mapTo(m_dialog.get(), QPoint(0, 0)), widgets[i]->size()),
                     before.at(i));
    }

    void rateLimitSaysHowLongToWait()
    {
        ProtocolError e = ProtocolError::make(ErrorCode::RateLimited, QStringLiteral("slow"));
        e.retryAfterMs = 4200;
        QVERIFY(LoginDialog::messageFor(e, false, QUrl()).contains(QStringLiteral("5 second")));
    }

    void serversOnTheNetworkAreListedAndFillTheAddress()
    {
        auto lan = discoverableServer(QStringLiteral("Office chat"));
        QVERIFY(lan);
        ServerFinder finder;
        finder.setPort(lan->server().discoveryPort());
        newDialog(&finder);
        QVERIFY(nearby()->statusLabel()->text().contains(QStringLiteral("Looking")));
        QTRY_COMPARE_WITH_TIMEOUT(nearby()->serverList()->count(), 1, 5000);
        QListWidgetItem *item = nearby()->serverList()->item(0);
        QVERIFY2(item->text().startsWith(QStringLiteral("Office chat")), qPrintable(item->text()));
        // First run (nothing remembered): the found server is filled in without a click.
        QCOMPARE(m_dialog->serverEdit()->text(), lan->url().toString());
        QTRY_VERIFY_WITH_TIMEOUT(
            nearby()->statusLabel()->text().contains(QStringLiteral("Found one")), 5000);
        QVERIFY(nearby()->searchButton()->isEnabled());

        // Another address typed by hand stays until the user clicks the found server.
        m_dialog->serverEdit()->clear();
        QTest::keyClicks(m_dialog->serverEdit(), QStringLiteral("ws://10.9.9.9:7467/v1"));
        nearby()->searchAgain();
        QTRY_COMPARE_WITH_TIMEOUT(nearby()->serverList()->count(), 1, 5000);
        QCOMPARE(m_dialog->serverEdit()->text(), QStringLiteral("ws://10.9.9.9:7467/v1"));
        const QRect rect = nearby()->serverList()->visualItemRect(nearby()->serverList()->item(0));
        QTest::mouseClick(nearby()->serverList()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(m_dialog->serverEdit()->text(), lan->url().toString());

        // The found address works: an account made through it signs in.
        m_dialog->usernameEdit()->setText(QStringLiteral("finder"));
        m_dialog->passwordEdit()->setText(QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
        QCOMPARE(m_settings->serverUrl(), lan->url());
    }

    void noServerFoundSaysWhatToDo()
    {
        ServerFinder finder;
        finder.setPort(m_server->server().port()); // a TCP port: nothing answers UDP there
        LocalServerHost host;
        newDialog(&finder, &host);
        QTRY_VERIFY_WITH_TIMEOUT(
            nearby()->statusLabel()->text().contains(QStringLiteral("No Natter server")), 5000);
        QCOMPARE(nearby()->serverList()->count(), 0);
        QVERIFY(nearby()->statusLabel()->text().contains(QStringLiteral("host one")));
        QVERIFY(nearby()->hostButton()->isVisible());
    }

    void discoveryTurnedOffStaysOff()
    {
        auto lan = discoverableServer(QStringLiteral("hidden"));
        QVERIFY(lan);
        ServerFinder finder;
        finder.setPort(lan->server().discoveryPort());
        newDialog(&finder);
        nearby()->discoveryCheckBox()->click();
        QVERIFY(!m_settings->discoveryEnabled());
        QVERIFY(!nearby()->searchButton()->isEnabled());
        QVERIFY(nearby()->statusLabel()->text().contains(QStringLiteral("Not looking")));

        // The next dialog of this profile does not search at all.
        QTest::qWait(1600); // the first search ends
        QSignalSpy found(&finder, &ServerFinder::serverFound);
        newDialog(&finder, nullptr, true);
        QVERIFY(!nearby()->discoveryCheckBox()->isChecked());
        QVERIFY(!finder.isSearching());
        QTest::qWait(300);
        QCOMPARE(found.size(), 0);
        QCOMPARE(nearby()->serverList()->count(), 0);
        // Turning it back on searches again.
        nearby()->discoveryCheckBox()->click();
        QVERIFY(m_settings->discoveryEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(nearby()->serverList()->count(), 1, 5000);
    }

    void hostingAServerOnThisComputerLetsYouStart()
    {
        ServerFinder finder;
        finder.setPort(m_server->server().port()); // nothing answers
        QTemporaryDir data;
        LocalServerHost host;
        host.setProgram(QStringLiteral(NATTER_SERVER_BINARY));
        host.setDataDir(data.path());
        host.setExtraArguments(
            {"--listen", "127.0.0.1:0", "--password-cost", "min", "--no-discovery"});
        newDialog(&finder, &host);
        QVERIFY(nearby()->hostButton()->isEnabled());
        QTest::mouseClick(nearby()->hostButton(), Qt::LeftButton);
        QVERIFY(m_settings->hostsServer()); // started again on the next launch
        QTRY_VERIFY_WITH_TIMEOUT(!host.url().isEmpty(), 15000);
        QCOMPARE(m_dialog->serverEdit()->text(), host.url().toString());
        QVERIFY2(nearby()->statusLabel()->text().contains(QStringLiteral("is running")),
                 qPrintable(nearby()->statusLabel()->text()));
        QVERIFY(!nearby()->hostButton()->isEnabled());
        m_dialog->usernameEdit()->setText(QStringLiteral("host"));
        m_dialog->passwordEdit()->setText(QStringLiteral("correct-horse-7"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
        QCOMPARE(m_client->session().currentUser().username, QStringLiteral("host"));
        m_dialog.reset();
        m_client.reset();
        host.stop();
    }

    void hostingThatFailsIsExplained()
    {
        LocalServerHost host;
        host.setProgram(QStringLiteral("/nonexistent/natter-server"));
        newDialog(nullptr, &host);
        QTest::mouseClick(nearby()->hostButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            nearby()->statusLabel()->text().contains(QStringLiteral("could not start")), 5000);
        QVERIFY(!m_settings->hostsServer());
        QVERIFY(nearby()->hostButton()->isEnabled()); // can try again
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
