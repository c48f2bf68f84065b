// Registration, login, token authentication, logout and the unauthenticated-connection rules.

#include "services/passwordhasher.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QtTest>

using natter::server::PasswordCost;
using natter::server::PasswordHasher;

class TestAuth final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    static QJsonObject credentials(const QString &username, const QString &password)
    {
        return {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().authTimeoutMs = 400;
        QVERIFY(m_server->start());
    }
    void cleanup() { m_server.reset(); }

    void registerReturnsUserAndTokenThenSnapshot()
    {
        auto client = m_server->connect();
        QVERIFY(client);
        const QJsonObject reply = client->request(
            QStringLiteral("register"),
            credentials(QStringLiteral("alice"), QStringLiteral("correct-horse-1")));
        QVERIFY2(TestClient::isOk(reply), qPrintable(reply.value("message").toString()));
        const QJsonObject user = reply.value("user").toObject();
        QVERIFY(user.value("id").toDouble() >= 1);
        QCOMPARE(user.value("username").toString(), QStringLiteral("alice"));
        const QString token = reply.value("token").toString();
        QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
        QVERIFY(!token.contains(u'+') && !token.contains(u'/') && !token.contains(u'='));
        const QJsonObject snapshot = client->waitEvent(QStringLiteral("presence"));
        QCOMPARE(snapshot.value("snapshot").toBool(), true);
        QCOMPARE(snapshot.value("online").toArray().size(), 0); // excludes the caller
    }

    void takenUsernameIsConflictCaseInsensitively()
    {
        auto first = m_server->user(QStringLiteral("Alice"));
        QVERIFY(first);
        auto second = m_server->connect();
        const QJsonObject reply = second->request(
            QStringLiteral("register"),
            credentials(QStringLiteral("aLiCe"), QStringLiteral("correct-horse-1")));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("conflict"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("username"));
        // The socket is still unauthenticated.
        QCOMPARE(TestClient::errorCode(second->request(QStringLiteral("conversations"))),
                 QStringLiteral("unauthorized"));
    }

    void invalidCredentialsAreBadRequest()
    {
        auto client = m_server->connect();
        QJsonObject reply =
            client->request(QStringLiteral("register"),
                            credentials(QStringLiteral("-bad"), QStringLiteral("correct-horse-1")));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("bad_request"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("username"));
        reply = client->request(QStringLiteral("register"),
                                credentials(QStringLiteral("bob"), QStringLiteral("short")));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("bad_request"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("password"));
    }

    void loginWithPasswordIssuesNewToken()
    {
        auto first = m_server->user(QStringLiteral("carol"));
        QVERIFY(first);
        auto second = m_server->connect();
        QVERIFY(second->loginAs(QStringLiteral("CAROL")));
        QCOMPARE(second->userId(), first->userId());
        QVERIFY(!second->token().isEmpty());
        QVERIFY(second->token() != first->token());
        QVERIFY(TestClient::isOk(second->request(QStringLiteral("conversations"))));
    }

    void wrongPasswordAndUnknownUserLookTheSame()
    {
        QVERIFY(m_server->user(QStringLiteral("dave")));
        auto client = m_server->connect();
        const QJsonObject wrong = client->request(
            QStringLiteral("login"),
            credentials(QStringLiteral("dave"), QStringLiteral("not-his-password")));
        const QJsonObject unknown = client->request(
            QStringLiteral("login"),
            credentials(QStringLiteral("nobody"), QStringLiteral("correct-horse-1")));
        QCOMPARE(TestClient::errorCode(wrong), QStringLiteral("unauthorized"));
        QCOMPARE(TestClient::errorCode(unknown), QStringLiteral("unauthorized"));
        QCOMPARE(wrong.value("message"), unknown.value("message"));
        QCOMPARE(TestClient::errorCode(client->request(QStringLiteral("users"))),
                 QStringLiteral("unauthorized"));
    }

    void passwordGuessingIsSlowedDown()
    {
        TestServer server; // the suite's short auth timeout would end the attempts early
        QVERIFY(server.start());
        QVERIFY(server.user(QStringLiteral("gwen")));
        auto attacker = server.connect();
        QVERIFY(attacker);
        const auto attempt = [&](const QString &password) {
            return attacker->request(QStringLiteral("login"),
                                     {{"username", "GWEN"}, {"password", password}});
        };
        for (int i = 0; i < 5; ++i) // the free attempts: plain "wrong password"
            QCOMPARE(TestClient::errorCode(attempt(QStringLiteral("guess-%1").arg(i))),
                     QStringLiteral("unauthorized"));
        // Now even the right password must wait, and the reply says how long.
        const QJsonObject limited = attempt(QStringLiteral("secret-pass-1"));
        QCOMPARE(TestClient::errorCode(limited), QStringLiteral("rate_limited"));
        const int wait = limited.value("retry_after_ms").toInt();
        QVERIFY2(wait > 0 && wait <= 1000, qPrintable(QString::number(wait)));
        // The socket and other users are unaffected.
        QVERIFY(TestClient::isOk(attacker->request(QStringLiteral("ping"))));
        QVERIFY(server.user(QStringLiteral("hank")));
        QTest::qWait(wait + 50);
        const QJsonObject late = attempt(QStringLiteral("secret-pass-1"));
        QVERIFY2(TestClient::isOk(late), QJsonDocument(late).toJson().constData());
    }

    // Guesses on several sockets at once: each attempt is counted before its hash runs, so
    // the ones arriving while the first are being hashed already see them. Before, every
    // attempt that arrived before the first answer was checked (8-9 of 200, not 5).
    void concurrentGuessesGetOnlyTheFreeAttempts()
    {
        TestServer server; // a real hash cost, so the attempts overlap as they would in use
        server.config().passwordCost = PasswordCost::Interactive;
        QVERIFY(server.start());
        constexpr int kSockets = 8;
        constexpr int kAttemptsEach = 3;
        std::vector<std::unique_ptr<TestClient>> sockets;
        for (int i = 0; i < kSockets; ++i) {
            sockets.push_back(server.connect());
            QVERIFY(sockets.back());
        }
        // Everything is sent before any answer can come back.
        QList<QPair<TestClient *, QString>> sent;
        for (int round = 0; round < kAttemptsEach; ++round) {
            for (auto &socket : sockets)
                sent.append({socket.get(),
                             socket->send(QStringLiteral("login"),
                                          credentials(QStringLiteral("victim"),
                                                      QStringLiteral("guess-%1").arg(round)))});
        }
        int checked = 0;
        int limited = 0;
        for (const auto &[socket, id] : sent) {
            const QJsonObject reply = socket->waitReply(id, 30000);
            const QString code = TestClient::errorCode(reply);
            if (code == QLatin1String("unauthorized"))
                ++checked;
            else if (code == QLatin1String("rate_limited") &&
                     reply.value("retry_after_ms").toInt() > 0)
                ++limited;
            else
                QFAIL(QJsonDocument(reply).toJson().constData());
        }
        QVERIFY2(checked >= 1 && checked <= 5, qPrintable(QString::number(checked)));
        QCOMPARE(checked + limited, kSockets * kAttemptsEach);
    }

    void tokenAuthenticatesLaterConnection()
    {
        auto first = m_server->user(QStringLiteral("erin"));
        QVERIFY(first);
        auto second = m_server->connect();
        const QJsonObject reply =
            second->request(QStringLiteral("auth"), {{QStringLiteral("token"), first->token()}});
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(qint64(reply.value("user").toObject().value("id").toDouble()), first->userId());
        QVERIFY(!reply.contains("token"));
        QVERIFY(second->waitEvent(QStringLiteral("presence")).value("snapshot").toBool());
    }

    void badTokenIsUnauthorized()
    {
        auto client = m_server->connect();
        const QJsonObject reply =
            client->request(QStringLiteral("auth"),
                            {{QStringLiteral("token"),
                              QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")}});
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("unauthorized"));
    }

    void onlyPreAuthRequestsBeforeAuthentication()
    {
        auto client = m_server->connect();
        QVERIFY(TestClient::isOk(client->request(QStringLiteral("ping"))));
        for (const char *type : {"users", "conversations", "logout", "sync"}) {
            const QJsonObject reply = client->request(QLatin1String(type), {{"since", 0}});
            QCOMPARE(TestClient::errorCode(reply), QStringLiteral("unauthorized"));
        }
        const QJsonObject send =
            client->request(QStringLiteral("send"),
                            {{"to", 1},
                             {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {"content", "hi"}});
        QCOMPARE(TestClient::errorCode(send), QStringLiteral("unauthorized"));
    }

    void logoutRevokesTokenAndUnauthenticatesSocket()
    {
        auto client = m_server->user(QStringLiteral("frank"));
        QVERIFY(client);
        const QString token = client->token();
        QVERIFY(TestClient::isOk(client->request(QStringLiteral("logout"))));
        QCOMPARE(TestClient::errorCode(client->request(QStringLiteral("conversations"))),
                 QStringLiteral("unauthorized"));
        auto other = m_server->connect();
        QCOMPARE(TestClient::errorCode(
                     other->request(QStringLiteral("auth"), {{QStringLiteral("token"), token}})),
                 QStringLiteral("unauthorized"));
        // The logged-out socket may log in again.
        QVERIFY(client->loginAs(QStringLiteral("frank")));
    }

    void logoutRestartsTheAuthTimeout()
    {
        auto client = m_server->user(QStringLiteral("gina"));
        QVERIFY(client);
        QVERIFY(TestClient::isOk(client->request(QStringLiteral("logout"))));
        QVERIFY(client->waitDisconnected(3000));
        QCOMPARE(client->closeCode(), 4401);
    }

    void authTimeoutClosesWith4401()
    {
        auto client = m_server->connect();
        QVERIFY(client);
        const QJsonObject error = client->waitEvent(QStringLiteral("error"), 3000);
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("unauthorized"));
        QVERIFY(error.value("re").isNull());
        QVERIFY(client->waitDisconnected(3000));
        QCOMPARE(client->closeCode(), 4401);
    }

    void authenticatedSocketOutlivesAuthTimeout()
    {
        auto client = m_server->user(QStringLiteral("hank"));
        QVERIFY(client);
        QTest::qWait(700);
        QVERIFY(client->isConnected());
        QVERIFY(TestClient::isOk(client->request(QStringLiteral("ping"))));
    }

    void requestsPipelinedAfterLoginSeeTheLogin()
    {
        QVERIFY(m_server->user(QStringLiteral("ivan")));
        auto client = m_server->connect();
        // No waiting between the two: the login is hashed on a worker meanwhile.
        const QString login =
            client->send(QStringLiteral("login"),
                         credentials(QStringLiteral("ivan"), QStringLiteral("secret-pass-1")));
        const QString list = client->send(QStringLiteral("conversations"));
        const QString ping = client->send(QStringLiteral("ping"));
        QVERIFY(TestClient::isOk(client->waitReply(login)));
        QVERIFY(TestClient::isOk(client->waitReply(list)));
        QVERIFY(TestClient::isOk(client->waitReply(ping)));
        // Replies came in request order.
        QStringList order;
        for (const QJsonObject &frame : client->frameLog()) {
            if (frame.contains("re"))
                order.append(frame.value("re").toString());
        }
        QCOMPARE(order, (QStringList{login, list, ping}));
    }

    void passwordHashesAreArgon2idAndUpgradable()
    {
        const PasswordHasher fast(PasswordCost::Min);
        const auto hash = fast.hash(QStringLiteral("pässword"));
        QVERIFY(hash);
        QVERIFY(hash->startsWith("$argon2id$"));
        QVERIFY(fast.verify(*hash, QStringLiteral("pässword")));
        QVERIFY(!fast.verify(*hash, QStringLiteral("password")));
        QVERIFY(!fast.needsRehash(*hash));
        QVERIFY(PasswordHasher(PasswordCost::Interactive).needsRehash(*hash));
        QVERIFY(!fast.verify(QByteArray("garbage"), QStringLiteral("pässword")));
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
