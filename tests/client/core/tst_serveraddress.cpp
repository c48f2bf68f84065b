// The server field and --server take what people type: a host, host:port, or a ws:// or
// wss:// URL; everything else is refused (and the caller says what is expected).
#include "serveraddress.h"

#include <QtTest>

using natter::client::serverUrlFromInput;

class TestServerAddress : public QObject
{
    Q_OBJECT

private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("url");
        QTest::newRow("host") << "chat.lan"
                              << "ws://chat.lan:7467/v1";
        QTest::newRow("host:port") << "chat.lan:8000"
                                   << "ws://chat.lan:8000/v1";
        QTest::newRow("default port") << "host:7467"
                                      << "ws://host:7467/v1";
        QTest::newRow("IPv4") << " 192.168.1.5 "
                              << "ws://192.168.1.5:7467/v1";
        QTest::newRow("IPv6 with port") << "[fd00::5]:9000"
                                        << "ws://[fd00::5]:9000/v1";
        QTest::newRow("IPv6") << "[::1]"
                              << "ws://[::1]:7467/v1";
        QTest::newRow("ws URL") << "ws://127.0.0.1:7467/v1"
                                << "ws://127.0.0.1:7467/v1";
        QTest::newRow("wss without port") << "wss://chat.lan"
                                          << "wss://chat.lan:7467/v1";
        QTest::newRow("scheme case") << "WSS://chat.lan/v1"
                                     << "wss://chat.lan:7467/v1";
        QTest::newRow("trailing slash") << "ws://chat.lan:7467/v1/"
                                        << "ws://chat.lan:7467/v1";
        QTest::newRow("root") << "ws://chat.lan/"
                              << "ws://chat.lan:7467/v1";
        QTest::newRow("own path") << "wss://proxy.lan/natter/v1"
                                  << "wss://proxy.lan:7467/natter/v1";
    }

    void accepted()
    {
        QFETCH(QString, typed);
        QFETCH(QString, url);
        const auto parsed = serverUrlFromInput(typed);
        QVERIFY2(parsed, qPrintable(typed));
        QCOMPARE(parsed->toString(), url);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("empty") << "  ";
        QTest::newRow("http") << "http://chat.lan";
        QTest::newRow("port 0") << "chat.lan:0";
        QTest::newRow("port too big") << "chat.lan:70000";
        QTest::newRow("port not a number") << "chat.lan:abc";
        QTest::newRow("user info") << "ws://bob@chat.lan";
        QTest::newRow("query") << "ws://chat.lan/v1?x=1";
        QTest::newRow("no host") << "ws:///v1";
        QTest::newRow("space inside") << "chat lan";
    }

    void refused()
    {
        QFETCH(QString, typed);
        const auto parsed = serverUrlFromInput(typed);
        QVERIFY2(!parsed, qPrintable(parsed ? parsed->toString() : QString()));
    }
};

QTEST_GUILESS_MAIN(TestServerAddress)
#include "tst_serveraddress.moc"
