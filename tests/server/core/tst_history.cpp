// Reading: history pages (cursor, has_more, limits), the conversation list (last message,
// unread counts, peer online), and the user directory.

#include "aliceandbob.h"

#include <QtTest>

class TestHistory final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    static QList<qint64> idsOf(const QJsonObject &reply)
    {
        QList<qint64> ids;
        for (const QJsonValue &v : reply.value("messages").toArray())
            ids.append(qint64(v.toObject().value("id").toDouble()));
        return ids;
    }

private slots:
    void init() { QVERIFY(startAliceAndBob()); }
    void cleanup() { stopAliceAndBob(); }

    void historyPagesNewestFirstWithHasMore()
    {
        qint64 conversation = 0;
        const QList<qint64> sent = aliceSendsToBob(7, &conversation);
        QJsonObject page = m_bob->request(
            QStringLiteral("history"), {{"conversation_id", double(conversation)}, {"limit", 3}});
        QVERIFY(TestClient::isOk(page));
        QCOMPARE(idsOf(page), (QList<qint64>{sent[6], sent[5], sent[4]}));
        QCOMPARE(page.value("has_more").toBool(), true);

        page = m_bob->request(
            QStringLiteral("history"),
            {{"conversation_id", double(conversation)}, {"before", double(sent[4])}, {"limit", 3}});
        QCOMPARE(idsOf(page), (QList<qint64>{sent[3], sent[2], sent[1]}));
        QCOMPARE(page.value("has_more").toBool(), true);

        page = m_bob->request(
            QStringLiteral("history"),
            {{"conversation_id", double(conversation)}, {"before", double(sent[1])}, {"limit", 3}});
        QCOMPARE(idsOf(page), (QList<qint64>{sent[0]}));
        QCOMPARE(page.value("has_more").toBool(), false);

        // Exactly a page's worth left: has_more is false, not a false positive.
        page = m_bob->request(
            QStringLiteral("history"),
            {{"conversation_id", double(conversation)}, {"before", double(sent[3])}, {"limit", 3}});
        QCOMPARE(idsOf(page), (QList<qint64>{sent[2], sent[1], sent[0]}));
        QCOMPARE(page.value("has_more").toBool(), false);

        // Default page: everything here, with full message objects.
        page = m_alice->request(QStringLiteral("history"),
                                {{"conversation_id", double(conversation)}});
        QCOMPARE(idsOf(page).size(), 7);
        QCOMPARE(page.value("messages").toArray().first().toObject().value("content").toString(),
                 QStringLiteral("m6"));
    }

    void afterZeroIsTheOldestPage()
    {
        qint64 conversation = 0;
        const QList<qint64> sent = aliceSendsToBob(7, &conversation);
        QJsonObject page =
            m_bob->request(QStringLiteral("history"),
                           {{"conversation_id", double(conversation)}, {"after", 0}, {"limit", 3}});
        QVERIFY(TestClient::isOk(page));
        QCOMPARE(idsOf(page), (QList<qint64>{sent[2], sent[1], sent[0]})); // still newest first
        QCOMPARE(page.value("has_more").toBool(), false);
        QCOMPARE(page.value("has_newer").toBool(), true);

        // Only one of the three, 0 included.
        page = m_bob->request(
            QStringLiteral("history"),
            {{"conversation_id", double(conversation)}, {"after", 0}, {"before", double(sent[4])}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("bad_request"));
        QCOMPARE(page.value("field").toString(), QStringLiteral("after"));
        page = m_bob->request(QStringLiteral("history"),
                              {{"conversation_id", double(conversation)}, {"after", -1}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("bad_request"));
    }

    void historyLimitsAreEnforced()
    {
        qint64 conversation = 0;
        aliceSendsToBob(1, &conversation);
        for (int limit : {0, -1, 101}) {
            const QJsonObject reply =
                m_bob->request(QStringLiteral("history"),
                               {{"conversation_id", double(conversation)}, {"limit", limit}});
            QCOMPARE(TestClient::errorCode(reply), QStringLiteral("bad_request"));
            QCOMPARE(reply.value("field").toString(), QStringLiteral("limit"));
        }
        QVERIFY(TestClient::isOk(
            m_bob->request(QStringLiteral("history"),
                           {{"conversation_id", double(conversation)}, {"limit", 100}})));
        QCOMPARE(TestClient::errorCode(m_bob->request(QStringLiteral("history"))),
                 QStringLiteral("bad_request"));
    }

    void historyOfForeignOrUnknownConversationIsNotFound()
    {
        qint64 conversation = 0;
        aliceSendsToBob(1, &conversation);
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(carol);
        QCOMPARE(TestClient::errorCode(carol->request(QStringLiteral("history"),
                                                      {{"conversation_id", double(conversation)}})),
                 QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(
                     m_bob->request(QStringLiteral("history"), {{"conversation_id", 424242}})),
                 QStringLiteral("not_found"));
    }

    void fetchingHistoryMarksDelivered()
    {
        m_bob->close();
        QVERIFY(m_bob->waitDisconnected());
        QTRY_COMPARE(m_server->server().connectionCount(), 1);
        qint64 conversation = 0;
        const QList<qint64> sent = aliceSendsToBob(2, &conversation);
        QVERIFY(m_alice->noEvent(QStringLiteral("receipt"), 100));

        auto bob = m_server->connect();
        QVERIFY(bob->loginAs(QStringLiteral("bob")));
        QVERIFY(TestClient::isOk(
            bob->request(QStringLiteral("history"), {{"conversation_id", double(conversation)}})));
        const QJsonObject receipt = m_alice->waitEvent(QStringLiteral("receipt"));
        QCOMPARE(qint64(receipt.value("user_id").toDouble()), bob->userId());
        QCOMPARE(qint64(receipt.value("delivered_up_to").toDouble()), sent.last());
    }

    void conversationsShowLastMessageUnreadAndPresence()
    {
        qint64 conversation = 0;
        const QList<qint64> sent = aliceSendsToBob(2, &conversation);
        QJsonObject reply = m_bob->request(QStringLiteral("conversations"));
        QVERIFY(TestClient::isOk(reply));
        QJsonArray list = reply.value("conversations").toArray();
        QCOMPARE(list.size(), 1);
        QJsonObject c = list.first().toObject();
        QCOMPARE(qint64(c.value("id").toDouble()), conversation);
        QCOMPARE(c.value("peer").toObject().value("username").toString(), QStringLiteral("alice"));
        QCOMPARE(c.value("peer").toObject().value("online").toBool(), true);
        QCOMPARE(qint64(c.value("last_message").toObject().value("id").toDouble()), sent.last());
        QCOMPARE(c.value("unread").toInt(), 2);
        // The sender has nothing unread.
        reply = m_alice->request(QStringLiteral("conversations"));
        QCOMPARE(reply.value("conversations").toArray().first().toObject().value("unread").toInt(),
                 0);

        m_alice->close();
        QVERIFY(m_alice->waitDisconnected());
        QTRY_COMPARE(m_server->server().connectionCount(), 1);
        reply = m_bob->request(QStringLiteral("conversations"));
        c = reply.value("conversations").toArray().first().toObject();
        QCOMPARE(c.value("peer").toObject().value("online").toBool(), false);
    }

    void conversationsAreOrderedByActivity()
    {
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(carol);
        QVERIFY(TestClient::isOk(m_alice->sendTo(m_bob->userId(), QStringLiteral("to bob"))));
        QTest::qWait(5); // distinct timestamps
        QVERIFY(TestClient::isOk(m_alice->sendTo(carol->userId(), QStringLiteral("to carol"))));
        const QJsonArray list =
            m_alice->request(QStringLiteral("conversations")).value("conversations").toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].toObject().value("peer").toObject().value("username").toString(),
                 QStringLiteral("carol"));
        QCOMPARE(list[1].toObject().value("peer").toObject().value("username").toString(),
                 QStringLiteral("bob"));
    }

    void usersListsOthersSortedWithOnlineFlags()
    {
        auto carol = m_server->user(QStringLiteral("Carol"));
        auto dave = m_server->user(QStringLiteral("dave"));
        QVERIFY(carol && dave);
        dave->close();
        QVERIFY(dave->waitDisconnected());
        QTRY_COMPARE(m_server->server().connectionCount(), 3);

        QJsonObject reply = m_alice->request(QStringLiteral("users"));
        QVERIFY(TestClient::isOk(reply));
        QStringList names;
        QList<bool> online;
        for (const QJsonValue &v : reply.value("users").toArray()) {
            names.append(v.toObject().value("username").toString());
            online.append(v.toObject().value("online").toBool());
        }
        QCOMPARE(names, (QStringList{"bob", "Carol", "dave"}));
        QCOMPARE(online, (QList<bool>{true, true, false}));

        reply = m_alice->request(QStringLiteral("users"), {{"query", "CAR"}});
        QCOMPARE(reply.value("users").toArray().size(), 1);
        reply = m_alice->request(QStringLiteral("users"), {{"limit", 2}});
        QCOMPARE(reply.value("users").toArray().size(), 2);
        reply = m_alice->request(QStringLiteral("users"), {{"query", "ali"}});
        QCOMPARE(reply.value("users").toArray().size(), 0); // never the caller
        QCOMPARE(TestClient::errorCode(m_alice->request(QStringLiteral("users"), {{"limit", 201}})),
                 QStringLiteral("bad_request"));
    }
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
