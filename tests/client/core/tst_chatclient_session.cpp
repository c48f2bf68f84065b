// The session controller against the real server: a self-signed certificate trusted on
// first use then pinned, a session the server ends, a wrong password.
#include "chatclientfixture.h"
#include "store/sqlitestore.h"

#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>

using namespace natter;
using namespace natter::client;

class TestChatClientSession final : public ChatClientFixture
{
    Q_OBJECT

private slots:
    void selfSignedServerIsTrustedOnFirstUseThenPinned()
    {
        const auto makeCert = [this](const QString &name) {
            const QString cert = m_dbDir->filePath(name + QStringLiteral(".pem"));
            const QString key = m_dbDir->filePath(name + QStringLiteral(".key"));
            QProcess openssl;
            openssl.start(QStringLiteral("openssl"),
                          {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                           cert, "-days", "2", "-subj", "/CN=127.0.0.1"});
            if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
                qFatal("openssl is needed to make a test certificate");
            return std::pair{cert, key};
        };
        const auto startTls = [this](const std::pair<QString, QString> &pair, quint16 port) {
            m_server = std::make_unique<TestServer>();
            m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("tls.db"));
            m_server->config().tlsCertPath = pair.first;
            m_server->config().tlsKeyPath = pair.second;
            m_server->config().port = port;
            return m_server->start();
        };
        m_server.reset();
        QVERIFY(startTls(makeCert(QStringLiteral("first")), 0));
        const quint16 port = m_server->server().port();
        QCOMPARE(m_server->url().scheme(), QStringLiteral("wss"));

        Person alice = person(QStringLiteral("tofu"));
        QSignalSpy untrusted(&alice.client->session(), &SessionController::untrustedCertificate);
        QSignalSpy ok(&alice.client->session(), &SessionController::authenticated);
        alice.client->session().registerAccount(m_server->url(), QStringLiteral("alice"),
                                                QStringLiteral("correct-horse-7"), true);
        QVERIFY(untrusted.wait(5000));
        QCOMPARE(untrusted.first().at(1).toBool(), false); // unknown, not changed
        QCOMPARE(ok.count(), 0);                           // nothing sent before trust
        alice.client->session().trustCertificate(untrusted.first().at(0).value<QSslCertificate>());
        QVERIFY(ok.wait(5000));

        // The pin is remembered: a restarted client connects without asking.
        alice.client.reset();
        Person again = person(QStringLiteral("tofu"));
        QSignalSpy untrustedAgain(&again.client->session(),
                                  &SessionController::untrustedCertificate);
        QSignalSpy okAgain(&again.client->session(), &SessionController::authenticated);
        QVERIFY(again.client->session().resume());
        QVERIFY(okAgain.wait(5000));
        QCOMPARE(untrustedAgain.count(), 0);
        again.client.reset();

        // Another certificate on the same address is refused as "changed".
        m_server.reset();
        QVERIFY(startTls(makeCert(QStringLiteral("second")), port));
        Person third = person(QStringLiteral("tofu"));
        QSignalSpy changed(&third.client->session(), &SessionController::untrustedCertificate);
        QVERIFY(third.client->session().resume());
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.first().at(1).toBool(), true);
        QVERIFY(!third.client->session().isAuthenticated());
    }

    void aSessionEndedOnTheServerSignsTheClientOut()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        QVERIFY(!alice.settings->token().isEmpty());
        QSignalSpy signedOut(&alice.client->session(), &SessionController::signedOut);
        QSignalSpy states(&alice.client->connection(), &ServerConnection::stateChanged);
        // What `natter-server user reset-password alice` does, from its own connection.
        {
            natter::server::SqliteStore admin(m_server->databasePath());
            QVERIFY(admin.open().ok());
            QVERIFY(admin.revokeUserTokens(alice.client->session().currentUser().id).ok());
            admin.close();
        }
        QVERIFY(signedOut.wait(3000));
        QVERIFY(!alice.client->session().isAuthenticated());
        QVERIFY(alice.client->session().signOutReason().contains(QStringLiteral("signed out")));
        QVERIFY(alice.settings->token().isEmpty()); // a dead token is not kept
        // No reconnecting with it (the reconnect delay here is 100-400 ms).
        QTest::qWait(800);
        QCOMPARE(alice.client->connection().state(), ConnectionState::Offline);
        for (const auto &args : std::as_const(states))
            QVERIFY(args.at(0).value<ConnectionState>() != ConnectionState::Connecting);

        // Signing in again works, and the reason is gone.
        QSignalSpy back(&alice.client->session(), &SessionController::authenticated);
        alice.client->session().signIn(m_server->url(), QStringLiteral("alice"),
                                       QStringLiteral("correct-horse-7"), true);
        QVERIFY(back.wait(5000));
        QVERIFY(alice.client->session().signOutReason().isEmpty());
    }

    void wrongPasswordIsReported()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person other = person(QStringLiteral("wrong") + QString::number(++m_profiles));
        QSignalSpy failed(&other.client->session(), &SessionController::authenticationFailed);
        other.client->session().signIn(m_server->url(), QStringLiteral("alice"),
                                       QStringLiteral("nope-nope"), false);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<ProtocolError>().code, ErrorCode::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(TestChatClientSession)
#include "tst_chatclient_session.moc"
