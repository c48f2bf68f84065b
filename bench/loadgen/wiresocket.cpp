#include "wiresocket.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEvent>
#include <QHash>
#include <QHostAddress>
#include <QHostInfo>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {
namespace {

// One read takes at most this much, and one readiness notification at most a few reads, so
// that a busy socket does not hold up the others (level-triggered: the rest waits for the
// next pass).
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr int kReadsPerNotification = 4;
constexpr qsizetype kMaxHandshakeBytes = 16 * 1024;
constexpr quint64 kMaxMessageBytes = 64 * 1024 * 1024;
// A socket keeps its output buffer's memory for the next frames up to this size.
constexpr qsizetype kKeptOutputBytes = 16 * 1024;
// After close(): how long the server may take to answer with its close frame.
constexpr int kCloseTimeoutMs = 10'000;

constexpr int kContinuation = 0x0;
constexpr int kText = 0x1;
constexpr int kBinary = 0x2;
constexpr int kClose = 0x8;
constexpr int kPing = 0x9;
constexpr int kPong = 0xa;

constexpr int kNormalClosure = 1000;
constexpr int kProtocolErrorCode = 1002;
constexpr int kNoStatusCode = 1005;
constexpr int kAbnormalClosure = 1006;
constexpr int kMessageTooBig = 1009;

// Every socket reads into this one buffer (the event loop runs one notification at a time);
// only a frame cut off at its end is copied into the socket's own buffer.
std::array<char, kReadChunk> g_readBuffer;
// Sockets whose text frames wait for the end of the event loop's current pass.
std::vector<WireSocket *> g_flushQueue;

QString systemError(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(std::strerror(error)));
}

// The server's address: a literal, else the first one the resolver gives (remembered: the
// load generator opens thousands of sockets to one host).
QHostAddress resolve(const QString &host)
{
    static QHash<QString, QHostAddress> resolved;
    QHostAddress address(host);
    if (!address.isNull())
        return address;
    auto it = resolved.constFind(host);
    if (it == resolved.cend()) {
        const QList<QHostAddress> addresses = QHostInfo::fromName(host).addresses();
        it = resolved.insert(host, addresses.isEmpty() ? QHostAddress() : addresses.front());
    }
    return *it;
}

QByteArray acceptFor(const QByteArray &key)
{
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

} // namespace

WireSocket::WireSocket(QObject *parent)
    : QObject(parent), m_readNotifier(QSocketNotifier::Read, this),
      m_writeNotifier(QSocketNotifier::Write, this),
      m_rng(QRandomGenerator::global()->generate64() | 1)
{
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
}

WireSocket::~WireSocket()
{
    if (m_flushQueued)
        g_flushQueue.erase(std::find(g_flushQueue.begin(), g_flushQueue.end(), this));
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool WireSocket::Notifier::event(QEvent *event)
{
    if (event->type() != QEvent::SockAct)
        return QSocketNotifier::event(event);
    if (type() == Read)
        m_socket->onReadable();
    else
        m_socket->onWritable();
    return true;
}

void WireSocket::setHandlers(ConnectedHandler connected, TextHandler text, ClosedHandler closed)
{
    m_onConnected = std::move(connected);
    m_onText = std::move(text);
    m_onClosed = std::move(closed);
}

void WireSocket::open(const QUrl &url)
{
    if (m_state != State::Unconnected)
        return;
    ++m_generation;
    m_state = State::Connecting;
    m_closeCode = -1;
    m_error.clear();
    m_in.clear();
    m_out.clear();
    m_message.clear();
    m_messageOpcode = 0;

    const QHostAddress address = resolve(url.host());
    if (url.scheme() != QLatin1String("ws") || address.isNull())
        return finishLater(QStringLiteral("cannot connect to %1").arg(url.toString()));

    sockaddr_storage storage{};
    socklen_t length = 0;
    const auto port = quint16(url.port(80));
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = qToBigEndian(port);
        in->sin_addr.s_addr = qToBigEndian(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = qToBigEndian(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof(bytes.c));
        in6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    }
    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return finishLater(systemError("socket", errno));
    // No Nagle delay: a send goes out when it is made, not when the server has acknowledged
    // the previous segment.
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));

    std::array<quint32, 4> nonce;
    QRandomGenerator::global()->fillRange(nonce.data(), nonce.size());
    const QByteArray key =
        QByteArray(reinterpret_cast<const char *>(nonce.data()), sizeof(nonce)).toBase64();
    m_expectedAccept = acceptFor(key);
    QString target = url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    m_request = "GET " + target.toUtf8() + " HTTP/1.1\r\nHost: " +
                url.authority(QUrl::RemoveUserInfo | QUrl::FullyEncoded).toUtf8() +
                "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key +
                "\r\nSec-WebSocket-Version: 13\r\n\r\n";

    m_readNotifier.setSocket(m_fd);
    m_writeNotifier.setSocket(m_fd);
    if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0 &&
        errno != EINPROGRESS)
        return finishLater(systemError("connect", errno));
    // Connected or not yet: the descriptor turns writable either way.
    m_writeNotifier.setEnabled(true);
}

void WireSocket::onWritable()
{
    if (m_state != State::Connecting)
        return flush();
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error != 0)
        return finish(kAbnormalClosure, systemError("connect", error));
    m_state = State::Handshake;
    m_writeNotifier.setEnabled(false);
    m_readNotifier.setEnabled(true);
    m_out = std::exchange(m_request, {});
    flush();
}

void WireSocket::onReadable()
{
    for (int round = 0; round < kReadsPerNotification; ++round) {
        const ssize_t n = ::recv(m_fd, g_readBuffer.data(), g_readBuffer.size(), 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                finish(m_state == State::Closing ? m_closeCode : kAbnormalClosure,
                       systemError("recv", errno));
            return;
        }
        if (n == 0) {
            // Without the server's close frame, unless we had sent ours.
            return finish(m_state == State::Closing ? m_closeCode : kAbnormalClosure,
                          m_state == State::Closing
                              ? QString()
                              : QStringLiteral("the server closed the connection"));
        }
        if (!consume(QByteArrayView(g_readBuffer.data(), n)))
            return;
        // A short read has most likely emptied the socket: no recv() just to hear EAGAIN.
        if (n < qsizetype(g_readBuffer.size()))
            return;
    }
}

bool WireSocket::consume(QByteArrayView bytes)
{
    if (m_state == State::Handshake) {
        m_in.append(bytes);
        if (!readHandshake())
            return m_fd >= 0;
        bytes = {};
    }
    if (m_in.isEmpty()) {
        const qsizetype used = parseFrames(bytes);
        if (m_fd < 0)
            return false;
        m_in.append(bytes.sliced(used));
        return true;
    }
    m_in.append(bytes);
    const qsizetype used = parseFrames(m_in);
    if (m_fd < 0)
        return false;
    if (used == m_in.size())
        m_in.clear(); // gives a large message's buffer back
    else
        m_in.remove(0, used);
    return true;
}

bool WireSocket::readHandshake()
{
    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_in.size() > kMaxHandshakeBytes)
            finish(kAbnormalClosure, QStringLiteral("handshake: no end of the response header"));
        return false;
    }
    const QByteArrayView header(m_in.constData(), end);
    qsizetype lineStart = 0;
    bool switching = false;
    bool accepted = false;
    while (lineStart <= header.size()) {
        qsizetype lineEnd = header.indexOf("\r\n", lineStart);
        if (lineEnd < 0)
            lineEnd = header.size();
        const QByteArrayView line = header.sliced(lineStart, lineEnd - lineStart);
        if (lineStart == 0) {
            // "HTTP/1.1 101 Switching Protocols"
            const qsizetype space = line.indexOf(' ');
            switching = line.startsWith("HTTP/1.1") && space > 0 &&
                        line.sliced(space + 1).trimmed().startsWith("101");
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            const QByteArrayView name = line.first(colon).trimmed();
            if (name.compare("Sec-WebSocket-Accept", Qt::CaseInsensitive) == 0)
                accepted = line.sliced(colon + 1).trimmed() == m_expectedAccept;
        }
        lineStart = lineEnd + 2;
    }
    if (!switching || !accepted) {
        const qsizetype statusEnd = header.indexOf("\r\n");
        const QByteArrayView status = statusEnd < 0 ? header : header.first(statusEnd);
        finish(kAbnormalClosure,
               QStringLiteral("handshake refused: %1")
                   .arg(!switching ? QString::fromUtf8(status)
                                   : QStringLiteral("wrong Sec-WebSocket-Accept")));
        return false;
    }
    m_in.remove(0, end + 4);
    m_state = State::Open;
    if (m_onConnected)
        m_onConnected();
    // The handler may have closed the socket.
    return m_fd >= 0;
}

qsizetype WireSocket::parseFrames(QByteArrayView data)
{
    qsizetype pos = 0;
    while (m_fd >= 0) {
        const qsizetype available = data.size() - pos;
        if (available < 2)
            break;
        const auto *p = reinterpret_cast<const uchar *>(data.data() + pos);
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        if (p[0] & 0x70) {
            protocolError(kProtocolErrorCode, "reserved bits set");
            break;
        }
        if (p[1] & 0x80) {
            protocolError(kProtocolErrorCode, "masked frame from the server");
            break;
        }
        quint64 length = p[1] & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (available < 4)
                break;
            length = qFromBigEndian<quint16>(p + 2);
            header = 4;
        } else if (length == 127) {
            if (available < 10)
                break;
            length = qFromBigEndian<quint64>(p + 2);
            header = 10;
        }
        if (opcode >= kClose && (!fin || length > 125)) {
            protocolError(kProtocolErrorCode, "fragmented or long control frame");
            break;
        }
        if (length > kMaxMessageBytes) {
            protocolError(kMessageTooBig, "frame too large");
            break;
        }
        if (quint64(available - header) < length)
            break;
        pos += header + qsizetype(length);
        onFrame(opcode, fin, data.sliced(pos - qsizetype(length), qsizetype(length)));
    }
    return pos;
}

void WireSocket::onFrame(int opcode, bool fin, QByteArrayView payload)
{
    switch (opcode) {
    case kText:
    case kBinary:
        if (m_messageOpcode != 0)
            return protocolError(kProtocolErrorCode, "new message inside a fragmented one");
        if (fin) {
            if (opcode == kText && m_onText)
                m_onText(payload);
            return;
        }
        m_messageOpcode = opcode;
        m_message = payload.toByteArray();
        return;
    case kContinuation:
        if (m_messageOpcode == 0)
            return protocolError(kProtocolErrorCode, "continuation without a message");
        if (quint64(m_message.size()) + quint64(payload.size()) > kMaxMessageBytes)
            return protocolError(kMessageTooBig, "message too large");
        m_message.append(payload);
        if (fin) {
            const QByteArray message = std::exchange(m_message, {});
            const bool text = m_messageOpcode == kText;
            m_messageOpcode = 0;
            if (text && m_onText)
                m_onText(message);
        }
        return;
    case kClose:
        return onCloseFrame(payload);
    case kPing:
        if (m_state == State::Open)
            sendNow(kPong, payload);
        return;
    case kPong:
        return;
    default:
        return protocolError(kProtocolErrorCode, "unknown opcode");
    }
}

void WireSocket::onCloseFrame(QByteArrayView payload)
{
    if (payload.size() == 1)
        return protocolError(kProtocolErrorCode, "one-byte close frame");
    const int code = payload.size() >= 2
                         ? qFromBigEndian<quint16>(reinterpret_cast<const uchar *>(payload.data()))
                         : kNoStatusCode;
    if (m_state == State::Closing)
        return finish(m_closeCode, {});
    // The server started the close: echo its code, then close our side (the server closes
    // the TCP connection on its own after its close frame).
    if (code == kNoStatusCode)
        sendNow(kClose, {});
    else
        sendClose(code);
    finish(code, {});
}

void WireSocket::protocolError(int code, const char *what)
{
    if (m_state == State::Open)
        sendClose(code);
    finish(code, QStringLiteral("protocol error: %1").arg(QLatin1String(what)));
}

void WireSocket::sendText(QByteArrayView utf8)
{
    if (m_state != State::Open)
        return;
    appendFrame(kText, utf8);
    queueFlush();
}

void WireSocket::close()
{
    switch (m_state) {
    case State::Unconnected:
    case State::Closing:
        return;
    case State::Connecting:
    case State::Handshake:
        return finish(kNormalClosure, {});
    case State::Open:
        break;
    }
    sendClose(kNormalClosure);
    m_state = State::Closing;
    m_closeCode = kNormalClosure;
    QTimer::singleShot(kCloseTimeoutMs, this, [this, generation = m_generation]() {
        if (m_state == State::Closing && m_generation == generation)
            finish(m_closeCode, QStringLiteral("the server did not answer the close"));
    });
}

void WireSocket::sendClose(int code)
{
    uchar payload[2];
    qToBigEndian(quint16(code), payload);
    sendNow(kClose, QByteArrayView(payload, 2));
}

quint32 WireSocket::nextMaskKey()
{
    // xorshift64: the mask only has to differ from frame to frame, not be secret.
    m_rng ^= m_rng << 13;
    m_rng ^= m_rng >> 7;
    m_rng ^= m_rng << 17;
    return quint32(m_rng >> 32);
}

void WireSocket::appendFrame(int opcode, QByteArrayView payload)
{
    const qsizetype size = payload.size();
    const qsizetype lengthBytes = size < 126 ? 0 : size <= 0xffff ? 2 : 8;
    const qsizetype header = 2 + lengthBytes + 4;
    const qsizetype start = m_out.size();
    m_out.resize(start + header + size);
    auto *out = reinterpret_cast<uchar *>(m_out.data()) + start;
    out[0] = uchar(0x80 | opcode); // FIN: every frame we send is a whole message
    if (lengthBytes == 0) {
        out[1] = uchar(0x80 | size);
    } else if (lengthBytes == 2) {
        out[1] = 0x80 | 126;
        qToBigEndian(quint16(size), out + 2);
    } else {
        out[1] = 0x80 | 127;
        qToBigEndian(quint64(size), out + 2);
    }
    uchar *mask = out + 2 + lengthBytes;
    qToUnaligned(nextMaskKey(), mask);
    const auto *in = reinterpret_cast<const uchar *>(payload.data());
    uchar *masked = out + header;
    for (qsizetype i = 0; i < size; ++i)
        masked[i] = in[i] ^ mask[i & 3];
}

void WireSocket::sendNow(int opcode, QByteArrayView payload)
{
    appendFrame(opcode, payload);
    flush();
}

void WireSocket::queueFlush()
{
    // Waiting for the write notifier already, or queued.
    if (m_flushQueued || m_writeNotifier.isEnabled())
        return;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return flush();
    if (g_flushQueue.empty())
        QMetaObject::invokeMethod(app, &WireSocket::flushQueued, Qt::QueuedConnection);
    g_flushQueue.push_back(this);
    m_flushQueued = true;
}

void WireSocket::flushQueued()
{
    // flush() runs no handler: nothing joins or leaves the queue meanwhile.
    for (WireSocket *socket : g_flushQueue) {
        socket->m_flushQueued = false;
        if (socket->m_fd >= 0)
            socket->flush();
    }
    g_flushQueue.clear();
}

void WireSocket::flush()
{
    qsizetype sent = 0;
    while (sent < m_out.size()) {
        const ssize_t n =
            ::send(m_fd, m_out.constData() + sent, size_t(m_out.size() - sent), MSG_NOSIGNAL);
        if (n >= 0) {
            sent += n;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            // The connection is broken; the read side reports it (this may run inside a
            // handler, which must not see the socket closed under it).
            m_error = systemError("send", errno);
            sent = m_out.size();
        }
        break;
    }
    if (sent < m_out.size()) {
        m_out.remove(0, sent);
        m_writeNotifier.setEnabled(true);
        return;
    }
    if (m_out.capacity() > kKeptOutputBytes)
        m_out.clear();
    else
        m_out.truncate(0);
    m_writeNotifier.setEnabled(false);
}

void WireSocket::finish(int closeCode, const QString &error)
{
    if (m_state == State::Unconnected)
        return;
    m_state = State::Unconnected;
    m_readNotifier.setEnabled(false);
    m_writeNotifier.setEnabled(false);
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_closeCode = closeCode;
    if (!error.isEmpty())
        m_error = error;
    m_out.clear();
    m_request.clear();
    if (m_onClosed)
        m_onClosed(closeCode);
}

void WireSocket::finishLater(const QString &error)
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    QTimer::singleShot(0, this, [this, error, generation = m_generation]() {
        if (m_generation == generation)
            finish(kAbnormalClosure, error);
    });
}

} // namespace bench
