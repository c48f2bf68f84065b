// Presence (scoped to contacts: snapshot, coalesced diffs, several sockets per user, grace)
// and typing indicators
// (relayed to the peer only, expiring, ended by a send).

#include "testserver.h"

#include <QtTest>

class TestPresenceTyping final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;

    static QList<qint64> onlineIds(const QJsonObject &presence)
    {
        QList<qint64> ids;
        for (const QJsonValue &v : presence.value("online").toArray())
            ids.append(qint64(v.toObject().value("id").toDouble()));
        return ids;
    }
    static QList<qint64> offlineIds(const QJsonObject &presence)
    {
        QList<qint64> ids;
        for (const QJsonValue &v : presence.value("offline").toArray())
            ids.append(qint64(v.toDouble()));
        return ids;
    }
    // The snapshot that authentication consumed (it stays in the frame log).
    static QJsonObject snapshotOf(const TestClient &client)
    {
        for (const QJsonObject &f : client.frameLog()) {
            if (f.value("type").toString() == QLatin1String("presence") &&
                f.value("snapshot").toBool())
                return f;
        }
        return {};
    }
    bool start(int batchMs = 100, int typingExpiryMs = 400, int graceMs = 0)
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().presenceBatchMs = batchMs;
        m_server->config().presenceGraceMs = graceMs;
        m_server->config().typingExpiryMs = typingExpiryMs;
        return m_server->start();
    }
    qint64 conversationBetween(TestClient &from, TestClient &to)
    {
        return qint64(from.sendTo(to.userId(), QStringLiteral("hi"))
                          .value("message")
                          .toObject()
                          .value("conversation_id")
                          .toDouble());
    }
    static QJsonObject typing(qint64 conversation, bool active)
    {
        return {{"conversation_id", double(conversation)}, {"active", active}};
    }

private slots:
    void cleanup() { m_server.reset(); }

    void snapshotListsOnlineContactsOnly()
    {
        QVERIFY(start());
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        auto carol = m_server->user(QStringLiteral("carol"));
        auto dave = m_server->user(QStringLiteral("dave"));
        QVERIFY(alice && bob && carol && dave);
        conversationBetween(*carol, *alice);
        conversationBetween(*bob, *carol);
        auto carol2 = m_server->connect();
        QVERIFY(carol2->authWith(carol->token()));
        const QJsonObject snapshot = snapshotOf(*carol2);
        // Dave is online too, but carol has never talked with him.
        QCOMPARE(onlineIds(snapshot), (QList<qint64>{alice->userId(), bob->userId()}));
        QCOMPARE(snapshot.value("online").toArray().first().toObject().value("username").toString(),
                 QStringLiteral("alice"));
        QCOMPARE(snapshot.value("offline").toArray().size(), 0);
        // The directory still tells anyone's state.
        const QJsonObject users =
            carol2->request(QStringLiteral("users"), {{"query", QStringLiteral("dave")}});
        QCOMPARE(users.value("users").toArray().first().toObject().value("online").toBool(), true);
    }

    void diffsGoToContactsOnly()
    {
        QVERIFY(start());
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        auto dave = m_server->user(QStringLiteral("dave"));
        QVERIFY(alice && bob && dave);
        conversationBetween(*alice, *bob);
        QTest::qWait(300); // the first diffs are out
        alice->clearEvents();
        dave->clearEvents();

        bob->close();
        const QJsonObject wentOffline = alice->waitEvent(QStringLiteral("presence"));
        QCOMPARE(wentOffline.value("snapshot").toBool(), false);
        QCOMPARE(offlineIds(wentOffline), (QList<qint64>{bob->userId()}));
        QCOMPARE(wentOffline.value("online").toArray().size(), 0);

        auto bob2 = m_server->connect();
        QVERIFY(bob2->authWith(bob->token()));
        const QJsonObject cameOnline = alice->waitEvent(QStringLiteral("presence"));
        QCOMPARE(onlineIds(cameOnline), (QList<qint64>{bob->userId()}));
        QCOMPARE(onlineIds(snapshotOf(*bob2)), (QList<qint64>{alice->userId()}));
        QVERIFY(bob2->noEvent(QStringLiteral("presence"), 0));
        QVERIFY(dave->noEvent(QStringLiteral("presence"), 300));
    }

    void aNewConversationMakesContacts()
    {
        QVERIFY(start());
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 300)); // strangers: nothing
        bob->clearEvents();
        conversationBetween(*alice, *bob);
        QCOMPARE(onlineIds(alice->waitEvent(QStringLiteral("presence"))),
                 (QList<qint64>{bob->userId()}));
        QCOMPARE(onlineIds(bob->waitEvent(QStringLiteral("presence"))),
                 (QList<qint64>{alice->userId()}));
        // Later messages change nothing.
        QVERIFY(TestClient::isOk(alice->sendTo(bob->userId(), QStringLiteral("again"))));
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 300));
        QVERIFY(bob->noEvent(QStringLiteral("presence"), 0));
    }

    void offlineOnlyWhenTheLastSocketCloses()
    {
        QVERIFY(start());
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        conversationBetween(*alice, *bob);
        QVERIFY(!alice->waitEvent(QStringLiteral("presence")).isEmpty()); // now contacts
        auto bob2 = m_server->connect();
        QVERIFY(bob2->authWith(bob->token()));
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 300)); // second socket: nothing

        bob->close();
        QVERIFY(bob->waitDisconnected());
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 300));
        bob2->close();
        QCOMPARE(offlineIds(alice->waitEvent(QStringLiteral("presence"))),
                 (QList<qint64>{bob->userId()}));
    }

    void manyChangesCoalesceIntoOneFrame()
    {
        QVERIFY(start(600));
        auto alice = m_server->user(QStringLiteral("alice"));
        QVERIFY(alice);
        QStringList tokens;
        QList<qint64> ids;
        for (int i = 0; i < 4; ++i) {
            auto user = m_server->user(QStringLiteral("user%1").arg(i));
            QVERIFY(user);
            conversationBetween(*user, *alice);
            tokens.append(user->token());
            ids.append(user->userId());
        }
        QTRY_COMPARE(m_server->server().connectionCount(), 1);
        QTest::qWait(700); // every earlier change is announced
        alice->clearEvents();

        // Four contacts come online at once (token auth is quick): one frame tells all.
        std::vector<std::unique_ptr<TestClient>> sockets;
        QStringList requests;
        for (int i = 0; i < 4; ++i) {
            sockets.push_back(m_server->connect());
            QVERIFY(sockets.back());
        }
        for (int i = 0; i < 4; ++i)
            requests.append(sockets[i]->send(QStringLiteral("auth"), {{"token", tokens[i]}}));
        for (int i = 0; i < 4; ++i)
            QVERIFY(TestClient::isOk(sockets[i]->waitReply(requests[i])));
        const QJsonObject diff = alice->waitEvent(QStringLiteral("presence"), 3000);
        QCOMPARE(diff.value("snapshot").toBool(), false);
        QCOMPARE(onlineIds(diff), ids);
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 700));
        // Each newcomer sees alice (their only contact) and never themselves.
        const QJsonObject own = sockets[0]->waitEvent(QStringLiteral("presence"), 3000);
        QCOMPARE(own.value("snapshot").toBool(), true);
        QCOMPARE(onlineIds(own), (QList<qint64>{alice->userId()}));
        QVERIFY(sockets[0]->noEvent(QStringLiteral("presence"), 0));
    }

    void reconnectWithinTheBatchWindowCancelsOut()
    {
        QVERIFY(start(800));
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        conversationBetween(*alice, *bob);
        QVERIFY(!alice->waitEvent(QStringLiteral("presence"), 3000).isEmpty());
        alice->clearEvents();

        bob->close();
        QVERIFY(bob->waitDisconnected());
        auto bobAgain = m_server->connect();
        QVERIFY(bobAgain->authWith(bob->token()));
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 1200));
    }

    void blipWithinTheGracePeriodIsNeverAnnounced()
    {
        QVERIFY(start(50, 400, 600));
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(alice && bob && carol);
        conversationBetween(*alice, *bob);
        conversationBetween(*carol, *bob);
        QVERIFY(!alice->waitEvent(QStringLiteral("presence"), 3000).isEmpty());
        carol->close();
        alice->clearEvents();

        // Bob's only socket drops and comes back after several batch windows, within grace.
        bob->close();
        QVERIFY(bob->waitDisconnected());
        QTest::qWait(250);
        auto bobAgain = m_server->connect();
        QVERIFY(bobAgain->authWith(bob->token()));
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 900));
        // A contact who signs in meanwhile sees bob online.
        auto carolAgain = m_server->connect();
        QVERIFY(carolAgain->authWith(carol->token()));
        const QJsonObject snapshot = snapshotOf(*carolAgain);
        QCOMPARE(onlineIds(snapshot), QList<qint64>{bob->userId()});

        // Gone for longer than the grace period: announced offline, once.
        bobAgain->close();
        QVERIFY(bobAgain->waitDisconnected());
        QCOMPARE(offlineIds(alice->waitEvent(QStringLiteral("presence"), 3000)),
                 QList<qint64>{bob->userId()});
        QVERIFY(alice->noEvent(QStringLiteral("presence"), 300));
    }

    void typingIsRelayedToThePeerOnly()
    {
        QVERIFY(start());
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(alice && bob && carol);
        auto alice2 = m_server->connect();
        QVERIFY(alice2->authWith(alice->token()));
        const qint64 conversation = conversationBetween(*alice, *bob);

        QVERIFY(
            TestClient::isOk(alice->request(QStringLiteral("typing"), typing(conversation, true))));
        const QJsonObject event = bob->waitEvent(QStringLiteral("typing"));
        QCOMPARE(qint64(event.value("conversation_id").toDouble()), conversation);
        QCOMPARE(qint64(event.value("user_id").toDouble()), alice->userId());
        QCOMPARE(event.value("active").toBool(), true);

        QVERIFY(TestClient::isOk(
            alice->request(QStringLiteral("typing"), typing(conversation, false))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), false);
        QVERIFY(carol->noEvent(QStringLiteral("typing"), 100));
        QVERIFY(alice->noEvent(QStringLiteral("typing"), 0));
        QVERIFY(alice2->noEvent(QStringLiteral("typing"), 0));
    }

    void typingInForeignConversationIsNotFound()
    {
        QVERIFY(start());
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(alice && bob && carol);
        const qint64 conversation = conversationBetween(*alice, *bob);
        QCOMPARE(TestClient::errorCode(
                     carol->request(QStringLiteral("typing"), typing(conversation, true))),
                 QStringLiteral("not_found"));
        QVERIFY(bob->noEvent(QStringLiteral("typing"), 100));
        QCOMPARE(TestClient::errorCode(alice->request(QStringLiteral("typing"),
                                                      {{"conversation_id", double(conversation)}})),
                 QStringLiteral("bad_request"));
    }

    void typingExpiresWithoutRefresh()
    {
        QVERIFY(start(100, 300));
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        const qint64 conversation = conversationBetween(*alice, *bob);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(
            TestClient::isOk(alice->request(QStringLiteral("typing"), typing(conversation, true))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), true);
        const QJsonObject expired = bob->waitEvent(QStringLiteral("typing"), 3000);
        QCOMPARE(expired.value("active").toBool(), false);
        QCOMPARE(qint64(expired.value("user_id").toDouble()), alice->userId());
        QVERIFY(clock.elapsed() >= 250);
    }

    void typingRefreshesAreCoalesced()
    {
        QVERIFY(start(100, 2000));
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        const qint64 conversation = conversationBetween(*alice, *bob);
        for (int i = 0; i < 3; ++i)
            QVERIFY(TestClient::isOk(
                alice->request(QStringLiteral("typing"), typing(conversation, true))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), true);
        QVERIFY(bob->noEvent(QStringLiteral("typing"), 300)); // the refreshes: nothing new
        // Half the expiry period later a refresh is relayed again (for sockets that joined).
        QTest::qWait(800);
        QVERIFY(
            TestClient::isOk(alice->request(QStringLiteral("typing"), typing(conversation, true))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), true);
        // Stopping is never held back.
        QVERIFY(TestClient::isOk(
            alice->request(QStringLiteral("typing"), typing(conversation, false))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), false);
    }

    void sendingEndsTyping()
    {
        QVERIFY(start(100, 5000));
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        const qint64 conversation = conversationBetween(*alice, *bob);
        QVERIFY(
            TestClient::isOk(alice->request(QStringLiteral("typing"), typing(conversation, true))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), true);
        QVERIFY(TestClient::isOk(alice->sendIn(conversation, QStringLiteral("done typing"))));
        const QJsonObject stop = bob->waitEvent(QStringLiteral("typing"), 1000);
        QCOMPARE(stop.value("active").toBool(), false);
    }

    void goingOfflineEndsTyping()
    {
        QVERIFY(start(100, 5000));
        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        const qint64 conversation = conversationBetween(*alice, *bob);
        QVERIFY(
            TestClient::isOk(alice->request(QStringLiteral("typing"), typing(conversation, true))));
        QCOMPARE(bob->waitEvent(QStringLiteral("typing")).value("active").toBool(), true);
        alice->close();
        QCOMPARE(bob->waitEvent(QStringLiteral("typing"), 1000).value("active").toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestPresenceTyping)
#include "tst_presencetyping.moc"
