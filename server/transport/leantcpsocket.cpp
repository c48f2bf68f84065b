#include "leantcpsocket.h"

#include "lingeringclose.h"
#include "outputflusher.h"
#include "socketprobe.h"

#include <QEvent>
#include <QWebSocket>

#include <cerrno>
#include <cstring>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <utility>

namespace natter::server {

LeanTcpSocket::LeanTcpSocket(QObject *parent) : QTcpSocket(parent)
{
    // Connected first, so the data is here before any other slot (QWebSocket's) looks.
    connect(this, &QIODevice::readyRead, this, &LeanTcpSocket::fill);
}

LeanTcpSocket::~LeanTcpSocket()
{
    if (m_flushQueued)
        OutputFlusher::instance().forget(this);
}

bool LeanTcpSocket::event(QEvent *event)
{
    if (event->type() == QEvent::ThreadChange && m_flushQueued) {
        OutputFlusher::instance().forget(this);
        flushQueued();
    }
    return QTcpSocket::event(event);
}

bool LeanTcpSocket::adopt(qintptr descriptor)
{
    return setSocketDescriptor(descriptor, ConnectedState, ReadWrite | Unbuffered);
}

qint64 LeanTcpSocket::bytesAvailable() const
{
    // A closed device has nothing to read, whatever was left unread: QWebSocket reads while
    // bytesAvailable() says there is more, and QIODevice::read() on a closed device only
    // warns, so a non-zero count here once spun the event loop for good.
    if (!isOpen())
        return 0;
    return QTcpSocket::bytesAvailable() + unread();
}

LeanTcpSocket *LeanTcpSocket::under(const QWebSocket &webSocket)
{
    return qobject_cast<LeanTcpSocket *>(socketprobe::under(webSocket));
}

qint64 LeanTcpSocket::bytesToWrite() const
{
    socketprobe::asked(this);
    return m_out.size() + QTcpSocket::bytesToWrite();
}

bool LeanTcpSocket::canReadLine() const
{
    if (!isOpen())
        return false;
    return QTcpSocket::canReadLine() || m_in.indexOf('\n', m_inPos) >= 0;
}

void LeanTcpSocket::fill()
{
    // QAbstractSocket reads each notification into one new chunk of its buffer. Asking
    // QIODevice::read() for exactly that many bytes hands the chunk over instead of copying,
    // and leaves QAbstractSocket's buffer without a chunk to keep.
    const qint64 buffered = QTcpSocket::bytesAvailable();
    if (buffered <= 0)
        return;
    QByteArray data = QIODevice::read(buffered);
    if (unread() == 0) {
        m_in = std::move(data);
        m_inPos = 0;
        return;
    }
    if (m_inPos > 0) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
    m_in.append(data);
}

qint64 LeanTcpSocket::readData(char *data, qint64 maxSize)
{
    if (maxSize == 0)
        return QTcpSocket::readData(data, 0); // re-enables the read notifier
    const qint64 n = qMin(maxSize, qint64(unread()));
    if (n <= 0)
        return QTcpSocket::readData(data, maxSize); // 0 while connected, -1 at the end
    std::memcpy(data, m_in.constData() + m_inPos, size_t(n));
    m_inPos += n;
    if (m_inPos == m_in.size()) {
        m_in = QByteArray(); // an idle connection holds no read buffer
        m_inPos = 0;
    }
    return n;
}

qint64 LeanTcpSocket::writeData(const char *data, qint64 size)
{
    if (state() != ConnectedState)
        return QTcpSocket::writeData(data, size); // fails as QAbstractSocket does
    m_out.append(data, qsizetype(size));
    queueFlush();
    return size;
}

void LeanTcpSocket::writeShared(const QByteArray &bytes)
{
    if (state() != ConnectedState)
        return; // dropped, as QAbstractSocket drops a write to a socket that is gone
    if (m_out.isEmpty())
        m_out = bytes;
    else
        m_out.append(bytes);
    queueFlush();
}

void LeanTcpSocket::setSentHandler(std::function<void()> handler)
{
    m_sentHandler = std::move(handler);
    if (m_sentHandler)
        emit takenOver();
}

void LeanTcpSocket::queueFlush()
{
    if (!m_flushQueued) {
        m_flushQueued = true;
        OutputFlusher::instance().queue(this);
    }
}

void LeanTcpSocket::flushQueued()
{
    m_flushQueued = false;
    if (!pushOutput()) {
        // As QAbstractSocket does when a write fails.
        emit errorOccurred(error());
        abort();
    }
}

bool LeanTcpSocket::pushOutput()
{
    if (m_out.isEmpty())
        return true;
    const QByteArray out = std::exchange(m_out, QByteArray());
    // After a remote close QAbstractSocket has dropped the descriptor (-1) before it says so.
    const qintptr descriptor = socketDescriptor();
    if (state() != ConnectedState || descriptor < 0)
        return true; // nobody to send to: dropped, as QAbstractSocket drops its buffer
    qint64 sent = 0;
    if (QTcpSocket::bytesToWrite() == 0) {
        while (sent < out.size()) {
            const ssize_t n = ::send(int(descriptor), out.constData() + sent,
                                     size_t(out.size() - sent), MSG_NOSIGNAL);
            if (n > 0) {
                sent += n;
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                setSocketError(errno == EPIPE || errno == ECONNRESET ? RemoteHostClosedError
                                                                     : NetworkError);
                setErrorString(QString::fromLocal8Bit(std::strerror(errno)));
                return false;
            } else {
                break; // the kernel's buffer is full
            }
        }
    }
    // The rest waits in QAbstractSocket's buffer, which is sent when the socket is writable
    // (and before anything written later: that goes there too while it is not empty).
    if (sent < out.size() && QTcpSocket::writeData(out.constData() + sent, out.size() - sent) < 0)
        return false;
    if (sent > 0) {
        if (m_sentHandler)
            m_sentHandler();
        else
            emit bytesWritten(sent);
    }
    return true;
}

void LeanTcpSocket::settleOutput()
{
    // Sends what was written before, like a buffered socket; abort() has dropped the write
    // channels before it calls close(), and discards.
    if (writeChannelCount() > 0)
        pushOutput();
    else
        m_out = QByteArray();
}

void LeanTcpSocket::close()
{
    settleOutput();
    const bool peerStillSending = unread() > 0 || kernelUnread() > 0;
    m_in = QByteArray();
    m_inPos = 0;
    // Closing a TCP socket with unread input makes the kernel answer with a reset, which can
    // overtake the close frame just written (the client of an oversized frame then sees 1006,
    // not 1009). While the output is all with the kernel, a lingering close sends FIN after it
    // and swallows the rest of the input for a bounded time first.
    if (peerStillSending && writeChannelCount() > 0 && state() == ConnectedState &&
        QTcpSocket::bytesToWrite() == 0 && socketDescriptor() >= 0)
        LingeringClose::start(int(socketDescriptor()));
    QTcpSocket::close();
}

qint64 LeanTcpSocket::kernelUnread() const
{
    int pending = 0;
    const qintptr descriptor = socketDescriptor();
    if (descriptor < 0 || ::ioctl(int(descriptor), FIONREAD, &pending) != 0)
        return 0;
    return pending;
}

void LeanTcpSocket::disconnectFromHost()
{
    settleOutput();
    QTcpSocket::disconnectFromHost();
}

} // namespace natter::server
