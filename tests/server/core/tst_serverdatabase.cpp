// The real natter-server executable and its database: one it cannot use, one of a newer
// server, one that is missing, deleted, read-only or on a full disk; --check-config on good
// and bad files and a newer schema. Each gets a clear message, never an empty database in its
// place.

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

class TestServerDatabase final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void unusableDatabaseFailsWithAMessage()
    {
        int code = -1;
        QString out;
        QString err;
        runServer({"--listen", "127.0.0.1:0", "--database",
                   QStringLiteral("/proc/natter-test/x.db"), "--password-cost", "min"},
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
        runServer({"--listen", "127.0.0.1:0", "--database", db, "--password-cost", "min"}, &code,
                  &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("schema 999, newer than this server")),
                 qPrintable(err));
        QVERIFY(!out.contains(QStringLiteral("listening on")));
    }

    // A database that is gone is not replaced by an empty one: only a first run (a new or
    // empty directory) or --create makes one.
    void missingDatabaseIsCreatedOnlyOnAFirstRunOrWithCreate()
    {
        int code = -1;
        QString out;
        QString err;
        const QString inUse = m_dir.filePath(QStringLiteral("typo.db")); // m_dir holds others
        runServer({"--listen", "127.0.0.1:0", "--database", inUse, "--password-cost", "min"}, &code,
                  &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("does not exist; pass --create")), qPrintable(err));
        QVERIFY(!QFile::exists(inUse));
        QVERIFY(!out.contains(QLatin1String("listening")));
        QCOMPARE(admin(inUse, {"user", "list"}), 0); // admin() passes --create
        QVERIFY(QFile::exists(inUse));

        // A first run: the directory does not exist yet.
        const QString fresh = m_dir.filePath(QStringLiteral("first-run/natter.db"));
        QProcess server;
        server.start(serverBinary(), {"--listen", "127.0.0.1:0", "--database", fresh,
                                      "--password-cost", "min", "--no-discovery"});
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
        runServer({"--listen", "127.0.0.1:0", "--database", db, "--password-cost", "min"}, &code,
                  &out, &err);
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
        QStringList command{serverBinary(),    "--listen", "127.0.0.1:0",   "--database", db,
                            "--password-cost", "min",      "--no-discovery"};
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
        runServer({"--config", garbage.fileName(), "--check-config"}, &code, &out, &err);
        QVERIFY(code != 0);
        QVERIFY2(err.contains(garbage.fileName() + QStringLiteral(":3:")) &&
                     err.contains(QLatin1String("\"rm -rf /\" is not a key = value line")),
                 qPrintable(err));
        QFile binaryFile(serverBinary());
        QVERIFY(binaryFile.open(QIODevice::ReadOnly));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(binaryFile.read(4096));
        garbage.close();
        runServer({"--config", garbage.fileName(), "--check-config"}, &code, &out, &err);
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
        runServer({"--database", db, "--check-config"}, &code, &out, &err);
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
        runServer({"--config", conf.fileName(), "--create", "--check-config"}, &code, &out, &err);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains(QLatin1String("configuration OK")), qPrintable(out + err));
        QVERIFY(out.contains(QLatin1String("listen = 127.0.0.1:7999")));
        QVERIFY(out.contains(QLatin1String("max-sockets-per-user = 4")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("checked.db")))); // nothing created

        runServer(
            {"--config", conf.fileName(), "--database", "/nonexistent-dir/x.db", "--check-config"},
            &code, &out, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QLatin1String("/nonexistent-dir")), qPrintable(err));
        QVERIFY(conf.open(QIODevice::Append));
        conf.write("bogus = 1\n");
        conf.close();
        runServer({"--config", conf.fileName(), "--check-config"}, &code, &out, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QLatin1String("unknown key")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestServerDatabase)
#include "tst_serverdatabase.moc"
