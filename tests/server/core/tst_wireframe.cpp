// Frames fanned out to many sockets are encoded once (WireFrame) and written straight to the
// plain-TCP socket under each QWebSocket: a client reads them exactly as sendTextMessage()'s,
// in order with frames QWebSocket writes itself, and the socket that a session took over is no
// longer timed as a handshake.

#include "transport/leantcpsocket.h"
#include "transport/websocketlistener.h"
#include "transport/wireframe.h"

#include <QPointer>
#include <QSignalSpy>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

#include <functional>
#include <memory>

using natter::server::LeanTcpSocket;
using natter::server::WebSocketListener;
using natter::server::WireFrame;

namespace {

// Text of `size` characters, not all ASCII (UTF-8 longer than the text).
QString text(qsizetype size)
{
    QString s;
    s.reserve(size);
    for (qsizetype i = 0; i < size; ++i)
        s.append(i % 10 == 9 ? QChar(0x00E9) : QChar(u'a' + char16_t(i % 26)));
    return s;
}

} // namespace

class TestWireFrame final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QWebSocketServer> m_webSockets;
    std::unique_ptr<WebSocketListener> m_listener;
    QPointer<QWebSocket> m_accepted; // the server side
    std::unique_ptr<QWebSocket> m_client;
    QStringList m_received;
    std::function<void()> m_sentHandler; // set on the accepted socket at once

    void connectClient()
    {
        m_client = std::make_unique<QWebSocket>();
        connect(m_client.get(), &QWebSocket::textMessageReceived, this,
                [this](const QString &message) { m_received.append(message); });
        m_client->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_listener->serverPort())));
        QTRY_VERIFY(m_accepted);
        QTRY_COMPARE(m_client->state(), QAbstractSocket::ConnectedState);
    }

private slots:
    void init()
    {
        m_received.clear();
        m_sentHandler = nullptr;
        m_webSockets = std::make_unique<QWebSocketServer>(QStringLiteral("test"),
                                                          QWebSocketServer::NonSecureMode);
        m_webSockets->setHandshakeTimeout(300);
        connect(m_webSockets.get(), &QWebSocketServer::newConnection, this, [this]() {
            m_accepted = m_webSockets->nextPendingConnection();
            m_accepted->setParent(m_webSockets.get());
            // As a WebSocketSession does: in the same pass, before the answer to the upgrade
            // has left.
            if (m_sentHandler)
                if (LeanTcpSocket *lean = LeanTcpSocket::under(*m_accepted))
                    lean->setSentHandler(m_sentHandler);
        });
        m_listener = std::make_unique<WebSocketListener>(m_webSockets.get());
        QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
    }

    void cleanup()
    {
        m_client.reset();
        m_listener.reset();
        m_webSockets.reset();
    }

    void encodesEachLengthFormAsTheRfcSays()
    {
        // 7-bit, 16-bit and 64-bit lengths, at their edges.
        QCOMPARE(WireFrame::encode("hi"), QByteArray("\x81\x02hi", 4));
        QCOMPARE(WireFrame::encode(QByteArray(125, 'x')).left(2), QByteArray("\x81\x7d", 2));
        QCOMPARE(WireFrame::encode(QByteArray(126, 'x')).left(4),
                 QByteArray("\x81\x7e\x00\x7e", 4));
        QCOMPARE(WireFrame::encode(QByteArray(65535, 'x')).left(4),
                 QByteArray("\x81\x7e\xff\xff", 4));
        QCOMPARE(WireFrame::encode(QByteArray(65536, 'x')).left(10),
                 QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10));
        QCOMPARE(WireFrame::encode(QByteArray(65536, 'x')).size(), 65536 + 10);
    }

    void theSocketUnderAWebSocketIsFound()
    {
        connectClient();
        LeanTcpSocket *lean = LeanTcpSocket::under(*m_accepted);
        QVERIFY(lean); // without it every fan-out takes QWebSocket's slower path
        QCOMPARE(lean->peerPort(), m_accepted->peerPort());
        QCOMPARE(LeanTcpSocket::under(*m_client), nullptr); // a client's is Qt's own socket
    }

    void aClientReadsEncodedFramesLikeQWebSocketsInOrder()
    {
        connectClient();
        LeanTcpSocket *lean = LeanTcpSocket::under(*m_accepted);
        QVERIFY(lean);
        QStringList sent;
        for (const qsizetype size : {0, 1, 125, 126, 127, 40'000, 65'535, 65'536, 200'000}) {
            const QString viaWire = text(size) + QStringLiteral("|wire");
            const WireFrame frame(viaWire);
            lean->writeShared(frame.bytes()); // shared with no copy when nothing is queued
            lean->writeShared(frame.bytes()); // and appended behind what is
            const QString viaQt = QStringLiteral("qt|") + text(size / 3);
            m_accepted->sendTextMessage(viaQt);
            sent << viaWire << viaWire << viaQt;
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_received.size(), sent.size(), 10'000);
        QCOMPARE(m_received, sent);
        QTRY_COMPARE(lean->bytesToWrite(), 0);
    }

    void aSocketTakenOverIsNoLongerTimedAsAHandshake()
    {
        // The listener stopped timing the handshake on the socket's first bytesWritten(); a
        // socket with a sent handler reports no bytesWritten, so taking it over must say so.
        int sent = 0;
        m_sentHandler = [&sent]() { ++sent; };
        connectClient();
        LeanTcpSocket *lean = LeanTcpSocket::under(*m_accepted);
        QVERIFY(lean);
        QSignalSpy disconnected(m_client.get(), &QWebSocket::disconnected);
        QTest::qWait(900); // three handshake timeouts
        QCOMPARE(disconnected.size(), 0);
        lean->writeShared(WireFrame(QStringLiteral("still here")).bytes());
        QTRY_COMPARE(m_received, QStringList{QStringLiteral("still here")});
        QVERIFY(sent > 0); // the handler, not the signal, heard of it
        lean->setSentHandler({});
    }
};

QTEST_GUILESS_MAIN(TestWireFrame)
#include "tst_wireframe.moc"
