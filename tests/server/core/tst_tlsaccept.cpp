// The wss:// accept path: connections that never start their TLS handshake must not keep
// anyone else out (QWebSocketServer's own TLS listener stopped accepting at ~1,000 of them
// until its 10 s handshake timeout), and one address cannot hold more than its share of
// handshakes: past it, connections are closed before any TLS work.

#include "app/openfilelimit.h"
#include "fakeproxy.h"
#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace {

// Raw TCP connections that say nothing (no ClientHello), from a chosen 127.x.y.z address.
class IdleConnections final
{
public:
    IdleConnections() = default;
    ~IdleConnections() { closeAll(); }
    Q_DISABLE_COPY_MOVE(IdleConnections)

    // Opens `count` connections from `source` to 127.0.0.1:`port`, letting the in-process
    // server accept between batches; true once all are established.
    bool open(const char *source, quint16 port, int count)
    {
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0)
                return false;
            m_fds.push_back(fd);
            sockaddr_in from{};
            from.sin_family = AF_INET;
            ::inet_pton(AF_INET, source, &from.sin_addr);
            sockaddr_in to{};
            to.sin_family = AF_INET;
            to.sin_port = htons(port);
            to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::bind(fd, reinterpret_cast<sockaddr *>(&from), sizeof from) != 0)
                return false;
            if (::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0 &&
                errno != EINPROGRESS)
                return false;
            if (i % 100 == 99)
                QTest::qWait(5);
        }
        return QTest::qWaitFor([this]() { return established(); }, 10'000);
    }

    // How many the server has closed (EOF or reset) without sending a byte; -1 if one of
    // them received data.
    int closedByServer() const
    {
        int closed = 0;
        for (const int fd : m_fds) {
            char byte = 0;
            const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            if (n > 0)
                return -1;
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
                ++closed;
        }
        return closed;
    }

    qsizetype size() const { return qsizetype(m_fds.size()); }
    int takeLast()
    {
        const int fd = m_fds.back();
        m_fds.pop_back();
        return fd;
    }
    void closeAll()
    {
        for (const int fd : m_fds)
            ::close(fd);
        m_fds.clear();
    }

private:
    bool established() const
    {
        std::vector<pollfd> polls;
        for (const int fd : m_fds)
            polls.push_back(pollfd{fd, POLLOUT, 0});
        if (::poll(polls.data(), polls.size(), 0) < 0)
            return false;
        for (const pollfd &p : polls) {
            if (!(p.revents & (POLLOUT | POLLHUP | POLLERR)))
                return false;
        }
        return true;
    }

    std::vector<int> m_fds;
};

} // namespace

class TestTlsAccept final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Each idle connection is two descriptors in this process (client and server side).
        const long limit = natter::server::raiseOpenFileLimit();
        if (limit >= 0 && limit < 3'000)
            QSKIP("needs an open-file limit of at least 3000");
        m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                       "-nodes", "-keyout", m_key, "-out", m_cert, "-days", "2", "-subj",
                       "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(30'000) && openssl.exitCode() == 0,
                 "openssl is needed to make a test certificate");
        QFile pem(m_cert);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        m_ca = QSslCertificate::fromData(pem.readAll(), QSsl::Pem);
        QVERIFY(!m_ca.isEmpty());
    }

    void idleConnectionsFromOneAddressDoNotLockOthersOut()
    {
        TestServer server;
        useTls(server);
        QVERIFY(server.start());
        QCOMPARE(server.url().scheme(), QStringLiteral("wss"));
        IdleConnections idle;
        QVERIFY(idle.open("127.0.0.2", server.server().port(), 1'200));
        signsInWithin2s(server);
        // All but the address's 16 were closed at once, without a byte of TLS.
        QTRY_COMPARE(idle.closedByServer(), 1'200 - 16);
    }

    void idleConnectionsFromManyAddressesDoNotLockOthersOut()
    {
        TestServer server;
        useTls(server);
        QVERIFY(server.start());
        IdleConnections idle;
        // 100 addresses, 12 each: under the per-address limit, all held open.
        for (int a = 0; a < 100; ++a) {
            const QByteArray source = "127.0.1." + QByteArray::number(a + 1);
            QVERIFY(idle.open(source.constData(), server.server().port(), 12));
        }
        QCOMPARE(idle.size(), 1'200);
        QCOMPARE(idle.closedByServer(), 0);
        signsInWithin2s(server);
        QCOMPARE(idle.closedByServer(), 0); // still waiting for their handshake timeout
    }

    void addressOverItsHandshakeLimitIsRefusedBeforeTls()
    {
        TestServer server;
        useTls(server);
        server.config().maxHandshakesPerAddress = 4;
        QVERIFY(server.start());
        const quint16 port = server.server().port();
        IdleConnections idle;
        QVERIFY(idle.open("127.0.0.3", port, 4));
        QTest::qWait(100); // accepted
        QCOMPARE(idle.closedByServer(), 0);
        // The fifth is closed without a ClientHello being answered.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "refusing a connection from 127\\.0\\.0\\.3")));
        IdleConnections fifth;
        QVERIFY(fifth.open("127.0.0.3", port, 1));
        QTRY_COMPARE(fifth.closedByServer(), 1);
        QSslSocket refused;
        QVERIFY(!encrypts(refused, fifth.takeLast()));
        // Another address is not affected, and TLS works on a connection within the limit.
        IdleConnections other;
        QVERIFY(other.open("127.0.0.4", port, 1));
        QSslSocket accepted;
        QVERIFY(encrypts(accepted, other.takeLast()));
        // When the idle ones go, the address may connect again.
        idle.closeAll();
        QTest::qWait(100);
        IdleConnections again;
        QVERIFY(again.open("127.0.0.3", port, 1));
        QSslSocket later;
        QVERIFY(encrypts(later, again.takeLast()));
    }

    void wssThroughATrustedProxyCountsTheClientsAddress()
    {
        // HAProxy in TCP mode sends the PROXY header before the client's ClientHello.
        TestServer server;
        useTls(server);
        QVERIFY(natter::server::parseTrustedProxies(QStringLiteral("127.0.0.1"),
                                                    &server.config().trustedProxies));
        server.config().maxUnauthenticatedPerAddress = 1;
        QVERIFY(server.start());
        FakeProxy proxy(server.server().port());
        proxy.nextFrom(QHostAddress(QStringLiteral("192.0.2.7")));
        TestClient first;
        first.setCaCertificates(m_ca);
        QVERIFY(first.open(proxy.url(QStringLiteral("wss"))));
        QVERIFY(TestClient::isOk(first.request(QStringLiteral("ping"))));
        proxy.nextFrom(QHostAddress(QStringLiteral("192.0.2.7")));
        TestClient second; // over 192.0.2.7's limit of one
        second.setCaCertificates(m_ca);
        QVERIFY(second.open(proxy.url(QStringLiteral("wss"))));
        QVERIFY(second.waitDisconnected());
        QCOMPARE(second.closeCode(), 4429);
        proxy.nextFrom(QHostAddress(QStringLiteral("192.0.2.8")));
        TestClient third; // someone else
        third.setCaCertificates(m_ca);
        QVERIFY(third.open(proxy.url(QStringLiteral("wss"))));
        QVERIFY(TestClient::isOk(third.request(QStringLiteral("ping"))));
    }

private:
    void useTls(TestServer &server)
    {
        server.config().tlsCertPath = m_cert;
        server.config().tlsKeyPath = m_key;
    }

    // A real user, from 127.0.0.1, gets in and is answered; before, the server accepted
    // nothing more until the idle connections' handshake timeout (10 s).
    void signsInWithin2s(TestServer &server)
    {
        TestClient user;
        user.setCaCertificates(m_ca);
        QVERIFY(user.open(server.url(), 2'000));
        QVERIFY(TestClient::isOk(user.request(QStringLiteral("ping"), {}, 2'000)));
    }

    // Whether a TLS client handshake on the connected `fd` completes.
    bool encrypts(QSslSocket &socket, int fd)
    {
        socket.setSocketDescriptor(fd);
        QSslConfiguration tls = socket.sslConfiguration();
        tls.setCaCertificates(m_ca);
        socket.setSslConfiguration(tls);
        socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
        socket.startClientEncryption();
        return QTest::qWaitFor(
                   [&]() {
                       return socket.isEncrypted() ||
                              socket.state() != QAbstractSocket::ConnectedState;
                   },
                   5'000) &&
               socket.isEncrypted();
    }

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    QList<QSslCertificate> m_ca;
};

QTEST_GUILESS_MAIN(TestTlsAccept)
#include "tst_tlsaccept.moc"
