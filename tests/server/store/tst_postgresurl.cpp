// PostgreSQL connection URLs and what PostgresStore says when it cannot connect; needs no
// server (the live-server tests are tst_postgresstore and tst_store_postgres).
#include "postgresstore.h"
#include "postgresurl.h"

#include <QTcpServer>
#include <QtTest>

using namespace natter::server;

class TestPostgresUrl : public QObject
{
    Q_OBJECT

private slots:
    void fullUrlIsParsedAndDecoded()
    {
        QString error;
        const auto url =
            PostgresUrl::parse(QStringLiteral("postgresql://chat%40er:p%2Fss@db.example:6543/natter"
                                              "?schema=chat_1&sslmode=require"),
                               &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->user, QStringLiteral("chat@er"));
        QCOMPARE(url->password, QStringLiteral("p/ss"));
        QCOMPARE(url->host, QStringLiteral("db.example"));
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->database, QStringLiteral("natter"));
        QCOMPARE(url->schema, QStringLiteral("chat_1"));
        QVERIFY(url->connectOptions.contains(QStringLiteral("sslmode=require")));
        QVERIFY(url->connectOptions.contains(QStringLiteral("connect_timeout=")));
        QVERIFY(!url->location().contains(QStringLiteral("p/ss")));
    }

    void shortFormsGetDefaults()
    {
        QString error;
        const auto url =
            PostgresUrl::parse(QStringLiteral("postgres://natter@localhost/chat"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->port, 5432);
        QVERIFY(url->password.isEmpty());
        QVERIFY(url->schema.isEmpty());
        QVERIFY(PostgresUrl::isPostgresUrl(QStringLiteral("POSTGRESQL://h/db")));
    }

    void filePathsAreNotPostgres()
    {
        QVERIFY(!PostgresUrl::isPostgresUrl(QStringLiteral("/var/lib/natter/natter.db")));
        QVERIFY(!PostgresUrl::isPostgresUrl(QStringLiteral("postgresql.db")));
        QVERIFY(!PostgresUrl::isPostgresUrl(QStringLiteral("sqlite://x")));
    }

    void unusableUrlsAreRefusedWithoutThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("no database") << QStringLiteral("postgresql://u:secret@h:5432");
        QTest::newRow("nested path") << QStringLiteral("postgresql://u:secret@h/a/b");
        QTest::newRow("bad port") << QStringLiteral("postgresql://u:secret@h:99999/db");
        QTest::newRow("unknown parameter") << QStringLiteral("postgresql://u:secret@h/db?x=1");
        QTest::newRow("schema with quote")
            << QStringLiteral("postgresql://u:secret@h/db?schema=a\"b");
        QTest::newRow("option with space")
            << QStringLiteral("postgresql://u:secret@h/db?sslmode=require%20host%3Devil");
    }

    void unusableUrlsAreRefusedWithoutThePassword()
    {
        QFETCH(QString, url);
        QString error;
        QVERIFY(!PostgresUrl::parse(url, &error));
        QVERIFY(error.startsWith(QStringLiteral("invalid PostgreSQL URL")));
        QVERIFY2(!error.contains(QStringLiteral("secret")), qPrintable(error));
    }

    void redactedHidesOnlyThePassword()
    {
        const QString shown =
            PostgresUrl::redacted(QStringLiteral("postgresql://natter:secret@db:5433/chat"));
        QVERIFY(!shown.contains(QStringLiteral("secret")));
        QVERIFY(shown.contains(QStringLiteral("natter")));
        QVERIFY(shown.contains(QStringLiteral("db:5433/chat")));
    }

    void refusedConnectionNamesHostPortAndDatabaseButNotThePassword()
    {
        // A port that was free a moment ago: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();

        PostgresStore store(
            QStringLiteral("postgresql://natter:secret@127.0.0.1:%1/chatdb").arg(port));
        const auto opened = store.open();
        QCOMPARE(opened.failure, StoreFailure::Unavailable);
        QVERIFY2(opened.detail.contains(QStringLiteral("127.0.0.1:%1/chatdb").arg(port)),
                 qPrintable(opened.detail));
        QVERIFY2(!opened.detail.contains(QStringLiteral("secret")), qPrintable(opened.detail));
    }

    void invalidUrlFailsToOpen()
    {
        PostgresStore store(QStringLiteral("postgresql://natter:secret@127.0.0.1/"));
        const auto opened = store.open();
        QCOMPARE(opened.failure, StoreFailure::Unavailable);
        QVERIFY(opened.detail.contains(QStringLiteral("invalid PostgreSQL URL")));
        QVERIFY(!opened.detail.contains(QStringLiteral("secret")));
    }
};

QTEST_GUILESS_MAIN(TestPostgresUrl)
#include "tst_postgresurl.moc"
