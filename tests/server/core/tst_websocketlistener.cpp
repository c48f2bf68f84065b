// WebSocketListener (the plain ws:// accept path with LeanTcpSockets): WebSocket frames of
// every length encoding through QWebSocketServer's handshake, a server-side close handshake,
// and the handshake timeout for a connection that never speaks.

#include "transport/websocketlistener.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

using natter::server::WebSocketListener;

namespace {

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(seed + i % 251);
    return data;
}

} // namespace

class TestWebSocketListener final : public QObject
{
    Q_OBJECT

private slots:
    void framesRoundTripThroughTheHandshake()
    {
        QWebSocketServer webSockets(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        WebSocketListener listener(&webSockets);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        // Echo server.
        QList<QWebSocket *> sessions;
        connect(&webSockets, &QWebSocketServer::newConnection, this, [&]() {
            while (QWebSocket *socket = webSockets.nextPendingConnection()) {
                sessions.append(socket);
                connect(socket, &QWebSocket::textMessageReceived, socket,
                        [socket](const QString &text) { socket->sendTextMessage(text); });
                connect(socket, &QWebSocket::binaryMessageReceived, socket,
                        [socket](const QByteArray &data) { socket->sendBinaryMessage(data); });
            }
        });

        QWebSocket client;
        QSignalSpy texts(&client, &QWebSocket::textMessageReceived);
        QSignalSpy binaries(&client, &QWebSocket::binaryMessageReceived);
        client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/v1").arg(listener.serverPort())));
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first()->requestUrl().path(), QStringLiteral("/v1"));

        const QString small = QStringLiteral("{\"type\":\"ping\",\"id\":\"1\"}");
        const QString medium = QString(300, QLatin1Char('m'));    // 16-bit length
        const QString large = QString(200'000, QLatin1Char('L')); // 64-bit length
        const QByteArray binary = pattern(1024 * 1024 + 3, 'b');  // over one Qt frame
        for (const QString &text : {small, medium, large})
            client.sendTextMessage(text);
        client.sendBinaryMessage(binary);
        QTRY_COMPARE(texts.size(), 3);
        QCOMPARE(texts.at(0).at(0).toString(), small);
        QCOMPARE(texts.at(1).at(0).toString(), medium);
        QCOMPARE(texts.at(2).at(0).toString(), large);
        QTRY_COMPARE(binaries.size(), 1);
        QCOMPARE(binaries.at(0).at(0).toByteArray(), binary);

        // Close handshake from the server side.
        QSignalSpy clientClosed(&client, &QWebSocket::disconnected);
        sessions.first()->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("bye"));
        QTRY_COMPARE(clientClosed.size(), 1);
        QCOMPARE(client.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QTRY_COMPARE(listener.pendingHandshakes(), 0);
        qDeleteAll(sessions);
    }

    void silentConnectionIsClosedAfterTheHandshakeTimeout()
    {
        QWebSocketServer webSockets(QStringLiteral("test"), QWebSocketServer::NonSecureMode);
        webSockets.setHandshakeTimeout(200);
        WebSocketListener listener(&webSockets);
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        QTcpSocket silent;
        QSignalSpy closed(&silent, &QAbstractSocket::disconnected);
        silent.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(silent.waitForConnected(5'000));
        QTRY_COMPARE(listener.pendingHandshakes(), 1);
        QTest::qWait(100);
        QCOMPARE(closed.size(), 0); // not before the timeout
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 2'000);
        QTRY_COMPARE(listener.pendingHandshakes(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketListener)
#include "tst_websocketlistener.moc"
