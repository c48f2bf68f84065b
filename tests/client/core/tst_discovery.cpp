// LAN discovery end to end on loopback: the server's responder and the client's finder, the
// datagram rules (short or malformed queries get no answer), discovery turned off, and the
// app's "host a server on this computer" child process.

#include "discovery.h"
#include "localserverhost.h"
#include "serverfinder.h"
#include "testclient.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QNetworkDatagram>
#include <QUdpSocket>
#include <QtTest>

using natter::client::FoundServer;
using natter::client::LocalServerHost;
using natter::client::ServerFinder;

class TestDiscovery final : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<TestServer> discoverableServer(const QString &name)
    {
        auto server = std::make_unique<TestServer>();
        server->config().discoveryEnabled = true;
        server->config().discoveryPort = 0; // a free port of its own, not the LAN's 7468
        server->config().serverName = name;
        if (!server->start())
            return nullptr;
        return server;
    }

    // Sends `datagram` to the responder; the answer, or empty after `waitMs`.
    static QByteArray ask(quint16 port, const QByteArray &datagram, int waitMs = 500)
    {
        QUdpSocket socket;
        socket.bind(QHostAddress::LocalHost, 0);
        QSignalSpy ready(&socket, &QUdpSocket::readyRead);
        socket.writeDatagram(datagram, QHostAddress::LocalHost, port);
        // The server runs in this thread: wait with the event loop running.
        if (!ready.wait(waitMs))
            return {};
        return socket.receiveDatagram().data();
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void finderListsTheServerWithItsAddress()
    {
        auto server = discoverableServer(QStringLiteral("Office chat"));
        QVERIFY(server);
        QVERIFY(server->server().discoveryPort() != 0);
        ServerFinder finder;
        finder.setPort(server->server().discoveryPort());
        QSignalSpy found(&finder, &ServerFinder::serverFound);
        QSignalSpy finished(&finder, &ServerFinder::searchFinished);
        finder.search(600);
        QVERIFY(finished.wait(3000));
        QCOMPARE(found.size(), 1); // loopback and LAN answers of one server count once
        const FoundServer first = found.first().first().value<FoundServer>();
        QCOMPARE(first.name, QStringLiteral("Office chat"));
        QCOMPARE(first.url.scheme(), QStringLiteral("ws"));
        QCOMPARE(first.url.port(), int(server->server().port()));
        QCOMPARE(first.url.path(), QStringLiteral("/v1"));
        // The found address really is the server.
        TestClient client;
        QVERIFY(client.open(first.url));
        QVERIFY(client.registerAs(QStringLiteral("finder")));
        QCOMPARE(finder.servers().size(), 1);
    }

    void onlyWellFormedPaddedQueriesAreAnswered()
    {
        auto server = discoverableServer(QStringLiteral("strict"));
        QVERIFY(server);
        const quint16 port = server->server().discoveryPort();
        QVERIFY(ask(port, "{\"natter\":\"discover\",\"v\":1}").isEmpty()); // short: amplifier
        QVERIFY(ask(port, QByteArray(200, 'x')).isEmpty());
        QVERIFY(ask(port, QByteArray(2000, ' ')).isEmpty());
        QByteArray wrong = "{\"natter\":\"server\",\"v\":1}";
        wrong.append(200, ' ');
        QVERIFY(ask(port, wrong).isEmpty());
        const QByteArray answer = ask(port, natter::discovery::encodeQuery());
        QVERIFY(!answer.isEmpty());
        QVERIFY(answer.size() <= 2 * natter::discovery::kQueryBytes);
        const auto parsed = natter::discovery::parseAnswer(answer);
        QVERIFY(parsed);
        QCOMPARE(parsed->port, server->server().port());
        QCOMPARE(parsed->name, QStringLiteral("strict"));
        // Still serving chat after the garbage.
        auto client = server->user(QStringLiteral("after"));
        QVERIFY(client);
    }

    void answersAreParsedStrictly()
    {
        using natter::discovery::parseAnswer;
        QVERIFY(!parseAnswer("{\"natter\":\"server\",\"port\":0,\"path\":\"/v1\"}"));
        QVERIFY(!parseAnswer("{\"natter\":\"server\",\"port\":70000,\"path\":\"/v1\"}"));
        QVERIFY(!parseAnswer("{\"natter\":\"server\",\"port\":7467,\"path\":\"v1\"}"));
        QVERIFY(!parseAnswer("{\"natter\":\"server\",\"port\":7467.5,\"path\":\"/v1\"}"));
        QVERIFY(!parseAnswer("[1,2]"));
        QVERIFY(parseAnswer("{\"natter\":\"server\",\"v\":1,\"port\":7467,\"path\":\"/v1\"}"));
    }

    void discoveryCanBeTurnedOff()
    {
        TestServer server; // the test kit's default: off
        QVERIFY(server.start());
        QCOMPARE(server.server().discoveryPort(), quint16(0));
    }

    void hostedServerStartsAndServesThenStops()
    {
        QTemporaryDir data;
        LocalServerHost host;
        host.setProgram(QStringLiteral(NATTER_SERVER_BINARY));
        host.setDataDir(data.path());
        host.setExtraArguments(
            {"--listen", "127.0.0.1:0", "--password-cost", "min", "--no-discovery"});
        QSignalSpy started(&host, &LocalServerHost::started);
        QSignalSpy failed(&host, &LocalServerHost::failed);
        host.start(QStringLiteral("Sam's computer"));
        QVERIFY(started.wait(15000));
        QCOMPARE(failed.size(), 0);
        const QUrl url = started.first().first().toUrl();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        TestClient client;
        QVERIFY(client.open(url));
        QVERIFY(client.registerAs(QStringLiteral("sam")));
        QVERIFY(QFile::exists(data.filePath(QStringLiteral("natter.db"))));
        host.stop();
        QVERIFY(!host.isRunning());
        QVERIFY(client.waitDisconnected());
    }

    void hostingReportsAMissingProgram()
    {
        LocalServerHost host;
        host.setProgram(QStringLiteral("/nonexistent/natter-server"));
        QSignalSpy failed(&host, &LocalServerHost::failed);
        host.start(QStringLiteral("nowhere"));
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains(QLatin1String("/nonexistent")));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
