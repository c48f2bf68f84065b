#pragma once
// An accepted TCP socket whose buffers exist only while they hold data. A QTcpSocket keeps a
// 16 KiB read chunk and a 32 KiB write chunk for good once used (about a touched page of each
// stays resident): with 10,000 idle connections that was most of the server's memory per
// connection. (QAbstractSocket ignores Unbuffered for an adopted descriptor: it always reads
// into its own buffer and, left alone, always writes through it.) So:
// - read: on readyRead (the first slot connected) the chunk QAbstractSocket has just filled
//   is taken out of its buffer whole, without a copy, and freed once it has been read;
// - write: what is written during one pass of the event loop (QWebSocket writes a frame's
//   header and payload separately) is sent with one send() at the end of the pass
//   (OutputFlusher) and freed. A frame encoded once for many sockets (WireFrame) is shared,
//   not copied, by each socket that has nothing else queued.
//   Only what the kernel does not take goes to QAbstractSocket's write buffer, which sends it
//   when the socket is writable; everything after it follows the same way, in order.
//   bytesToWrite() counts both.
// The device is opened Unbuffered so that QIODevice does not keep a read chunk of its own.
// close() drops what was not read and, while the peer is still sending (the rest of an
// oversized frame), closes lingering (see LingeringClose).

#include <QByteArray>
#include <QTcpSocket>

class QWebSocket;

#include <functional>

namespace natter::server {

class LeanTcpSocket final : public QTcpSocket
{
    Q_OBJECT

public:
    explicit LeanTcpSocket(QObject *parent = nullptr);
    ~LeanTcpSocket() override;
    Q_DISABLE_COPY_MOVE(LeanTcpSocket)

    // Takes an accepted, connected descriptor (QTcpServer::incomingConnection).
    bool adopt(qintptr descriptor);

    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    bool canReadLine() const override;
    void close() override;
    void disconnectFromHost() override;

    // The LeanTcpSocket a QWebSocket was upgraded from, or null (TLS; see socketprobe.h).
    static LeanTcpSocket *under(const QWebSocket &webSocket);

    // Queues bytes already framed (WireFrame) as write() would, sharing them when nothing
    // else is queued.
    void writeShared(const QByteArray &bytes);
    // Called instead of emitting bytesWritten() when the kernel has taken what was queued:
    // the one party interested in the count is told directly (QWebSocket relays the signal
    // to its own, and two signal emissions per send were an eighth of a busy server's time).
    // bytesWritten() is still emitted when QAbstractSocket's buffer is flushed later.
    // Setting one says the handshake is over (takenOver()): a pending answer to the upgrade
    // would no longer be reported through bytesWritten().
    void setSentHandler(std::function<void()> handler);

    // How much memory the socket's own buffers hold now (tests).
    qsizetype bufferedCapacity() const { return m_in.capacity() + m_out.capacity(); }

signals:
    // A WebSocket session has taken over the socket's output (setSentHandler()).
    void takenOver();

protected:
    // Moving to another thread (a file connection, filesessions.h): what waits for the end of
    // this thread's pass is sent first, as the pass's flusher belongs to this thread.
    bool event(QEvent *event) override;
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    friend class OutputFlusher; // calls flushQueued()

    qsizetype unread() const { return m_in.size() - m_inPos; }
    // What the kernel holds that has not been read yet.
    qint64 kernelUnread() const;
    void fill();
    void queueFlush();
    void flushQueued();
    // Sends m_out (what the kernel does not take goes to QAbstractSocket's write buffer);
    // false on a send error.
    bool pushOutput();
    // Before closing: pushOutput(), or drop what is queued when the socket was aborted.
    void settleOutput();

    QByteArray m_in;
    qsizetype m_inPos = 0;
    QByteArray m_out;
    bool m_flushQueued = false;
    std::function<void()> m_sentHandler;
};

} // namespace natter::server
