// Every way a session ends reaches the sockets signed in with it, within a second, with close
// code 4403: logout on another socket with the same token, tokens revoked by another process
// on the same database (what `natter-server user disable` and `reset-password` do), and
// tokens that expire.

#include "protocol.h"
#include "services/sessiontoken.h"
#include "store/sqlitestore.h"
#include "testserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QtTest>

using natter::protocol::CloseSignedOut;
using natter::server::SessionToken;
using natter::server::SqliteStore;

class TestRevocation final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    // Within a second of the revocation: the watcher looks twice a second.
    static constexpr int kWithinMs = 1'000;

    std::unique_ptr<TestClient> withToken(const QString &token)
    {
        auto client = m_server->connect();
        if (!client || !client->authWith(token))
            return nullptr;
        return client;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void logoutSignsOutTheOtherSocketsOfTheSameToken()
    {
        auto first = m_server->user(QStringLiteral("carol"));
        QVERIFY(first);
        auto stolen = withToken(first->token()); // a thief's socket with carol's token
        QVERIFY(stolen);
        auto otherLogin = m_server->connect();
        QVERIFY(otherLogin->loginAs(QStringLiteral("carol"))); // a token of its own
        QVERIFY(TestClient::isOk(stolen->request(QStringLiteral("conversations"))));

        QElapsedTimer clock;
        clock.start();
        QVERIFY(TestClient::isOk(first->request(QStringLiteral("logout"))));
        QVERIFY(stolen->waitDisconnected(kWithinMs + 500));
        QCOMPARE(stolen->closeCode(), int(CloseSignedOut));
        QVERIFY2(clock.elapsed() <= kWithinMs, qPrintable(QString::number(clock.elapsed())));
        // The socket that logged out stays open to sign in again; the other login is untouched.
        QVERIFY(first->isConnected());
        QVERIFY(TestClient::isOk(otherLogin->request(QStringLiteral("conversations"))));
        QVERIFY(otherLogin->isConnected());
    }

    void tokensRevokedByAnotherProcessSignOutEverySocket()
    {
        auto eve = m_server->user(QStringLiteral("eve"));
        QVERIFY(eve);
        auto eveAgain = withToken(eve->token());
        QVERIFY(eveAgain);
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(bob);
        QVERIFY(TestClient::isOk(bob->sendTo(eve->userId(), QStringLiteral("hello"))));

        // What `natter-server user disable eve` does, from its own connection to the file.
        SqliteStore admin(m_server->databasePath());
        QVERIFY(admin.open().ok());
        QVERIFY(admin.setUserDisabled(eve->userId(), true).ok());
        QVERIFY(admin.revokeUserTokens(eve->userId()).ok());
        admin.close();

        QVERIFY(eve->waitDisconnected(kWithinMs + 500));
        QVERIFY(eveAgain->waitDisconnected(kWithinMs + 500));
        QCOMPARE(eve->closeCode(), int(CloseSignedOut));
        QCOMPARE(eveAgain->closeCode(), int(CloseSignedOut));
        // She no longer receives anything, and nobody else is touched.
        QVERIFY(TestClient::isOk(bob->sendTo(eve->userId(), QStringLiteral("still there?"))));
        QVERIFY(bob->isConnected());
        auto back = withToken(eve->token());
        QVERIFY(!back);
    }

    void expiredTokensSignOutTheirSockets()
    {
        auto dave = m_server->user(QStringLiteral("dave"));
        QVERIFY(dave);
        // A token that expires in a moment (as if issued 30 days ago), on a second socket.
        const SessionToken token = natter::server::newSessionToken();
        SqliteStore admin(m_server->databasePath());
        QVERIFY(admin.open().ok());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(admin.addToken(dave->userId(), token.hash, now, now + 700).ok());
        admin.close();
        auto shortLived = withToken(token.text);
        QVERIFY(shortLived);
        QVERIFY(shortLived->waitDisconnected(700 + kWithinMs + 500));
        QCOMPARE(shortLived->closeCode(), int(CloseSignedOut));
        QVERIFY(dave->isConnected()); // its own token lives on
        QVERIFY(TestClient::isOk(dave->request(QStringLiteral("conversations"))));
    }
};

QTEST_GUILESS_MAIN(TestRevocation)
#include "tst_revocation.moc"
