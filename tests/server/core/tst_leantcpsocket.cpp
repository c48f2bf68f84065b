// LeanTcpSocket (an accepted socket that holds no buffer while idle): bytes in and out intact
// and in order, large transfers against a peer that does not read, close and abort with
// output pending, remote close.

#include "transport/leantcpsocket.h"
#include "transport/lingeringclose.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using natter::server::LeanTcpSocket;
using natter::server::LingeringClose;

namespace {

// Accepts into LeanTcpSockets, like WebSocketListener without the WebSocket part.
class LeanServer final : public QTcpServer
{
public:
    QList<QPointer<LeanTcpSocket>> accepted;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new LeanTcpSocket(this);
        QVERIFY(socket->adopt(descriptor));
        accepted.append(socket);
    }
};

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(seed + i % 251);
    return data;
}

// Reads from `socket` until `size` bytes arrived (or the time is up).
QByteArray receive(QIODevice *socket, qsizetype size, int timeoutMs = 10'000)
{
    QByteArray got;
    QElapsedTimer clock;
    clock.start();
    while (got.size() < size && clock.elapsed() < timeoutMs) {
        got += socket->readAll();
        if (got.size() < size)
            QTest::qWait(5);
    }
    return got;
}

} // namespace

class TestLeanTcpSocket final : public QObject
{
    Q_OBJECT

private:
    LeanServer m_server;
    QTcpSocket *m_client = nullptr;
    LeanTcpSocket *m_socket = nullptr;

private slots:
    void init()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        m_client = new QTcpSocket(this);
        m_client->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        QVERIFY(m_client->waitForConnected(5'000));
        QTRY_COMPARE(m_server.accepted.size(), 1);
        m_socket = m_server.accepted.first();
        QCOMPARE(m_socket->state(), QAbstractSocket::ConnectedState);
    }

    void cleanup()
    {
        delete m_client;
        m_client = nullptr;
        qDeleteAll(m_server.accepted);
        m_server.accepted.clear();
        m_server.close();
    }

    void bytesInArriveIntactAndIdleHoldsNoBuffer()
    {
        const QByteArray small = "hello\nworld";
        const QByteArray large = pattern(300'000, 'a'); // several reads
        m_client->write(small);
        m_client->write(large);
        QTRY_COMPARE(m_socket->bytesAvailable(), small.size() + large.size());
        QVERIFY(m_socket->canReadLine());
        QCOMPARE(m_socket->readLine(), QByteArray("hello\n"));
        QCOMPARE(m_socket->read(5), QByteArray("world"));
        QCOMPARE(m_socket->readAll(), large);
        QCOMPARE(m_socket->bytesAvailable(), 0);
        QCOMPARE(m_socket->bufferedCapacity(), 0);
    }

    void bytesOutArriveIntactInOrderAndCoalesced()
    {
        QSignalSpy written(m_socket, &QIODevice::bytesWritten);
        // Written in one pass: header and payload of many frames, sent together later.
        QByteArray expected;
        for (int i = 0; i < 100; ++i) {
            const QByteArray piece = QByteArray::number(i) + ':' + pattern(i * 7, 'k');
            QCOMPARE(m_socket->write(piece), piece.size());
            expected += piece;
        }
        QCOMPARE(m_socket->bytesToWrite(), expected.size()); // nothing sent before the loop
        QCOMPARE(receive(m_client, expected.size()), expected);
        QCOMPARE(m_socket->bytesToWrite(), 0);
        qint64 total = 0;
        for (const auto &args : written)
            total += args.at(0).toLongLong();
        QCOMPARE(total, expected.size());
        QCOMPARE(m_socket->bufferedCapacity(), 0);
    }

    void largeOutputWaitsForASlowPeerAndKeepsItsOrder()
    {
        // More than the kernel's socket buffers hold: part of it waits until the peer reads
        // (the client's QTcpSocket stops reading once 64 KiB wait in its buffer).
        m_client->setReadBufferSize(64 * 1024);
        const QByteArray first = pattern(16 * 1024 * 1024, 'A');
        const QByteArray second = pattern(1000, 'z');
        m_socket->write(first);
        QTest::qWait(200); // flushed; the peer has not read
        QVERIFY(m_socket->bytesToWrite() > 0);
        QVERIFY(m_socket->bytesToWrite() < first.size());
        m_socket->write(second); // must not overtake what waits
        QCOMPARE(receive(m_client, first.size() + second.size(), 30'000), first + second);
        QTRY_COMPARE(m_socket->bytesToWrite(), 0);
    }

    void closeSendsPendingOutputFirst()
    {
        QSignalSpy clientGone(m_client, &QAbstractSocket::disconnected);
        const QByteArray data = pattern(2 * 1024 * 1024, 'c');
        m_socket->write(data);
        m_socket->close(); // before the queued flush ran
        QCOMPARE(receive(m_client, data.size(), 30'000), data);
        QTRY_COMPARE(clientGone.size(), 1);
    }

    void abortDiscardsPendingOutput()
    {
        QSignalSpy gone(m_socket, &QAbstractSocket::disconnected);
        m_client->setReadBufferSize(64 * 1024);
        m_socket->write(pattern(16 * 1024 * 1024, 'd'));
        QTest::qWait(100);
        QVERIFY(m_socket->bytesToWrite() > 0); // part of it is in QAbstractSocket's buffer
        m_socket->write("more");
        m_socket->abort();
        QCOMPARE(gone.size(), 1);
        QCOMPARE(m_socket->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_socket->bytesToWrite(), 0);
        QTest::qWait(50); // the queued flush finds nothing to do
    }

    void closeDropsWhatWasNotRead()
    {
        // QWebSocket reads while bytesAvailable() is not 0; on a closed device every read
        // fails, so unread input counted after close() once spun the event loop for good.
        m_client->write(pattern(200'000, 'u'));
        QTRY_VERIFY(m_socket->bytesAvailable() > 100'000);
        QCOMPARE(m_socket->read(10).size(), 10);
        m_socket->close();
        QCOMPARE(m_socket->bytesAvailable(), 0);
        QVERIFY(!m_socket->canReadLine());
        QCOMPARE(m_socket->bufferedCapacity(), 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression("device not open"));
        QCOMPARE(m_socket->read(10), QByteArray());
    }

    void closeWhileThePeerSendsEndsWithFinNotReset()
    {
        // The peer is in the middle of a large frame when the server gives up on it: what the
        // server wrote last (a close frame) must reach the peer, followed by an orderly end,
        // not a reset that may overtake it.
        m_client->setReadBufferSize(0);
        m_client->write(pattern(300'000, 'p'));
        QTRY_VERIFY(m_socket->bytesAvailable() > 0);
        m_socket->write("goodbye");
        m_socket->close();
        QCOMPARE(LingeringClose::lingering(), 1);
        m_client->write(pattern(300'000, 'q')); // still sending after the close
        QCOMPARE(receive(m_client, 7), QByteArray("goodbye"));
        QSignalSpy errors(m_client, &QAbstractSocket::errorOccurred);
        m_client->disconnectFromHost();
        QTRY_COMPARE(LingeringClose::lingering(), 0);
        for (const auto &args : errors)
            QVERIFY(args.at(0).value<QAbstractSocket::SocketError>() !=
                    QAbstractSocket::NetworkError);
    }

    void lingeringEndsAtItsDeadline()
    {
        // A raw peer that neither reads nor closes (a QTcpSocket closes on FIN by itself).
        const int peer = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(peer >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_server.serverPort());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(peer, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        QTRY_COMPARE(m_server.accepted.size(), 2);
        LeanTcpSocket *socket = m_server.accepted.last();
        QCOMPARE(::send(peer, "unread", 6, 0), 6);
        QTRY_VERIFY(socket->bytesAvailable() > 0);
        QElapsedTimer clock;
        clock.start();
        socket->close();
        QCOMPARE(LingeringClose::lingering(), 1);
        char byte = 0;
        QCOMPARE(::recv(peer, &byte, 1, 0), 0); // FIN at once
        QTRY_COMPARE_WITH_TIMEOUT(LingeringClose::lingering(), 0,
                                  LingeringClose::kLingerMs + 2'000);
        QVERIFY(clock.elapsed() >= LingeringClose::kLingerMs - 100);
        ::close(peer);
    }

    void closeWithNothingUnreadDoesNotLinger()
    {
        m_socket->write("bye");
        m_socket->close();
        QCOMPARE(LingeringClose::lingering(), 0);
        QCOMPARE(receive(m_client, 3), QByteArray("bye"));
    }

    void remoteCloseEndsTheSocket()
    {
        QSignalSpy gone(m_socket, &QAbstractSocket::disconnected);
        m_client->write("last words");
        m_client->disconnectFromHost();
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(m_socket->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(m_socket->error(), QAbstractSocket::RemoteHostClosedError);
        QCOMPARE(m_socket->readAll(), QByteArray("last words"));
        // Written after the peer left: dropped, not sent anywhere.
        m_socket->write("too late");
        QTest::qWait(50);
    }
};

QTEST_GUILESS_MAIN(TestLeanTcpSocket)
#include "tst_leantcpsocket.moc"
