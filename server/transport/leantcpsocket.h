#pragma once
// An accepted TCP socket whose buffers exist only while they hold data. A QTcpSocket keeps a
// 16 KiB read chunk and a 32 KiB write chunk for good once used (about a touched page of each
// stays resident): with 10,000 idle connections that was most of the server's memory per
// connection. (QAbstractSocket ignores Unbuffered for an adopted descriptor: it always reads
// into its own buffer and, left alone, always writes through it.) So:
// - read: on readyRead (the first slot connected) the chunk QAbstractSocket has just filled
//   is taken out of its buffer whole, without a copy, and freed once it has been read;
// - write: what is written during one pass of the event loop (QWebSocket writes a frame's
//   header and payload separately) is sent with one send() from a queued flush and freed.
//   Only what the kernel does not take goes to QAbstractSocket's write buffer, which sends it
//   when the socket is writable; everything after it follows the same way, in order.
//   bytesToWrite() counts both.
// The device is opened Unbuffered so that QIODevice does not keep a read chunk of its own.
// close() drops what was not read and, while the peer is still sending (the rest of an
// oversized frame), closes lingering (see LingeringClose).

#include <QByteArray>
#include <QTcpSocket>

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

    // How much memory the socket's own buffers hold now (tests).
    qsizetype bufferedCapacity() const { return m_in.capacity() + m_out.capacity(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    qsizetype unread() const { return m_in.size() - m_inPos; }
    // What the kernel holds that has not been read yet.
    qint64 kernelUnread() const;
    void fill();
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
};

} // namespace natter::server
