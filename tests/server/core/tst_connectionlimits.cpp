// Per-connection limits: request rate, idle timeout, and a client that stops reading.

#include "testserver.h"
#include "transport/tokenbucket.h"

#include <QTcpSocket>
#include <QtEndian>
#include <QtTest>

namespace {

// A client-to-server WebSocket text frame (masked, as RFC 6455 requires).
QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x81));
    const quint64 n = quint64(payload.size());
    if (n < 126) {
        frame.append(char(0x80 | n));
    } else if (n <= 0xFFFF) {
        frame.append(char(0x80 | 126));
        frame.append(char(n >> 8)).append(char(n & 0xFF));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((n >> shift) & 0xFF));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    return frame;
}

// Reads server frames from `buffer` until a close frame; returns its code or -1.
int findCloseCode(QByteArray &buffer)
{
    while (buffer.size() >= 2) {
        const int opcode = buffer[0] & 0x0F;
        quint64 length = quint8(buffer[1]) & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            if (buffer.size() < 4)
                return -1;
            length = qFromBigEndian<quint16>(buffer.constData() + 2);
            header = 4;
        } else if (length == 127) {
            if (buffer.size() < 10)
                return -1;
            length = qFromBigEndian<quint64>(buffer.constData() + 2);
            header = 10;
        }
        if (quint64(buffer.size()) < header + length)
            return -1;
        if (opcode == 0x8 && length >= 2)
            return qFromBigEndian<quint16>(buffer.constData() + header);
        buffer.remove(0, header + qsizetype(length));
    }
    return -1;
}

} // namespace

class TestConnectionLimits final : public QObject
{
    Q_OBJECT

private slots:
    void tokenBucketAllowsBurstThenSustainedRate()
    {
        natter::server::TokenBucket bucket(30, 60);
        for (int i = 0; i < 60; ++i)
            QVERIFY(bucket.tryTake(1000));
        qint64 retry = 0;
        QVERIFY(!bucket.tryTake(1000, &retry));
        QVERIFY(retry > 0 && retry <= 34);
        QVERIFY(!bucket.tryTake(1010));
        QVERIFY(bucket.tryTake(1034)); // one token per 33.3 ms
        QVERIFY(!bucket.tryTake(1034));
        // A long pause refills to the burst, not beyond.
        int taken = 0;
        while (bucket.tryTake(100'000))
            ++taken;
        QCOMPARE(taken, 60);
    }

    void floodIsRateLimitedAndSocketStaysUsable()
    {
        TestServer server;
        QVERIFY(server.start());
        auto client = server.user(QStringLiteral("flooder"));
        QVERIFY(client);
        QStringList ids;
        for (int i = 0; i < 120; ++i)
            ids.append(client->send(QStringLiteral("ping")));
        int ok = 0;
        int limited = 0;
        qint64 retryAfter = 0;
        for (const QString &id : ids) {
            const QJsonObject reply = client->waitReply(id);
            QVERIFY2(!reply.isEmpty(), "every request gets exactly one reply");
            if (TestClient::isOk(reply)) {
                ++ok;
            } else {
                QCOMPARE(TestClient::errorCode(reply), QStringLiteral("rate_limited"));
                QCOMPARE(reply.value("re").toString(), id);
                retryAfter = qint64(reply.value("retry_after_ms").toDouble());
                QVERIFY(retryAfter > 0 && retryAfter <= 1000);
                ++limited;
            }
        }
        QVERIFY2(ok >= 59 && ok < 120, qPrintable(QString::number(ok)));
        QVERIFY(limited > 0);
        QVERIFY(client->isConnected());
        QTest::qWait(int(retryAfter) + 50);
        QVERIFY(TestClient::isOk(client->request(QStringLiteral("ping"))));
    }

    void idleConnectionIsClosed()
    {
        TestServer server;
        server.config().idleTimeoutMs = 400;
        QVERIFY(server.start());
        auto quiet = server.user(QStringLiteral("quiet"));
        auto chatty = server.user(QStringLiteral("chatty"));
        QVERIFY(quiet && chatty);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 900) {
            QVERIFY(TestClient::isOk(chatty->request(QStringLiteral("ping"))));
            QTest::qWait(100);
        }
        QVERIFY(quiet->waitDisconnected(3000));
        QCOMPARE(quiet->closeCode(), 1000);
        QVERIFY(chatty->isConnected());
    }

    void clientThatStopsReadingIsClosedWith4408()
    {
        TestServer server;
        server.config().maxOutboundBytes = 64 * 1024;
        server.config().outboundGraceMs = 200;
        server.config().presenceBatchMs = 50;
        server.config().requestBurst = 1000; // the 100 sends below are set-up, not a flood
        QVERIFY(server.start());
        QString token;
        qint64 slowId = 0;
        {
            auto slow = server.user(QStringLiteral("slow"));
            QVERIFY(slow);
            token = slow->token();
            slowId = slow->userId();
        }
        auto alice = server.user(QStringLiteral("alice"));
        QVERIFY(alice);
        // A conversation holding 100 messages of 16 KB: each history page is ~1.6 MB.
        QStringList sends;
        for (int i = 0; i < 100; ++i)
            sends.append(
                alice->send(QStringLiteral("send"),
                            {{"to", double(slowId)},
                             {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {"content", QString(16000, QChar(u'a' + i % 26))}}));
        qint64 conversation = 0;
        for (const QString &id : sends) {
            const QJsonObject reply = alice->waitReply(id, 20000);
            QVERIFY(TestClient::isOk(reply));
            conversation =
                qint64(reply.value("message").toObject().value("conversation_id").toDouble());
        }
        QTRY_COMPARE(server.server().connectionCount(), 1);
        QTest::qWait(200);
        alice->clearEvents();

        // A raw socket with a tiny receive buffer that never reads after the handshake.
        QTcpSocket raw;
        raw.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
        raw.connectToHost(QHostAddress::LocalHost, server.server().port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write(
            QStringLiteral("GET /v1 HTTP/1.1\r\nHost: 127.0.0.1:%1\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n")
                .arg(server.server().port())
                .toLatin1());
        QByteArray response;
        QTRY_VERIFY_WITH_TIMEOUT((response += raw.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY(response.startsWith("HTTP/1.1 101"));
        QByteArray rest = response.mid(response.indexOf("\r\n\r\n") + 4);
        raw.setReadBufferSize(1); // stop pulling data off the kernel socket
        raw.write(
            maskedTextFrame(QStringLiteral("{\"type\":\"auth\",\"id\":\"a\",\"token\":\"%1\"}")
                                .arg(token)
                                .toUtf8()));
        for (int i = 0; i < 6; ++i)
            raw.write(maskedTextFrame(
                QStringLiteral(
                    "{\"type\":\"history\",\"id\":\"h%1\",\"conversation_id\":%2,\"limit\":100}")
                    .arg(i)
                    .arg(conversation)
                    .toUtf8()));
        QTRY_COMPARE_WITH_TIMEOUT(raw.bytesToWrite(), 0, 5000);

        // The server gives up on it: the close frame at the end of its backlog says why...
        raw.setReadBufferSize(0);
        int code = -1;
        QElapsedTimer clock;
        clock.start();
        while (code < 0 && clock.elapsed() < 15000 &&
               raw.state() == QAbstractSocket::ConnectedState) {
            QTest::qWait(20); // the in-process server needs the event loop to write
            rest += raw.readAll();
            code = findCloseCode(rest);
        }
        QCOMPARE(code, 4408);
        // ...and slow is offline for everyone else. Depending on timing
        // alice sees "online" then "offline", or nothing at all (a flap inside one presence
        // window is not announced); either way her view ends without slow.
        QTest::qWait(200); // one presence window
        bool slowOnline = false;
        for (const QJsonObject &f : alice->frameLog()) {
            if (f.value("type").toString() != QLatin1String("presence"))
                continue;
            for (const QJsonValue &u : f.value("online").toArray())
                slowOnline |= qint64(u.toObject().value("id").toDouble()) == slowId;
            if (f.value("offline").toArray().contains(double(slowId)))
                slowOnline = false;
        }
        QVERIFY(!slowOnline);

        QVERIFY(TestClient::isOk(alice->request(QStringLiteral("ping"))));
    }

    void unauthenticatedConnectionsPerAddressAreCapped()
    {
        TestServer server;
        server.config().maxUnauthenticatedPerAddress = 3;
        QVERIFY(server.start());
        std::vector<std::unique_ptr<TestClient>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(server.connect());
            QVERIFY(idle.back());
        }
        QTRY_COMPARE(server.server().connectionCount(), 3);
        auto extra = server.connect();
        QVERIFY(extra); // the handshake completes, then the server says why and closes
        QCOMPARE(TestClient::errorCode(extra->waitEvent(QStringLiteral("error"))),
                 QStringLiteral("rate_limited"));
        QVERIFY(extra->waitDisconnected());
        QCOMPARE(extra->closeCode(), 4429);
        // Signing in frees the slot.
        QVERIFY(idle.front()->registerAs(QStringLiteral("ivy")));
        auto next = server.connect();
        QVERIFY(next);
        QVERIFY(TestClient::isOk(next->request(QStringLiteral("ping"))));
    }

    void socketsPerAccountAreCapped()
    {
        TestServer server;
        server.config().maxSocketsPerUser = 2;
        QVERIFY(server.start());
        auto first = server.user(QStringLiteral("jay"));
        QVERIFY(first);
        auto second = server.connect();
        QVERIFY(second->authWith(first->token()));
        auto third = server.connect();
        const QJsonObject refused =
            third->request(QStringLiteral("auth"), {{"token", first->token()}});
        QCOMPARE(TestClient::errorCode(refused), QStringLiteral("forbidden"));
        QVERIFY(TestClient::isOk(third->request(QStringLiteral("ping")))); // still usable
        second->close();
        QVERIFY(second->waitDisconnected());
        QTRY_VERIFY(third->authWith(first->token()));
    }

    void oneAccountsSocketsShareOneRateBucket()
    {
        TestServer server;
        server.config().requestBurst = 30;
        server.config().userRequestBurst = 40;
        server.config().userRequestsPerSecond = 1; // no refill to speak of during the test
        QVERIFY(server.start());
        auto first = server.user(QStringLiteral("multi"));
        QVERIFY(first);
        std::vector<std::unique_ptr<TestClient>> sockets;
        sockets.push_back(std::move(first));
        for (int i = 0; i < 3; ++i) {
            auto socket = server.connect();
            QVERIFY(socket && socket->authWith(sockets.front()->token()));
            sockets.push_back(std::move(socket));
        }
        // Four sockets, 30 requests each: well inside every socket's own bucket, but the
        // account's 40 run out (auth requests come before the account is known).
        QList<QPair<TestClient *, QString>> sent;
        for (const auto &socket : sockets) {
            for (int i = 0; i < 30; ++i)
                sent.append({socket.get(), socket->send(QStringLiteral("ping"))});
        }
        int ok = 0;
        int limited = 0;
        for (const auto &[socket, id] : sent) {
            const QJsonObject reply = socket->waitReply(id);
            QVERIFY(!reply.isEmpty());
            if (TestClient::isOk(reply))
                ++ok;
            else if (TestClient::errorCode(reply) == QLatin1String("rate_limited"))
                ++limited;
        }
        QVERIFY2(ok >= 40 && ok <= 42, qPrintable(QString::number(ok)));
        QCOMPARE(ok + limited, 120);
        // Another account is not affected by this one's empty bucket.
        auto other = server.user(QStringLiteral("calm"));
        QVERIFY(other);
        for (int i = 0; i < 10; ++i)
            QVERIFY(TestClient::isOk(other->request(QStringLiteral("ping"))));
        for (const auto &socket : sockets)
            QVERIFY(socket->isConnected());
    }

    void lowerFrameAndMessageLimitsAreTooLarge()
    {
        TestServer server;
        server.config().maxFrameBytes = 2048;
        server.config().maxMessageBytes = 100;
        QVERIFY(server.start());
        auto kim = server.user(QStringLiteral("kim"));
        auto lee = server.user(QStringLiteral("lee"));
        QVERIFY(kim && lee);
        const QJsonObject fits = kim->sendTo(lee->userId(), QString(100, QLatin1Char('a')));
        QVERIFY(TestClient::isOk(fits));
        // 51 two-byte characters: 102 UTF-8 bytes, over the limit of 100.
        const QJsonObject tooLong = kim->sendTo(lee->userId(), QString(51, QChar(0xE9)));
        QCOMPARE(TestClient::errorCode(tooLong), QStringLiteral("too_large"));
        QCOMPARE(tooLong.value("field").toString(), QStringLiteral("content"));
        const qint64 id = fits.value("message").toObject().value("id").toInteger();
        const QJsonObject edit = kim->request(QStringLiteral("edit"),
                                              {{"message_id", id}, {"content", QString(101, 'b')}});
        QCOMPARE(TestClient::errorCode(edit), QStringLiteral("too_large"));
        // A frame over 2048 bytes (within the protocol's 64 KiB) is refused as a whole.
        // Like the protocol's own frame limit, the answer has "re": null: the frame is not read.
        const auto tooLargeFrames = [&kim]() {
            return std::count_if(
                kim->frameLog().begin(), kim->frameLog().end(), [](const QJsonObject &frame) {
                    return TestClient::errorCode(frame) == QLatin1String("too_large") &&
                           !frame.value(QLatin1String("re")).isString();
                });
        };
        QCOMPARE(tooLargeFrames(), 0);
        kim->send(QStringLiteral("ping"), {{"padding", QString(3000, QLatin1Char('p'))}});
        QTRY_COMPARE(tooLargeFrames(), 1);
        QVERIFY(TestClient::isOk(kim->request(QStringLiteral("ping")))); // still usable
        QVERIFY(TestClient::isOk(kim->sendTo(lee->userId(), QStringLiteral("short again"))));
    }

    void loggedOutSocketCountsAsUnauthenticatedAgain()
    {
        TestServer server;
        server.config().maxUnauthenticatedPerAddress = 1;
        QVERIFY(server.start());
        auto signedIn = server.user(QStringLiteral("leaver"));
        QVERIFY(signedIn);
        auto waiting = server.connect(); // the one unauthenticated socket allowed
        QVERIFY(waiting);
        waiting->close();
        QVERIFY(waiting->waitDisconnected());
        QTRY_COMPARE(server.server().connectionCount(), 1);
        QVERIFY(TestClient::isOk(signedIn->request(QStringLiteral("logout"))));
        // Now `signedIn` holds the address's only unauthenticated slot.
        auto refused = server.connect();
        QVERIFY(refused);
        QVERIFY(refused->waitDisconnected());
        QCOMPARE(refused->closeCode(), 4429);
    }
};

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
