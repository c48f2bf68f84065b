// WireSocket, the load generator's WebSocket client: against QWebSocketServer, text both ways
// in every length encoding and in fragments, ping, a send larger than the kernel takes at once,
// both close directions, a refused connection, a dropped one, a refused upgrade; against a raw
// server, each protocol violation closes with 1002.

#include "wiresocket.h"

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

using bench::WireSocket;

namespace {

// A WireSocket whose handlers record what happened.
struct Client
{
    WireSocket socket;
    bool connected = false;
    int closed = -1;
    int closedCount = 0;
    QList<QByteArray> texts;

    Client()
    {
        socket.setHandlers([this] { connected = true; },
                           [this](QByteArrayView text) { texts.append(text.toByteArray()); },
                           [this](int code) {
                               closed = code;
                               ++closedCount;
                           });
    }
};

} // namespace

class TestWireSocket final : public QObject
{
    Q_OBJECT

private:
    QWebSocketServer *m_server = nullptr;
    QList<QWebSocket *> m_peers;
    QStringList m_received;

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/v1").arg(m_server->serverPort()));
    }

private slots:
    void init()
    {
        m_server = new QWebSocketServer(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
        connect(m_server, &QWebSocketServer::newConnection, this, [this] {
            QWebSocket *peer = m_server->nextPendingConnection();
            m_peers.append(peer);
            connect(peer, &QWebSocket::textMessageReceived, this, [this, peer](const QString &m) {
                m_received.append(m);
                if (m == QLatin1String("echo-big"))
                    peer->sendTextMessage(QString(200'000, QLatin1Char('x')));
            });
        });
    }

    void cleanup()
    {
        qDeleteAll(m_peers);
        m_peers.clear();
        m_received.clear();
        delete m_server;
    }

    void textBothWaysInEveryLengthAndFragments()
    {
        Client client;
        client.socket.open(url());
        QTRY_VERIFY(client.connected);
        QVERIFY(client.socket.isOpen());
        QTRY_COMPARE(m_peers.size(), 1);
        QWebSocket *peer = m_peers.back();

        const QString accented = QString::fromUtf8("h\xc3\xa9llo");
        client.socket.sendText("hello");
        client.socket.sendText(accented.toUtf8());
        client.socket.sendText(QByteArray(300, 'm'));     // 16-bit length
        client.socket.sendText(QByteArray(100'000, 'b')); // 64-bit length
        QTRY_COMPARE(m_received.size(), 4);
        QCOMPARE(m_received.at(0), QStringLiteral("hello"));
        QCOMPARE(m_received.at(1), accented);
        QCOMPARE(m_received.at(2), QString(300, QLatin1Char('m')));
        QCOMPARE(m_received.at(3), QString(100'000, QLatin1Char('b')));

        bool pong = false;
        connect(peer, &QWebSocket::pong, this,
                [&pong](quint64, const QByteArray &payload) { pong = payload == "pp"; });
        peer->sendTextMessage(QStringLiteral("a"));
        peer->sendTextMessage(QString(300, QLatin1Char('c')));
        peer->sendTextMessage(QString(70'000, QLatin1Char('d')));
        peer->setOutgoingFrameSize(1000); // the next message in six fragments
        peer->sendTextMessage(QString(5'500, QLatin1Char('f')));
        peer->sendBinaryMessage(QByteArray(10, 'z')); // ignored
        peer->ping("pp");
        QTRY_VERIFY(pong);
        QTRY_COMPARE(client.texts.size(), 4);
        QCOMPARE(client.texts.at(0), QByteArray("a"));
        QCOMPARE(client.texts.at(1), QByteArray(300, 'c'));
        QCOMPARE(client.texts.at(2), QByteArray(70'000, 'd'));
        QCOMPARE(client.texts.at(3), QByteArray(5'500, 'f'));
    }

    void aLargeSendArrivesWholeAndInOrder()
    {
        Client client;
        client.socket.open(url());
        QTRY_VERIFY(client.connected);
        client.socket.sendText(QByteArray(10 * 1024 * 1024, 'q')); // more than the kernel takes
        client.socket.sendText("after");
        QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), 2, 20'000);
        QCOMPARE(m_received.at(0).size(), 10 * 1024 * 1024);
        QCOMPARE(m_received.at(1), QStringLiteral("after"));
    }

    void serverCloseReportsItsCode()
    {
        Client client;
        client.socket.open(url());
        QTRY_VERIFY(client.connected);
        QTRY_COMPARE(m_peers.size(), 1);
        m_peers.back()->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("bye"));
        QTRY_COMPARE(client.closed, 4001);
        QCOMPARE(client.socket.closeCode(), 4001);
        QVERIFY(!client.socket.isOpen());
        QTRY_COMPARE(m_peers.back()->state(), QAbstractSocket::UnconnectedState);
    }

    void clientCloseIsANormalClosureOnBothSides()
    {
        Client client;
        client.socket.open(url());
        QTRY_VERIFY(client.connected);
        QTRY_COMPARE(m_peers.size(), 1);
        client.socket.close();
        QVERIFY(!client.socket.isOpen());
        QTRY_COMPARE(client.closed, 1000);
        QCOMPARE(client.closedCount, 1);
        QTRY_COMPARE(m_peers.back()->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_peers.back()->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    }

    void sendAndCloseFromInsideTheTextHandler()
    {
        WireSocket socket;
        int closed = -1;
        int texts = 0;
        socket.setHandlers([&socket] { socket.sendText("echo-big"); },
                           [&](QByteArrayView text) {
                               ++texts;
                               QCOMPARE(text.size(), 200'000);
                               socket.sendText("x");
                               socket.close();
                           },
                           [&closed](int code) { closed = code; });
        socket.open(url());
        QTRY_COMPARE(closed, 1000);
        QCOMPARE(texts, 1);
    }

    void refusedOrDroppedConnectionsEndIn1006()
    {
        // Refused: reported later, never during open().
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost, 0));
        const quint16 port = gone.serverPort();
        gone.close();
        Client refused;
        refused.socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
        QCOMPARE(refused.closed, -1);
        QTRY_COMPARE(refused.closed, 1006);
        QVERIFY(!refused.socket.errorString().isEmpty());

        // Dropped without a close frame.
        Client dropped;
        dropped.socket.open(url());
        QTRY_VERIFY(dropped.connected);
        QTRY_COMPARE(m_peers.size(), 1);
        m_peers.back()->abort();
        QTRY_COMPARE(dropped.closed, 1006);
    }

    void anUpgradeRefusedEndsIn1006()
    {
        QTcpServer http;
        QVERIFY(http.listen(QHostAddress::LocalHost, 0));
        connect(&http, &QTcpServer::newConnection, this, [&http] {
            QTcpSocket *c = http.nextPendingConnection();
            connect(c, &QTcpSocket::readyRead, c, [c] {
                c->readAll();
                c->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            });
        });
        Client client;
        client.socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(http.serverPort())));
        QTRY_COMPARE(client.closed, 1006);
        QVERIFY(client.socket.errorString().contains(QLatin1String("404")));
        QVERIFY(!client.connected);
    }

    void protocolViolationsCloseWith1002_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::newRow("masked frame") << QByteArray("\x81\x81\x01\x02\x03\x04\x41", 7);
        QTest::newRow("reserved bits") << QByteArray("\xc1\x01"
                                                     "a",
                                                     3);
        QTest::newRow("unknown opcode") << QByteArray("\x83\x01"
                                                      "a",
                                                      3);
        QTest::newRow("long control frame") << QByteArray("\x89\x7e\x00\x80", 4);
        QTest::newRow("continuation without a message") << QByteArray("\x80\x01"
                                                                      "a",
                                                                      3);
    }

    void protocolViolationsCloseWith1002()
    {
        QFETCH(QByteArray, frame);
        // A raw server: accepts the upgrade, then sends `frame` and records what comes back.
        QTcpServer raw;
        QVERIFY(raw.listen(QHostAddress::LocalHost, 0));
        QByteArray answer;
        bool upgraded = false;
        connect(&raw, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *c = raw.nextPendingConnection();
            connect(c, &QTcpSocket::readyRead, c, [&, c] {
                const QByteArray in = c->readAll();
                if (upgraded) {
                    answer += in;
                    return;
                }
                const qsizetype at = in.indexOf("Sec-WebSocket-Key: ") + 19;
                const QByteArray key = in.mid(at, in.indexOf("\r\n", at) - at);
                const QByteArray accept =
                    QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                             QCryptographicHash::Sha1)
                        .toBase64();
                c->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                         accept + "\r\n\r\n" + frame);
                upgraded = true;
            });
        });
        Client client;
        client.socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(raw.serverPort())));
        QTRY_COMPARE(client.closed, 1002);
        QVERIFY(client.connected);
        // A masked close frame with code 1002: 0x88, 0x82, the mask, the code masked.
        QTRY_COMPARE(answer.size(), 8);
        QCOMPARE(quint8(answer[0]), quint8(0x88));
        QCOMPARE(quint8(answer[1]), quint8(0x82));
        const int code =
            (quint8(answer[6]) ^ quint8(answer[2])) << 8 | (quint8(answer[7]) ^ quint8(answer[3]));
        QCOMPARE(code, 1002);
    }
};

QTEST_GUILESS_MAIN(TestWireSocket)
#include "tst_wiresocket.moc"
