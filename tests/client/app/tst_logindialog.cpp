// The login dialog against the real server: creating an account, and a clear sentence for
// each way signing in fails (wrong password, name taken, unreachable server, TLS failure,
// malformed input caught before anything is sent).
#include "chatclient.h"
#include "logindialog.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
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

    void newDialog()
    {
        m_dialog.reset();
        m_client.reset();
        m_settings = std::make_unique<ProfileSettings>(QStringLiteral("login%1").arg(++m_profiles));
        m_client = std::make_unique<ChatClient>(*m_settings);
        m_dialog = std::make_unique<LoginDialog>(*m_client);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void createAccount(const QString &user)
    {
        newDialog();
        fill(m_server->url(), user, QStringLiteral("password123"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->result(), int(QDialog::Accepted), 5000);
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

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
        QVERIFY(m_client->isAuthenticated());
        QCOMPARE(m_client->currentUser().username, QStringLiteral("alice"));
        QCOMPARE(m_settings->serverUrl(), m_server->url());
        // The next time, server and name are filled in.
        LoginDialog again(*m_client);
        QCOMPARE(again.serverEdit()->text(), m_server->url().toString());
        QCOMPARE(again.usernameEdit()->text(), QStringLiteral("alice"));
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
        fill(m_server->url(), QStringLiteral("Alice"), QStringLiteral("password123"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("already taken")),
                 qPrintable(m_dialog->errorText()));
    }

    void unreachableServerIsExplained()
    {
        const QUrl gone = m_server->url();
        m_server.reset(); // nothing listens there any more
        newDialog();
        fill(gone, QStringLiteral("alice"), QStringLiteral("password123"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->errorText().isEmpty(), 5000);
        QVERIFY2(m_dialog->errorText().contains(QStringLiteral("Cannot reach the server at")),
                 qPrintable(m_dialog->errorText()));
        QVERIFY(m_dialog->errorText().contains(gone.toDisplayString()));
        m_client->signOut(); // stop the reconnect attempts
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
        fill(m_server->url(), QStringLiteral("alice"), QStringLiteral("password123"));
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
        QVERIFY(!m_client->isAuthenticated());
    }

    void malformedInputIsCaughtBeforeSending()
    {
        newDialog();
        fill(QUrl(QStringLiteral("http://example.org")), QStringLiteral("alice"),
             QStringLiteral("password123"));
        QTest::mouseClick(m_dialog->signInButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("ws://")));
        fill(m_server->url(), QStringLiteral("a"), QStringLiteral("password123"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("Usernames")));
        fill(m_server->url(), QStringLiteral("alice"), QStringLiteral("short"));
        QTest::mouseClick(m_dialog->registerButton(), Qt::LeftButton);
        QVERIFY(m_dialog->errorText().contains(QStringLiteral("8 characters")));
        QCOMPARE(m_server->server().connectionCount(), 0);
    }

    void rateLimitSaysHowLongToWait()
    {
        ProtocolError e = ProtocolError::make(ErrorCode::RateLimited, QStringLiteral("slow"));
        e.retryAfterMs = 4200;
        QVERIFY(LoginDialog::messageFor(e, false, QUrl()).contains(QStringLiteral("5 second")));
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
