// The server-wide outbound budget: sockets that never read, fed by another client, are closed
// largest first (4408, their data dropped) so that all connections' unsent data together
// stays within the budget, while a client that reads keeps working. The transport runs on its
// own (ChatServer + SessionRegistry) with stand-in handlers: "auth" signs in as the user id
// given as the token, "send" fans `count` frames of `bytes` out to user `to`.

#include "handlers/handlerregistry.h"
#include "testclient.h"
#include "transport/chatserver.h"
#include "transport/sessionregistry.h"
#include "transport/websocketsession.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QtEndian>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::server;

namespace {

constexpr qint64 kBudget = 1024 * 1024;
constexpr int kFrameBytes = 16 * 1024;

QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    const quint64 n = quint64(payload.size());
    Q_ASSERT(n < 126);
    frame.append(char(0x80 | n));
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    return frame;
}

void addStandInHandlers(HandlerRegistry &handlers, SessionRegistry &registry)
{
    handlers.add(protocol::RequestType::Auth,
                 [](ClientSession &session, const codec::Request &request) {
                     User user;
                     user.id = request.body.value(QStringLiteral("token")).toString().toLongLong();
                     user.username = QStringLiteral("user%1").arg(user.id);
                     session.authenticate(user, {});
                     session.replyOk(request.id);
                 });
    handlers.add(
        protocol::RequestType::Ping,
        [](ClientSession &session, const codec::Request &request) { session.replyOk(request.id); });
    handlers.add(protocol::RequestType::Send,
                 [&registry](ClientSession &session, const codec::Request &request) {
                     const qint64 to = request.body.value(QStringLiteral("to")).toInteger();
                     const int count = request.body.value(QStringLiteral("count")).toInt();
                     const QString frame = QStringLiteral("{\"type\":\"message\",\"pad\":\"%1\"}")
                                               .arg(QString(kFrameBytes - 30, QLatin1Char('x')));
                     for (int i = 0; i < count; ++i)
                         registry.sendToUser(to, frame);
                     session.replyOk(request.id);
                 });
}

// A signed-in socket that stops reading after the handshake, with a small receive buffer.
std::unique_ptr<QTcpSocket> nonReadingSocket(quint16 port, qint64 userId)
{
    auto raw = std::make_unique<QTcpSocket>();
    raw->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    raw->connectToHost(QHostAddress::LocalHost, port);
    if (!raw->waitForConnected(5000))
        return nullptr;
    raw->write(
        QStringLiteral("GET /v1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nUpgrade: websocket\r\n"
                       "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                       "Sec-WebSocket-Version: 13\r\n\r\n")
            .arg(port)
            .toLatin1());
    QByteArray response;
    if (!QTest::qWaitFor([&]() { return (response += raw->readAll()).contains("\r\n\r\n"); },
                         5000) ||
        !response.startsWith("HTTP/1.1 101"))
        return nullptr;
    raw->setReadBufferSize(1); // stop pulling data off the kernel socket
    raw->write(maskedTextFrame(
        QStringLiteral("{\"type\":\"auth\",\"id\":\"a\",\"token\":\"%1\"}").arg(userId).toUtf8()));
    return raw;
}

} // namespace

class TestOutboundBudget final : public QObject
{
    Q_OBJECT

private slots:
    void largestHoldersAreClosedFirstAndTheTotalStaysWithinTheBudget()
    {
        ServerConfig config;
        config.maxOutboundTotalBytes = kBudget;
        config.maxOutboundBytes = 64 * 1024 * 1024; // the per-connection cap stays out of it
        config.outboundGraceMs = 60'000;
        config.requestBurst = 10'000;
        config.userRequestBurst = 10'000;
        SessionRegistry registry;
        HandlerRegistry handlers;
        addStandInHandlers(handlers, registry);
        ChatServer server(registry, handlers, config);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/v1").arg(server.serverPort()));

        // Three sockets that never read, of three accounts fed 3:2:1.
        const QList<qint64> hogIds{101, 102, 103};
        std::vector<std::unique_ptr<QTcpSocket>> hogs;
        for (const qint64 id : hogIds) {
            hogs.push_back(nonReadingSocket(server.serverPort(), id));
            QVERIFY(hogs.back());
        }
        TestClient reader;
        TestClient feeder;
        QVERIFY(reader.open(url) && feeder.open(url));
        QVERIFY(TestClient::isOk(reader.request(QStringLiteral("auth"), {{"token", "200"}})));
        QVERIFY(TestClient::isOk(feeder.request(QStringLiteral("auth"), {{"token", "300"}})));
        for (const qint64 id : hogIds)
            QTRY_COMPARE(registry.socketsOf(id), 1);

        QList<qint64> closedUsers;
        QList<qint64> closedHolding;
        connect(&registry, &SessionRegistry::overOutboundBudget, this,
                [&](WebSocketSession *session, qint64 unsent) {
                    // The largest of all holders at that moment.
                    for (WebSocketSession *other : registry.connections())
                        QVERIFY(other->unsentBytes() <= unsent);
                    closedUsers.append(session->userId());
                    closedHolding.append(unsent);
                });
        for (int i = 0; i < 3; ++i)
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                                   "over its outbound budget, closing with 4408")));

        // Every pass of the event loop: what the sockets really hold, and the total the
        // sessions reported.
        qint64 maxHeld = 0;
        bool totalsAgree = true;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this, [&]() {
            qint64 held = 0;
            qint64 reported = 0;
            for (WebSocketSession *session : registry.connections()) {
                if (auto *socket = session->findChild<QWebSocket *>())
                    held += socket->bytesToWrite();
                reported += session->unsentBytes();
            }
            maxHeld = qMax(maxHeld, held);
            totalsAgree &= reported == registry.outbound().total();
        });
        sampler.start(0);

        // First each hog's kernel buffers fill up (loopback lets the server's grow to a few
        // MB), so that all three then hold unsent data at once.
        const auto unsentOf = [&registry](qint64 userId) {
            for (WebSocketSession *session : registry.connections()) {
                if (session->userId() == userId)
                    return session->unsentBytes();
            }
            return qint64(-1);
        };
        for (const qint64 id : hogIds) {
            for (int i = 0; i < 200 && unsentOf(id) == 0; ++i)
                QVERIFY(TestClient::isOk(
                    feeder.request(QStringLiteral("send"), {{"to", id}, {"count", 4}})));
            QVERIFY(unsentOf(id) > 0);
        }
        QVERIFY(closedUsers.isEmpty());

        int rounds = 0;
        for (; rounds < 1000 && closedUsers.size() < 3; ++rounds) {
            QStringList ids;
            for (int h = 0; h < hogIds.size(); ++h)
                ids.append(
                    feeder.send(QStringLiteral("send"), {{"to", hogIds[h]}, {"count", 3 - h}}));
            ids.append(feeder.send(QStringLiteral("send"), {{"to", 200}, {"count", 1}}));
            for (const QString &id : ids)
                QVERIFY(TestClient::isOk(feeder.waitReply(id)));
        }
        QTRY_COMPARE(reader.eventCount(QStringLiteral("message")), rounds);
        sampler.stop();

        QCOMPARE(closedUsers, hogIds); // the one fed most first
        // Each was closed holding its share of the budget at the time (3:2:1, then 2:1).
        QCOMPARE(closedHolding.size(), 3);
        QVERIFY(closedHolding[0] > 400 * 1024 && closedHolding[0] < 700 * 1024);
        QVERIFY(closedHolding[1] > 500 * 1024 && closedHolding[1] < 900 * 1024);
        QVERIFY(closedHolding[2] > 900 * 1024);
        QVERIFY2(maxHeld <= kBudget + kFrameBytes + 64, qPrintable(QString::number(maxHeld)));
        QVERIFY(totalsAgree);
        QTRY_COMPARE(registry.connectionCount(), 2);
        QCOMPARE(registry.outbound().total(), 0);

        // The reader is untouched; the hogs' connections are gone.
        QVERIFY(reader.isConnected());
        QVERIFY(TestClient::isOk(reader.request(QStringLiteral("ping"))));
        for (const auto &hog : hogs) {
            hog->setReadBufferSize(0);
            QTRY_VERIFY(hog->readAll().size() >= 0 &&
                        hog->state() == QAbstractSocket::UnconnectedState);
        }
    }

    void underTheBudgetNothingIsClosed()
    {
        ServerConfig config;
        config.maxOutboundTotalBytes = 64 * 1024 * 1024;
        config.requestBurst = 10'000;
        config.userRequestBurst = 10'000;
        SessionRegistry registry;
        HandlerRegistry handlers;
        addStandInHandlers(handlers, registry);
        ChatServer server(registry, handlers, config);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        auto hog = nonReadingSocket(server.serverPort(), 101);
        QVERIFY(hog);
        QTRY_COMPARE(registry.socketsOf(101), 1);
        TestClient feeder;
        QVERIFY(feeder.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1").arg(server.serverPort()))));
        QVERIFY(TestClient::isOk(feeder.request(QStringLiteral("auth"), {{"token", "300"}})));
        int closes = 0;
        connect(&registry, &SessionRegistry::overOutboundBudget, this, [&]() { ++closes; });
        for (int i = 0; i < 40; ++i)
            QVERIFY(TestClient::isOk(
                feeder.request(QStringLiteral("send"), {{"to", 101}, {"count", 10}})));
        QTest::qWait(100);
        QCOMPARE(closes, 0);
        QCOMPARE(registry.socketsOf(101), 1);
        QVERIFY(registry.outbound().total() > kBudget); // 6.4 MB sent: the kernel takes up to 4 MB
    }
};

QTEST_GUILESS_MAIN(TestOutboundBudget)
#include "tst_outboundbudget.moc"
