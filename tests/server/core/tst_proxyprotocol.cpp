// PROXY protocol v2 from a trusted load balancer: the address in the header is the client's
// for every per-address limit (unauthenticated sockets, failed-login throttle); a header from
// anyone else is not read; a trusted proxy's connection without a valid header is closed.

#include "fakeproxy.h"
#include "testserver.h"
#include "transport/proxyheader.h"

#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

namespace {

const QHostAddress kClientA(QStringLiteral("192.0.2.7"));
const QHostAddress kClientB(QStringLiteral("192.0.2.8"));

QList<QPair<QHostAddress, int>> subnet(const QString &text)
{
    QList<QPair<QHostAddress, int>> out;
    if (!natter::server::parseTrustedProxies(text, &out))
        qFatal("bad subnet in test");
    return out;
}

// A complete client handshake request for /v1.
QByteArray upgradeRequest(quint16 port)
{
    return QStringLiteral("GET /v1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                          "Sec-WebSocket-Version: 13\r\n\r\n")
        .arg(port)
        .toLatin1();
}

// What the server answers to `bytes` sent on a raw connection: its response head, or what
// it sent before closing. The in-process server needs the event loop, hence qWaitFor.
QByteArray answerTo(quint16 port, const QByteArray &bytes, bool *closed, int waitMs = 5'000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&]() { return socket.state() == QAbstractSocket::ConnectedState; },
                         5'000))
        return "no connection";
    socket.write(bytes);
    QByteArray answer;
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&]() {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
        },
        waitMs);
    answer += socket.readAll();
    *closed = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

} // namespace

class TestProxyProtocol final : public QObject
{
    Q_OBJECT

private slots:
    void unauthenticatedLimitCountsTheProxiedAddress()
    {
        TestServer server;
        server.config().trustedProxies = subnet(QStringLiteral("127.0.0.1"));
        server.config().maxUnauthenticatedPerAddress = 2;
        QVERIFY(server.start());
        FakeProxy proxy(server.server().port());
        std::vector<std::unique_ptr<TestClient>> fromA;
        for (int i = 0; i < 2; ++i) {
            proxy.nextFrom(kClientA);
            fromA.push_back(std::make_unique<TestClient>());
            QVERIFY(fromA.back()->open(proxy.url()));
        }
        QTRY_COMPARE(server.server().connectionCount(), 2);
        // A third from A is over A's limit...
        proxy.nextFrom(kClientA);
        TestClient third;
        QVERIFY(third.open(proxy.url()));
        QCOMPARE(TestClient::errorCode(third.waitEvent(QStringLiteral("error"))),
                 QStringLiteral("rate_limited"));
        QVERIFY(third.waitDisconnected());
        QCOMPARE(third.closeCode(), 4429);
        // ...while B, behind the same balancer, is someone else.
        for (int i = 0; i < 2; ++i) {
            proxy.nextFrom(kClientB);
            TestClient fromB;
            QVERIFY(fromB.open(proxy.url()));
            QVERIFY(TestClient::isOk(fromB.request(QStringLiteral("ping"))));
        }
    }

    void failedLoginsOfOneProxiedAddressDoNotThrottleAnother()
    {
        TestServer server;
        server.config().trustedProxies = subnet(QStringLiteral("10.9.0.0/16, 127.0.0.0/8"));
        QVERIFY(server.start());
        FakeProxy proxy(server.server().port());
        proxy.nextFrom(kClientB);
        auto owner = std::make_unique<TestClient>();
        QVERIFY(owner->open(proxy.url()));
        QVERIFY(owner->registerAs(QStringLiteral("olga")));
        owner.reset();

        proxy.nextFrom(kClientA);
        TestClient guesser;
        QVERIFY(guesser.open(proxy.url()));
        QJsonObject reply;
        int failures = 0;
        // Different usernames: only the address's count grows.
        for (; failures < 40; ++failures) {
            reply = guesser.request(QStringLiteral("login"),
                                    {{"username", QStringLiteral("nobody%1").arg(failures)},
                                     {"password", "x-guess-1"}});
            if (TestClient::errorCode(reply) != QStringLiteral("unauthorized"))
                break;
        }
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("rate_limited"));
        QVERIFY2(failures >= 5, qPrintable(QString::number(failures)));

        // Another client behind the same balancer signs in at once.
        proxy.nextFrom(kClientB);
        TestClient other;
        QVERIFY(other.open(proxy.url()));
        QVERIFY(other.loginAs(QStringLiteral("olga")));
        // So does one whose header is LOCAL (the balancer's own address, 127.0.0.1).
        proxy.nextFrom(QHostAddress());
        TestClient local;
        QVERIFY(local.open(proxy.url()));
        QVERIFY(local.loginAs(QStringLiteral("olga")));
    }

    void headerFromAnUntrustedPeerIsNotRead()
    {
        TestServer server;
        server.config().trustedProxies = subnet(QStringLiteral("192.0.2.1/32"));
        QVERIFY(server.start());
        const quint16 port = server.server().port();
        const QByteArray header = natter::server::proxyheader::encode(
            kClientA, 40000, QHostAddress(QStringLiteral("192.0.2.1")), port);
        // From 127.0.0.1, not trusted: the header is just the start of a bad HTTP request.
        bool closed = false;
        const QByteArray answer = answerTo(port, header + upgradeRequest(port), &closed);
        QVERIFY2(!answer.startsWith("HTTP/1.1 101"), answer.constData());
        QVERIFY(closed);
        // The same request without the header is upgraded (the refusal above was the header).
        QVERIFY(answerTo(port, upgradeRequest(port), &closed).startsWith("HTTP/1.1 101"));
    }

    void trustedProxyWithoutAValidHeaderIsClosed()
    {
        TestServer server;
        server.config().trustedProxies = subnet(QStringLiteral("127.0.0.1"));
        QVERIFY(server.start());
        const quint16 port = server.server().port();
        // With the header the upgrade goes through...
        bool closed = false;
        const QByteArray header = natter::server::proxyheader::encode(
            kClientA, 40000, QHostAddress(QStringLiteral("192.0.2.1")), port);
        QVERIFY(answerTo(port, header + upgradeRequest(port), &closed).startsWith("HTTP/1.1 101"));
        // ...without it, or with a broken one, the connection is closed unanswered and logged.
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral(
                              "trusted proxy 127\\.0\\.0\\.1 : no PROXY protocol v2 signature")));
        QCOMPARE(answerTo(port, upgradeRequest(port), &closed), QByteArray());
        QVERIFY(closed);
        QByteArray wrongFamily = header;
        wrongFamily[13] = char(0x31); // AF_UNIX
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("address family 3")));
        QCOMPARE(answerTo(port, wrongFamily + upgradeRequest(port), &closed), QByteArray());
        QVERIFY(closed);
        // Part of a header: the server waits for the rest (until the handshake timeout)...
        QTcpSocket partial;
        partial.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE(partial.state(), QAbstractSocket::ConnectedState);
        partial.write(header.first(10));
        QTest::qWait(300);
        QCOMPARE(partial.state(), QAbstractSocket::ConnectedState);
        // ...and logs a proxy that goes away in the middle.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("closed before the end")));
        partial.abort();
        QTest::qWait(300);
        // A connection closed without a byte (HAProxy's plain TCP health check) is not logged.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("trusted proxy")));
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE(probe.state(), QAbstractSocket::ConnectedState);
        QTest::qWait(50);
        probe.abort();
        QTest::qWait(300);
    }
};

QTEST_GUILESS_MAIN(TestProxyProtocol)
#include "tst_proxyprotocol.moc"
