// redis:// URLs as given to --redis and [server] redis.
#include "config/redisurl.h"

#include <QtTest>

using namespace natter::server;

class TestRedisUrl : public QObject
{
    Q_OBJECT

private slots:
    void hostAloneGetsTheDefaults()
    {
        QString error;
        const auto url = RedisUrl::parse(QStringLiteral("redis://cache.lan"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->host, QStringLiteral("cache.lan"));
        QCOMPARE(url->port, 6379);
        QCOMPARE(url->database, 0);
        QVERIFY(url->user.isEmpty());
        QVERIFY(url->password.isEmpty());
        QCOMPARE(url->location(), QStringLiteral("cache.lan:6379/0"));
        QCOMPARE(RedisUrl::parse(QStringLiteral("redis://cache.lan/"), &error)->database, 0);
    }

    void everyPartIsParsedAndDecoded()
    {
        QString error;
        auto url = RedisUrl::parse(QStringLiteral("redis://:s%40cret@10.0.0.5:6380/3"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->host, QStringLiteral("10.0.0.5"));
        QCOMPARE(url->port, 6380);
        QCOMPARE(url->database, 3);
        QVERIFY(url->user.isEmpty());
        QCOMPARE(url->password, QStringLiteral("s@cret"));
        QVERIFY(!url->location().contains(QStringLiteral("cret")));

        url = RedisUrl::parse(QStringLiteral("REDIS://natter:pw@cache:7000/15"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->user, QStringLiteral("natter"));
        QCOMPARE(url->password, QStringLiteral("pw"));
        QCOMPARE(url->database, 15);

        url = RedisUrl::parse(QStringLiteral("redis://[::1]:6379/2"), &error);
        QVERIFY2(url, qPrintable(error));
        QCOMPARE(url->host, QStringLiteral("::1"));
        QCOMPARE(url->location(), QStringLiteral("[::1]:6379/2"));
    }

    void badUrlsAreRefusedWithoutShowingThePassword_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << ""
                               << "expected redis://";
        QTest::newRow("other scheme") << "rediss://cache:6379"
                                      << "expected redis://";
        QTest::newRow("http") << "http://cache:6379"
                              << "expected redis://";
        QTest::newRow("no host") << "redis://"
                                 << "no host";
        QTest::newRow("port 0") << "redis://cache:0"
                                << "bad port";
        QTest::newRow("port too big") << "redis://cache:70000"
                                      << "";
        QTest::newRow("database not a number") << "redis://:hunter2@cache/natter"
                                               << "database number";
        QTest::newRow("negative database") << "redis://cache/-1"
                                           << "database number";
        QTest::newRow("signed database") << "redis://cache/+1"
                                         << "database number";
        QTest::newRow("database too big") << "redis://cache/10000"
                                          << "database number";
        QTest::newRow("nested path") << "redis://cache/1/2"
                                     << "database number";
        QTest::newRow("query") << "redis://cache/1?timeout=3"
                               << "no query";
        QTest::newRow("user without password") << "redis://natter@cache"
                                               << "needs a password";
    }

    void badUrlsAreRefusedWithoutShowingThePassword()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        QString error;
        QVERIFY(!RedisUrl::parse(text, &error));
        QVERIFY2(error.contains(why), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("hunter2")), qPrintable(error));
        QVERIFY(!RedisUrl::parse(text, nullptr)); // the error is optional
    }
};

QTEST_GUILESS_MAIN(TestRedisUrl)
#include "tst_redisurl.moc"
