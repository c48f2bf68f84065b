// The real natter-server executable: the "listening" line, --help/--version, clean exit on
// SIGTERM, data kept across restarts, and clear failures for a taken port or a bad database.

#include "protocol.h"
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

    static QString binary() { return QStringLiteral(NATTER_SERVER_BINARY); }

    // Starts the server on a free port; returns the URL from its "listening" line.
    QUrl startServer(QProcess &process, const QString &database, const QStringList &extra = {})
    {
        process.setProgram(binary());
        process.setArguments(QStringList{"--listen", "127.0.0.1:0", "--database", database,
                                         "--create", "--password-cost", "min", "--log-level",
                                         "warning"} +
                             extra);
        process.start();
        if (!process.waitForStarted(5000))
            return {};
        QByteArray out;
        const QRegularExpression line(
            QStringLiteral("natter-server listening on (wss?://127\\.0\\.0\\.1:(\\d+)/v1)\n"));
        QRegularExpressionMatch match;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000 && process.state() == QProcess::Running) {
            process.waitForReadyRead(100);
            out += process.readAllStandardOutput();
            match = line.match(QString::fromUtf8(out));
            if (match.hasMatch())
                break;
        }
        if (!match.hasMatch() || match.captured(2).toInt() == 0)
            return {};
        return QUrl(match.captured(1));
    }

    static QProcess::ProcessError run(const QStringList &args, int *exitCode, QString *out,
                                      QString *err)
    {
        QProcess process;
        process.start(binary(), args);
        process.waitForFinished(10000);
        *exitCode = process.exitCode();
        *out = QString::fromUtf8(process.readAllStandardOutput());
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.error();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Makes a self-signed certificate and its key.
    static bool makeCertificate(const QString &cert, const QString &key)
    {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                       cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                       "subjectAltName=IP:127.0.0.1"});
        return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
    }

    void helpAndVersion()
    {
        int code = -1;
        QString out;
        QString err;
        run({"--help"}, &code, &out, &err);
        QCOMPARE(code, 0);
        for (const char *option : {"--listen", "--database", "--log-level", "--password-cost"})
            QVERIFY2(out.contains(QLatin1String(option)), option);
        run({"--version"}, &code, &out, &err);
        QCOMPARE(code, 0);
        QVERIFY2(out.startsWith(QStringLiteral("natter-server ")), qPrintable(out));
        run({"--log-level", "shouty"}, &code, &out, &err);
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

    // `natter-server user ...` with a password on stdin; returns the exit code.
    int admin(const QString &db, const QStringList &command, const QByteArray &input = {},
              QByteArray *output = nullptr)
    {
        QProcess process;
        process.start(binary(),
                      QStringList{"--database", db, "--create", "--password-cost", "min"} +
                          command);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(20000))
            return -1;
        if (output)
            *output = process.readAllStandardOutput();
        return process.exitCode();
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
        half.start(binary(), {"--tls-cert", cert});
        QVERIFY(half.waitForFinished(10000));
        QCOMPARE(half.exitCode(), 2);
        QProcess wrong;
        wrong.start(binary(), {"--listen", "127.0.0.1:0", "--database",
                               m_dir.filePath(QStringLiteral("tls2.db")), "--create", "--tls-cert",
                               key, "--tls-key", key});
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
        run({"--listen", QStringLiteral("127.0.0.1:%1").arg(blocker.serverPort()), "--database",
             m_dir.filePath(QStringLiteral("port.db")), "--create", "--password-cost", "min"},
            &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains(QStringLiteral("cannot listen")), qPrintable(err));
        QVERIFY(!out.contains(QStringLiteral("listening on")));
    }

    void unusableDatabaseFailsWithAMessage()
    {
        int code = -1;
        QString out;
        QString err;
        run({"--listen", "127.0.0.1:0", "--database", QStringLiteral("/proc/natter-test/x.db"),
             "--password-cost", "min"},
            &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains(QStringLiteral("database")), qPrintable(err));
    }

    void databaseOfANewerServerIsRefused()
    {
        const QString db = m_dir.filePath(QStringLiteral("future.db"));
        QCOMPARE(admin(db, {"user", "list"}), 0); // creates and migrates it
        {
            QSqlDatabase sql =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery query(sql);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        int code = -1;
        QString out;
        QString err;
        run({"--listen", "127.0.0.1:0", "--database", db, "--password-cost", "min"}, &code, &out,
            &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("schema 999, newer than this server")),
                 qPrintable(err));
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

    // A database that is gone is not replaced by an empty one: only a first run (a new or
    // empty directory) or --create makes one.
    void missingDatabaseIsCreatedOnlyOnAFirstRunOrWithCreate()
    {
        int code = -1;
        QString out;
        QString err;
        const QString inUse = m_dir.filePath(QStringLiteral("typo.db")); // m_dir holds others
        run({"--listen", "127.0.0.1:0", "--database", inUse, "--password-cost", "min"}, &code, &out,
            &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("does not exist; pass --create")), qPrintable(err));
        QVERIFY(!QFile::exists(inUse));
        QVERIFY(!out.contains(QLatin1String("listening")));
        QCOMPARE(admin(inUse, {"user", "list"}), 0); // admin() passes --create
        QVERIFY(QFile::exists(inUse));

        // A first run: the directory does not exist yet.
        const QString fresh = m_dir.filePath(QStringLiteral("first-run/natter.db"));
        QProcess server;
        server.start(binary(), {"--listen", "127.0.0.1:0", "--database", fresh, "--password-cost",
                                "min", "--no-discovery"});
        QVERIFY(server.waitForReadyRead(10000));
        QVERIFY(server.readAllStandardOutput().contains("listening on"));
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
        QVERIFY(QFile::exists(fresh + QStringLiteral(".created")));
    }

    // Deleted while serving: writes are refused at once, the server stops with exit 1, and
    // a restart refuses to put an empty database in its place.
    void deletedDatabaseStopsTheServer()
    {
        const QString db = m_dir.filePath(QStringLiteral("deleted/natter.db"));
        QProcess server;
        const QUrl url = startServer(server, db);
        QVERIFY(url.isValid());
        TestClient alice;
        TestClient bob;
        QVERIFY(alice.open(url) && alice.registerAs(QStringLiteral("alice")));
        QVERIFY(bob.open(url) && bob.registerAs(QStringLiteral("bob")));
        QVERIFY(TestClient::isOk(alice.sendTo(bob.userId(), QStringLiteral("kept"))));

        QVERIFY(QFile::remove(db));
        const QJsonObject lost = alice.sendTo(bob.userId(), QStringLiteral("lost"));
        // Refused, or the socket already closed by the stopping server: never acknowledged.
        QVERIFY2(!TestClient::isOk(lost), "a message was acknowledged into a deleted database");
        if (!lost.isEmpty())
            QCOMPARE(TestClient::errorCode(lost), QStringLiteral("unavailable"));
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 1);
        const QString log = QString::fromUtf8(server.readAllStandardError());
        QVERIFY2(log.contains(QLatin1String("was deleted or replaced while the server ran")),
                 qPrintable(log));

        int code = -1;
        QString out;
        QString err;
        run({"--listen", "127.0.0.1:0", "--database", db, "--password-cost", "min"}, &code, &out,
            &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("it was deleted or moved")), qPrintable(err));
        QVERIFY(!QFile::exists(db));
    }

    // SQLite opens a file it may not write read-only and says nothing: the server must not
    // start on it. Root writes 0444 files anyway, so as root the server runs without
    // CAP_DAC_OVERRIDE (setpriv), as an unprivileged service would.
    void readOnlyDatabaseIsRefusedAtStart()
    {
        const QString db = m_dir.filePath(QStringLiteral("readonly.db"));
        QCOMPARE(admin(db, {"user", "add", "rita"}, "rita-password\n"), 0);
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        QStringList command{binary(), "--listen",        "127.0.0.1:0", "--database",
                            db,       "--password-cost", "min",         "--no-discovery"};
        if (::geteuid() == 0) {
            const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
            QVERIFY2(!setpriv.isEmpty(), "running as root: setpriv (util-linux) is needed to "
                                         "drop CAP_DAC_OVERRIDE");
            command =
                QStringList{setpriv, "--bounding-set", "-dac_override,-dac_read_search"} + command;
        }
        QProcess server;
        server.start(command.takeFirst(), command);
        const bool exited = server.waitForFinished(10000);
        const QString out = QString::fromUtf8(server.readAllStandardOutput());
        const QString err = QString::fromUtf8(server.readAllStandardError());
        if (!exited) {
            server.kill();
            server.waitForFinished();
        }
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY2(exited, qPrintable("still running on a read-only database: " + out));
        QCOMPARE(server.exitCode(), 1);
        QVERIFY(!out.contains(QLatin1String("listening")));
        // 0400 by then: the server takes group and other access away from its files first.
        QVERIFY2(err.contains(QLatin1String("cannot be written")) &&
                     err.contains(QLatin1String("mode 0400")),
                 qPrintable(err));
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
        run({"--listen", "127.0.0.1:0", "--database", db, "--create", "--tls-cert", cert,
             "--tls-key", otherKey},
            &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("does not belong to the certificate")),
                 qPrintable(err));
        QVERIFY(!out.contains(QLatin1String("listening")));
        run({"--database", db, "--create", "--tls-cert", cert, "--tls-key", otherKey,
             "--check-config"},
            &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("does not belong to the certificate")),
                 qPrintable(err));
        QVERIFY(!out.contains(QLatin1String("configuration OK")));
        // The right pair passes both.
        run({"--database", db, "--create", "--tls-cert", cert, "--tls-key", key, "--check-config"},
            &code, &out, &err);
        QCOMPARE(code, 0);
        QProcess server;
        QCOMPARE(startServer(server, db, {"--tls-cert", cert, "--tls-key", key}).scheme(),
                 QStringLiteral("wss"));
        server.terminate();
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));
    }

    // --check-config reads the file line by line and opens an existing database.
    void checkConfigRefusesGarbageAndANewerSchema()
    {
        int code = -1;
        QString out;
        QString err;
        QFile garbage(m_dir.filePath(QStringLiteral("garbage.conf")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("[server]\nlisten = 127.0.0.1:7999\nrm -rf /\n");
        garbage.close();
        run({"--config", garbage.fileName(), "--check-config"}, &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains(garbage.fileName() + QStringLiteral(":3:")) &&
                     err.contains(QLatin1String("\"rm -rf /\" is not a key = value line")),
                 qPrintable(err));
        QFile binaryFile(binary());
        QVERIFY(binaryFile.open(QIODevice::ReadOnly));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(binaryFile.read(4096));
        garbage.close();
        run({"--config", garbage.fileName(), "--check-config"}, &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains(QLatin1String(":1: not text")), qPrintable(err));
        QVERIFY(!out.contains(QLatin1String("configuration OK")));

        const QString db = m_dir.filePath(QStringLiteral("future-check.db"));
        QCOMPARE(admin(db, {"user", "list"}), 0);
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                         QStringLiteral("future-check"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery query(sql);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future-check"));
        run({"--database", db, "--check-config"}, &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("schema 999, newer than this server")),
                 qPrintable(err));
        QVERIFY(!out.contains(QLatin1String("configuration OK")));
    }

    // A real full disk (a 1 MiB tmpfs): writes are refused with `unavailable`, and the log
    // says "disk full" and how much is free where, not SQLite's "disk I/O error" or the
    // rollback's "no transaction is active". Mounting needs root; without it the injected
    // commit failure of tst_sqlitestore (failedCommitReportsItsCause) covers the message.
    void fullDiskIsNamedInTheLog()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root (the message is covered by tst_sqlitestore)");
        const QString mountPoint = m_dir.filePath(QStringLiteral("full-disk"));
        QVERIFY(QDir().mkpath(mountPoint));
        if (QProcess::execute(QStringLiteral("mount"),
                              {"-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint}) != 0)
            QSKIP("cannot mount a tmpfs here (the message is covered by tst_sqlitestore)");
        const auto unmount = qScopeGuard([&]() {
            QProcess::execute(QStringLiteral("umount"), {"-l", mountPoint});
        });
        QFile conf(m_dir.filePath(QStringLiteral("full-disk.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("[limits]\nrequests-per-second = 10000\nrequest-burst = 10000\n"
                   "user-requests-per-second = 10000\nuser-request-burst = 10000\n");
        conf.close();

        const QString db = mountPoint + QStringLiteral("/natter.db");
        QProcess server;
        const QUrl url = startServer(server, db, {"--config", conf.fileName()});
        QVERIFY(url.isValid());
        TestClient alice;
        TestClient bob;
        QVERIFY(alice.open(url) && alice.registerAs(QStringLiteral("alice")));
        QVERIFY(bob.open(url) && bob.registerAs(QStringLiteral("bob")));
        const QString big(8000, QLatin1Char('x'));
        QJsonObject reply;
        int sent = 0;
        for (; sent < 1000; ++sent) {
            reply = alice.sendTo(bob.userId(), big);
            if (!TestClient::isOk(reply))
                break;
        }
        QVERIFY2(sent < 1000, "1 MiB never filled up");
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("unavailable"));
        server.terminate();
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(10000));
        const QString log = QString::fromUtf8(server.readAllStandardError());
        QVERIFY2(log.contains(QLatin1String("disk full: ")) &&
                     log.contains(QLatin1String("bytes free on ") + mountPoint),
                 qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("no transaction is active")), qPrintable(log));

        // A restart on the full disk either serves (reads need no space) or names the cause.
        QProcess again;
        const QUrl url2 = startServer(again, db, {"--config", conf.fileName()});
        if (url2.isValid()) {
            again.terminate();
            QVERIFY(again.state() == QProcess::NotRunning || again.waitForFinished(10000));
        } else {
            QVERIFY(again.state() == QProcess::NotRunning || again.waitForFinished(10000));
            const QString err = QString::fromUtf8(again.readAllStandardError());
            QVERIFY2(err.contains(QLatin1String("disk full: ")), qPrintable(err));
        }
    }

    void checkConfigValidatesWithoutServing()
    {
        QFile conf(m_dir.filePath(QStringLiteral("server.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(QStringLiteral("[server]\nlisten = 127.0.0.1:7999\ndatabase = %1\n"
                                  "[limits]\nmax-sockets-per-user = 4\n")
                       .arg(m_dir.filePath(QStringLiteral("checked.db")))
                       .toUtf8());
        conf.close();
        int code = -1;
        QString out;
        QString err;
        run({"--config", conf.fileName(), "--create", "--check-config"}, &code, &out, &err);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains(QLatin1String("configuration OK")), qPrintable(out + err));
        QVERIFY(out.contains(QLatin1String("listen = 127.0.0.1:7999")));
        QVERIFY(out.contains(QLatin1String("max-sockets-per-user = 4")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("checked.db")))); // nothing created

        run({"--config", conf.fileName(), "--database", "/nonexistent-dir/x.db", "--check-config"},
            &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("/nonexistent-dir")), qPrintable(err));
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("bogus = 1\n");
        conf.close();
        run({"--config", conf.fileName(), "--check-config"}, &code, &out, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QLatin1String("unknown key")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestServerBinary)
#include "tst_serverbinary.moc"
