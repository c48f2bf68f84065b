// The real natter-server executable: the "listening" line, --help/--version, clean exit on
// SIGTERM, data kept across restarts, user commands, TLS, backup and a clear
// failure for a taken port. Its database and --check-config: tst_serverdatabase.

#include "protocol.h"
#include "serverprocess.h"
#include "testclient.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include <unistd.h>

class TestServerBinary final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Revocations are seen within half a second; the rest is the admin process's own time
    // and a loaded machine.
    static constexpr int kSignOutMs = 1'500;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void helpAndVersion()
    {
        int code = -1;
        QString out;
        QString err;
        runServer({"--help"}, &code, &out, &err);
        QCOMPARE(code, 0);
        for (const char *option : {"--listen", "--database", "--log-level", "--password-cost"})
            QVERIFY2(out.contains(QLatin1String(option)), option);
        runServer({"--version"}, &code, &out, &err);
        QCOMPARE(code, 0);
        QVERIFY2(out.startsWith(QStringLiteral("natter-server ")), qPrintable(out));
        runServer({"--log-level", "shouty"}, &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY(err.contains(QStringLiteral("--log-level")));
    }

    void servesAndExitsCleanlyOnSigterm()
    {
        const QString db = m_dir.filePath(QStringLiteral("serve.db"));
        QProcess process;
        const QUrl url = startServer(process, db);
        QVERIFY2(url.isValid(), qPrintable(process.readAllStandardError()));

        TestClient alice;
        QVERIFY(alice.open(url));
        QVERIFY(alice.registerAs(QStringLiteral("alice")));
        TestClient bob;
        QVERIFY(bob.open(url));
        QVERIFY(bob.registerAs(QStringLiteral("bob")));
        QVERIFY(TestClient::isOk(alice.sendTo(bob.userId(), QStringLiteral("kept"))));

        process.terminate(); // SIGTERM
        QVERIFY(alice.waitDisconnected(5000));
        QCOMPARE(alice.closeCode(), 1001);
        // waitForFinished() is false when the exit was already seen while waiting above.
        QVERIFY(process.state() == QProcess::NotRunning || process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        // Everything acknowledged is still there after a restart.
        QProcess again;
        const QUrl url2 = startServer(again, db);
        QVERIFY(url2.isValid());
        TestClient bob2;
        QVERIFY(bob2.open(url2));
        QVERIFY(bob2.loginAs(QStringLiteral("bob")));
        const QJsonArray conversations =
            bob2.request(QStringLiteral("conversations")).value("conversations").toArray();
        QCOMPARE(conversations.size(), 1);
        QCOMPARE(conversations.first()
                     .toObject()
                     .value("last_message")
                     .toObject()
                     .value("content")
                     .toString(),
                 QStringLiteral("kept"));
        ::kill(pid_t(again.processId()), SIGINT);
        QVERIFY(again.state() == QProcess::NotRunning || again.waitForFinished(10000));
        QCOMPARE(again.exitCode(), 0);
    }

    void userCommandsManageAccounts()
    {
        const QString db = m_dir.filePath(QStringLiteral("admin.db"));
        QCOMPARE(admin(db, {"user", "add", "eve"}, "first-password\n"), 0);
        QCOMPARE(admin(db, {"user", "add", "EVE"}, "other-password\n"), 1); // taken
        QCOMPARE(admin(db, {"user", "add", "x y"}, "other-password\n"), 1); // bad name
        QCOMPARE(admin(db, {"user", "add", "frank"}, "short\n"), 1);        // weak password
        QCOMPARE(admin(db, {"user", "fly"}), 2);
        QByteArray listed;
        QCOMPARE(admin(db, {"user", "list"}, {}, &listed), 0);
        QCOMPARE(listed, QByteArray("eve\n"));

        QProcess server;
        const QUrl url = startServer(server, db);
        QVERIFY(url.isValid());
        TestClient eve;
        QVERIFY(eve.open(url));
        QVERIFY(eve.loginAs(QStringLiteral("eve"), QStringLiteral("first-password")));

        // Disabled while the server runs: her open socket is signed out (another process
        // revoked her tokens: the server reads that from the database) and the next login is
        // refused.
        QCOMPARE(admin(db, {"user", "disable", "eve"}), 0);
        QVERIFY(eve.waitDisconnected(kSignOutMs));
        QCOMPARE(eve.closeCode(), int(natter::protocol::CloseSignedOut));
        TestClient again;
        QVERIFY(again.open(url));
        QVERIFY(!again.loginAs(QStringLiteral("eve"), QStringLiteral("first-password")));
        QCOMPARE(admin(db, {"user", "enable", "eve"}), 0);
        QVERIFY(again.loginAs(QStringLiteral("eve"), QStringLiteral("first-password")));
        TestClient sameToken;
        QVERIFY(sameToken.open(url));
        QVERIFY(sameToken.authWith(again.token()));

        // A new password signs out every socket of the old one, also those that used the token.
        QCOMPARE(admin(db, {"user", "reset-password", "eve"}, "second-password\n"), 0);
        QVERIFY(again.waitDisconnected(kSignOutMs));
        QCOMPARE(again.closeCode(), int(natter::protocol::CloseSignedOut));
        QVERIFY(sameToken.waitDisconnected(kSignOutMs));
        QCOMPARE(sameToken.closeCode(), int(natter::protocol::CloseSignedOut));
        TestClient third;
        QVERIFY(third.open(url));
        QVERIFY(!third.loginAs(QStringLiteral("eve"), QStringLiteral("first-password")));
        QVERIFY(third.loginAs(QStringLiteral("eve"), QStringLiteral("second-password")));
        QCOMPARE(admin(db, {"user", "disable", "nobody"}), 1);
        server.terminate();
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));
    }

    void tlsCertificateSwitchesToWss()
    {
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                       cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                       "subjectAltName=IP:127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(30000) && openssl.exitCode() == 0,
                 "openssl is needed to make a test certificate");

        QProcess server;
        const QUrl url = startServer(server, m_dir.filePath(QStringLiteral("tls.db")),
                                     {"--tls-cert", cert, "--tls-key", key});
        QCOMPARE(url.scheme(), QStringLiteral("wss"));

        // A client that trusts this certificate talks as usual...
        QFile pem(cert);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        TestClient trusting;
        trusting.setCaCertificates(QSslCertificate::fromData(pem.readAll(), QSsl::Pem));
        QVERIFY(trusting.open(url));
        QVERIFY(trusting.registerAs(QStringLiteral("tina")));
        // ...one that does not (self-signed, unknown CA) is refused, and plain ws:// fails.
        TestClient stranger;
        QVERIFY(!stranger.open(url));
        QUrl plain = url;
        plain.setScheme(QStringLiteral("ws"));
        TestClient cleartext;
        QVERIFY(!cleartext.open(plain, 3000));
        server.terminate();
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));

        // Half a pair, or a file that is not a certificate: a clear refusal to start.
        QProcess half;
        half.start(serverBinary(), {"--tls-cert", cert});
        QVERIFY(half.waitForFinished(10000));
        QCOMPARE(half.exitCode(), 2);
        QProcess wrong;
        wrong.start(serverBinary(), {"--listen", "127.0.0.1:0", "--database",
                                     m_dir.filePath(QStringLiteral("tls2.db")), "--create",
                                     "--tls-cert", key, "--tls-key", key});
        QVERIFY(wrong.waitForFinished(10000));
        QCOMPARE(wrong.exitCode(), 1);
        QVERIFY(wrong.readAllStandardError().contains("no PEM certificate"));
    }

    void takenPortFailsWithAMessage()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        int code = -1;
        QString out;
        QString err;
        runServer({"--listen", QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort()),
                   "--database", m_dir.filePath(QStringLiteral("port.db")), "--create",
                   "--password-cost", "min"},
                  &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains(QStringLiteral("cannot listen")), qPrintable(err));
        QVERIFY(!out.contains(QStringLiteral("listening on")));
    }

    void backupWhileServingRestoresEverything()
    {
        const QString db = m_dir.filePath(QStringLiteral("live.db"));
        QProcess server;
        const QUrl url = startServer(server, db);
        QVERIFY(url.isValid());
        TestClient alice;
        TestClient bob;
        QVERIFY(alice.open(url) && alice.registerAs(QStringLiteral("alice")));
        QVERIFY(bob.open(url) && bob.registerAs(QStringLiteral("bob")));
        for (int i = 0; i < 20; ++i)
            QVERIFY(
                TestClient::isOk(alice.sendTo(bob.userId(), QStringLiteral("before %1").arg(i))));

        const QString backup = m_dir.filePath(QStringLiteral("natter-backup.db"));
        QByteArray report;
        QCOMPARE(admin(db, {"backup", backup}, {}, &report), 0);
        QVERIFY2(report.contains("2 users, 20 messages"), report.constData());
        // Written after the backup: must not be in it.
        QVERIFY(TestClient::isOk(alice.sendTo(bob.userId(), QStringLiteral("after"))));
        server.terminate();
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));

        // Restore = serve the copy.
        QProcess restored;
        const QUrl restoredUrl = startServer(restored, backup);
        QVERIFY(restoredUrl.isValid());
        TestClient again;
        QVERIFY(again.open(restoredUrl) && again.loginAs(QStringLiteral("bob")));
        const QJsonObject conversations = again.request(QStringLiteral("conversations"));
        const QJsonObject first = conversations.value("conversations").toArray().first().toObject();
        const QJsonObject page = again.request(
            QStringLiteral("history"), {{"conversation_id", first.value("id")}, {"limit", 100}});
        const QJsonArray messages = page.value("messages").toArray();
        QCOMPARE(messages.size(), 20);
        QCOMPARE(messages.first().toObject().value("content").toString(),
                 QStringLiteral("before 19"));
        restored.terminate();
        QVERIFY(restored.state() == QProcess::NotRunning || restored.waitForFinished(10000));

        QCOMPARE(admin(db, {"backup"}), 2);
        QCOMPARE(admin(m_dir.filePath(QStringLiteral("none.db")), {"backup", backup}), 1);
    }

    // A key that is not the certificate's: every handshake would fail, so neither start-up
    // nor --check-config accepts the pair.
    void tlsKeyOfAnotherCertificateIsRefused()
    {
        const QString cert = m_dir.filePath(QStringLiteral("pair-cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("pair-key.pem"));
        const QString otherCert = m_dir.filePath(QStringLiteral("other-cert.pem"));
        const QString otherKey = m_dir.filePath(QStringLiteral("other-key.pem"));
        QVERIFY2(makeCertificate(cert, key) && makeCertificate(otherCert, otherKey),
                 "openssl is needed to make a test certificate");
        const QString db = m_dir.filePath(QStringLiteral("pair.db"));
        int code = -1;
        QString out;
        QString err;
        runServer({"--listen", "127.0.0.1:0", "--database", db, "--create", "--tls-cert", cert,
                   "--tls-key", otherKey},
                  &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("does not belong to the certificate")),
                 qPrintable(err));
        QVERIFY(!out.contains(QLatin1String("listening")));
        runServer({"--database", db, "--create", "--tls-cert", cert, "--tls-key", otherKey,
                   "--check-config"},
                  &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("does not belong to the certificate")),
                 qPrintable(err));
        QVERIFY(!out.contains(QLatin1String("configuration OK")));
        // The right pair passes both.
        runServer(
            {"--database", db, "--create", "--tls-cert", cert, "--tls-key", key, "--check-config"},
            &code, &out, &err);
        QCOMPARE(code, 0);
        QProcess server;
        QCOMPARE(startServer(server, db, {"--tls-cert", cert, "--tls-key", key}).scheme(),
                 QStringLiteral("wss"));
        server.terminate();
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(TestServerBinary)
#include "tst_serverbinary.moc"
