// libFuzzer target: every byte string arrives on a real TCP connection, after a valid
// WebSocket upgrade, at the server's own socket class (LeanTcpSocket) handed to
// QWebSocketServer as the server does it (WebSocketListener), with the server's frame and
// message limits. So Qt's WebSocket frame reader, our socket's read path and its close path
// see arbitrary frames: oversized, fragmented, truncated, bad opcodes, bad UTF-8, close frames.
// Text messages go through the request decoder. Must never crash or hang: one oversized frame
// once made the read loop spin for good, which libFuzzer reports as a timeout.
#include "codec.h"
#include "protocollimits.h"
#include "transport/leantcpsocket.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace natter;

namespace {

const char kUpgrade[] = "GET /v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n";

class Harness final : public QTcpServer
{
public:
    QWebSocketServer webSockets{QStringLiteral("fuzz"), QWebSocketServer::NonSecureMode};
    QPointer<server::LeanTcpSocket> accepted;
    bool acceptedOnce = false;

    Harness()
    {
        if (!listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen");
        QObject::connect(&webSockets, &QWebSocketServer::newConnection, [this] {
            while (QWebSocket *socket = webSockets.nextPendingConnection()) {
                socket->setMaxAllowedIncomingFrameSize(quint64(limits::kHardFrameBytes));
                socket->setMaxAllowedIncomingMessageSize(quint64(limits::kHardFrameBytes));
                QObject::connect(socket, &QWebSocket::textMessageReceived,
                                 [socket](const QString &text) {
                                     const auto parsed = codec::parseRequest(text.toUtf8());
                                     socket->sendTextMessage(parsed.error ? QStringLiteral("e")
                                                                          : QStringLiteral("o"));
                                 });
                QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
                m_open.append(socket);
            }
        });
    }

    // Closes whatever is left of the last input's connection.
    void reset()
    {
        for (const QPointer<QWebSocket> &socket : std::as_const(m_open))
            delete socket.data();
        m_open.clear();
        delete accepted.data();
        acceptedOnce = false;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new server::LeanTcpSocket(this);
        if (!socket->adopt(descriptor)) {
            delete socket;
            ::close(int(descriptor));
            return;
        }
        accepted = socket;
        acceptedOnce = true;
        webSockets.handleConnection(socket);
    }

private:
    QList<QPointer<QWebSocket>> m_open;
};

Harness *harness()
{
    static int argc = 1;
    static char name[] = "fuzz_frames";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static Harness instance;
    return &instance;
}

int connectClient(quint16 port)
{
    // Each connection from another loopback address (127.1.x.y): the side that closes first
    // keeps its address pair in TIME_WAIT for a minute, and thousands of connections a second
    // would soon use up one address's ports.
    static quint32 next = 0;
    ++next;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr =
        htonl((127u << 24) | (1u << 16) | ((next / 254) % 256) << 8 | (1 + next % 254));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0)
        qFatal("cannot bind: %s", std::strerror(errno));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        // libFuzzer's timer signal interrupts it; the connection goes on being set up.
        pollfd wait{fd, POLLOUT, 0};
        int error = errno;
        socklen_t length = sizeof error;
        if (error != EINTR || ::poll(&wait, 1, 5'000) != 1 ||
            ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 || error != 0)
            qFatal("cannot connect: %s", std::strerror(error));
    }
    return fd;
}

// Sends what the server takes; stops when it has closed (a frame over the limit).
void sendAll(int fd, const QByteArray &bytes)
{
    for (qsizetype sent = 0; sent < bytes.size();) {
        const ssize_t n =
            ::send(fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return;
        sent += n;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Harness *h = harness();
    const int client = connectClient(h->serverPort());
    // The upgrade first, and the input once it is answered: bytes that arrive with the upgrade
    // request wait in the socket until more come, as a real client's would not.
    sendAll(client, QByteArray(kUpgrade));
    QElapsedTimer clock;
    clock.start();
    char answer[256];
    while (clock.elapsed() < 1000 && ::recv(client, answer, sizeof answer, MSG_DONTWAIT) <= 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    sendAll(client, QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    ::shutdown(client, SHUT_WR);
    clock.restart();
    while (clock.elapsed() < 200) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        // Done when the server's socket is gone or closed (QWebSocket deletes it later).
        if (h->acceptedOnce &&
            (!h->accepted || h->accepted->state() == QAbstractSocket::UnconnectedState))
            break;
    }
    ::close(client);
    h->reset();
    QCoreApplication::processEvents();
    return 0;
}
