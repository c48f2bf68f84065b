// Messages in a group: every current member's sockets get them; typing and receipts reach the
// members only; edits and deletes work as in 1:1; a member added later sees from the moment
// they joined; a removed member gets nothing new and can no longer read, send, type or list.
// Presence stays with 1:1 contacts.

#include "aliceandbob.h"

#include <QtTest>

class TestGroupMessaging final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_dave; // outside the group
    qint64 m_group = 0;

    static qint64 idOf(const QJsonValue &v) { return qint64(v.toDouble()); }
    QJsonObject inGroup(TestClient &c, const QString &type, QJsonObject fields = {})
    {
        fields.insert(QStringLiteral("conversation_id"), double(m_group));
        return c.request(type, fields);
    }
    QList<qint64> historyIds(TestClient &c)
    {
        QList<qint64> ids;
        for (const QJsonValue &m :
             inGroup(c, QStringLiteral("history")).value("messages").toArray())
            ids.append(idOf(m.toObject().value("id")));
        return ids;
    }
    QList<qint64> syncedIds(TestClient &c)
    {
        QList<qint64> ids;
        const QJsonObject reply = c.request(QStringLiteral("sync"), {{"since", 0}});
        for (const QJsonValue &m : reply.value("messages").toArray()) {
            if (idOf(m.toObject().value("conversation_id")) == m_group)
                ids.append(idOf(m.toObject().value("id")));
        }
        return ids;
    }
    qint64 send(TestClient &c, const QString &text)
    {
        return idOf(c.sendIn(m_group, text).value("message").toObject().value("id"));
    }

private slots:
    void init()
    {
        QVERIFY(startAliceAndBob());
        m_carol = m_server->user(QStringLiteral("carol"));
        m_dave = m_server->user(QStringLiteral("dave"));
        QVERIFY(m_carol && m_dave);
        const QJsonObject reply = m_alice->request(
            QStringLiteral("create_group"),
            {{"name", "Team"},
             {"members", QJsonArray{double(m_bob->userId()), double(m_carol->userId())}}});
        m_group = idOf(reply.value("group").toObject().value("id"));
        QVERIFY(m_group > 0);
        for (TestClient *c : {m_alice.get(), m_bob.get(), m_carol.get()}) {
            QVERIFY(!c->waitEvent(QStringLiteral("message")).isEmpty()); // group_created
            c->clearEvents();
        }
    }

    void cleanup()
    {
        m_carol.reset();
        m_dave.reset();
        stopAliceAndBob();
    }

    void messageReachesEveryMemberOnce()
    {
        auto aliceElsewhere = std::make_unique<TestClient>();
        QVERIFY(aliceElsewhere->open(m_server->url()));
        QVERIFY(aliceElsewhere->authWith(m_alice->token()));
        const qint64 id = send(*m_bob, QStringLiteral("hello team"));
        QVERIFY(id > 0);
        for (TestClient *c : {m_alice.get(), aliceElsewhere.get(), m_carol.get()}) {
            const QJsonObject e = c->waitEvent(QStringLiteral("message"));
            QCOMPARE(idOf(e.value("message").toObject().value("id")), id);
            QVERIFY(!e.value("message").toObject().contains(QStringLiteral("system")));
        }
        QVERIFY(m_bob->noEvent(QStringLiteral("message"))); // the sender has the reply
        QCOMPARE(m_carol->eventCount(QStringLiteral("message")), 0);
        QVERIFY(m_dave->noEvent(QStringLiteral("message")));
    }

    void typingAndReceiptsReachTheMembersOnly()
    {
        QVERIFY(TestClient::isOk(inGroup(*m_bob, QStringLiteral("typing"), {{"active", true}})));
        for (TestClient *c : {m_alice.get(), m_carol.get()})
            QCOMPARE(idOf(c->waitEvent(QStringLiteral("typing")).value("user_id")),
                     m_bob->userId());
        QVERIFY(m_dave->noEvent(QStringLiteral("typing")));
        QVERIFY(m_bob->noEvent(QStringLiteral("typing"), 50));

        const qint64 id = send(*m_alice, QStringLiteral("read me"));
        QVERIFY(TestClient::isOk(inGroup(*m_bob, QStringLiteral("read"), {{"up_to", double(id)}})));
        for (TestClient *c : {m_alice.get(), m_carol.get()}) {
            const QJsonObject r = c->waitEvent(QStringLiteral("receipt"));
            QCOMPARE(idOf(r.value("user_id")), m_bob->userId());
            QCOMPARE(idOf(r.value("read_up_to")), id);
        }
        QVERIFY(m_dave->noEvent(QStringLiteral("receipt")));
        // "Seen by 1 of 2": per member in group_members; read by all only when both have.
        int seen = 0;
        for (const QJsonValue &m :
             inGroup(*m_alice, QStringLiteral("group_members")).value("members").toArray())
            seen += idOf(m.toObject().value("read_up_to")) >= id ? 1 : 0;
        QCOMPARE(seen, 1);
        const auto peerRead = [this]() {
            return idOf(m_alice->request(QStringLiteral("conversations"))
                            .value("conversations")
                            .toArray()
                            .first()
                            .toObject()
                            .value("peer_read_up_to"));
        };
        QCOMPARE(peerRead(), 0);
        QVERIFY(
            TestClient::isOk(inGroup(*m_carol, QStringLiteral("read"), {{"up_to", double(id)}})));
        QCOMPARE(peerRead(), id);
    }

    void editsAndDeletesWorkAsInOneToOne()
    {
        const qint64 id = send(*m_alice, QStringLiteral("typo"));
        m_bob->clearEvents();
        m_carol->clearEvents();
        QVERIFY(TestClient::isOk(m_alice->request(
            QStringLiteral("edit"), {{"message_id", double(id)}, {"content", "fixed"}})));
        for (TestClient *c : {m_bob.get(), m_carol.get()})
            QCOMPARE(c->waitEvent(QStringLiteral("message_updated"))
                         .value("message")
                         .toObject()
                         .value("content")
                         .toString(),
                     QStringLiteral("fixed"));
        QCOMPARE(TestClient::errorCode(m_bob->request(
                     QStringLiteral("edit"), {{"message_id", double(id)}, {"content", "mine"}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(m_carol->request(QStringLiteral("edit_history"), {{"message_id", double(id)}})
                     .value("edits")
                     .toArray()
                     .size(),
                 1);
        QVERIFY(TestClient::isOk(m_bob->request(QStringLiteral("delete"),
                                                {{"message_id", double(id)}, {"scope", "me"}})));
        QVERIFY(!historyIds(*m_bob).contains(id));
        QVERIFY(historyIds(*m_carol).contains(id));
        QVERIFY(TestClient::isOk(m_alice->request(
            QStringLiteral("delete"), {{"message_id", double(id)}, {"scope", "everyone"}})));
        QVERIFY(m_carol->waitEvent(QStringLiteral("message_updated"))
                    .value("message")
                    .toObject()
                    .value("deleted")
                    .toBool());
        // A system line is nobody's to change.
        const qint64 line = historyIds(*m_alice).last();
        QCOMPARE(TestClient::errorCode(m_alice->request(
                     QStringLiteral("edit"), {{"message_id", double(line)}, {"content", "x"}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            TestClient::errorCode(m_alice->request(
                QStringLiteral("delete"), {{"message_id", double(line)}, {"scope", "everyone"}})),
            QStringLiteral("forbidden"));
    }

    void memberAddedLaterSeesFromJoining()
    {
        const qint64 before = send(*m_alice, QStringLiteral("before dave"));
        QVERIFY(TestClient::isOk(inGroup(*m_alice, QStringLiteral("add_members"),
                                         {{"members", QJsonArray{double(m_dave->userId())}}})));
        const qint64 joined = idOf(
            m_dave->waitEvent(QStringLiteral("message")).value("message").toObject().value("id"));
        const qint64 after = send(*m_bob, QStringLiteral("welcome"));
        QCOMPARE(idOf(m_dave->waitEvent(QStringLiteral("message"))
                          .value("message")
                          .toObject()
                          .value("id")),
                 after);
        QCOMPARE(historyIds(*m_dave), (QList<qint64>{after, joined}));
        QCOMPARE(syncedIds(*m_dave), (QList<qint64>{joined, after}));
        QCOMPARE(TestClient::errorCode(m_dave->request(QStringLiteral("edit_history"),
                                                       {{"message_id", double(before)}})),
                 QStringLiteral("not_found"));
        QVERIFY(historyIds(*m_bob).contains(before));
    }

    void removedMemberGetsNothingNew()
    {
        const qint64 before = send(*m_alice, QStringLiteral("carol still here"));
        QVERIFY(TestClient::isOk(inGroup(*m_alice, QStringLiteral("remove_member"),
                                         {{"user_id", double(m_carol->userId())}})));
        QCOMPARE(m_carol->waitEvent(QStringLiteral("message"))
                     .value("message")
                     .toObject()
                     .value("id")
                     .toDouble(),
                 double(before));
        const QJsonObject line =
            m_carol->waitEvent(QStringLiteral("message")).value("message").toObject();
        QCOMPARE(line.value("system").toObject().value("kind").toString(),
                 QStringLiteral("member_removed"));
        const QJsonObject update = m_carol->waitEvent(QStringLiteral("group_updated"));
        QCOMPARE(update.value("group").toObject().value("members").toArray().size(), 2);

        const qint64 after = send(*m_alice, QStringLiteral("carol is gone"));
        QVERIFY(inGroup(*m_bob, QStringLiteral("typing"), {{"active", true}}).contains("re"));
        QVERIFY(m_carol->noEvent(QStringLiteral("message")));
        QVERIFY(m_carol->noEvent(QStringLiteral("typing"), 50));
        for (const QString &type : {QStringLiteral("history"), QStringLiteral("group_members"),
                                    QStringLiteral("leave_group")})
            QCOMPARE(TestClient::errorCode(inGroup(*m_carol, type)), QStringLiteral("not_found"));
        QCOMPARE(
            TestClient::errorCode(inGroup(*m_carol, QStringLiteral("typing"), {{"active", true}})),
            QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(m_carol->sendIn(m_group, QStringLiteral("hello?"))),
                 QStringLiteral("not_found"));
        // What she had stays hers to sync (up to her removal); the list says she left.
        const QList<qint64> synced = syncedIds(*m_carol);
        QVERIFY(synced.contains(before));
        QCOMPARE(synced.last(), idOf(line.value("id")));
        QVERIFY(!synced.contains(after));
        const QJsonObject view = m_carol->request(QStringLiteral("conversations"))
                                     .value("conversations")
                                     .toArray()
                                     .first()
                                     .toObject();
        QVERIFY(view.value("left").toBool());
        QCOMPARE(idOf(view.value("last_message").toObject().value("id")), idOf(line.value("id")));
    }

    // Sharing a group makes nobody a contact. (A first 1:1 message does: each then gets a
    // presence diff with the other online, docs/protocol.md "Presence".)
    void groupMembershipDoesNotWidenPresence()
    {
        m_bob->clearEvents();
        QVERIFY(TestClient::isOk(inGroup(*m_alice, QStringLiteral("add_members"),
                                         {{"members", QJsonArray{double(m_dave->userId())}}})));
        QVERIFY(send(*m_dave, QStringLiteral("hi all")) > 0);
        QVERIFY(m_bob->noEvent(QStringLiteral("presence"), 500));
        QVERIFY(m_dave->noEvent(QStringLiteral("presence"), 50));
        // The 1:1 path still links them.
        QVERIFY(TestClient::isOk(m_bob->sendTo(m_dave->userId(), QStringLiteral("hi dave"))));
        QVERIFY(!m_bob->waitEvent(QStringLiteral("presence")).isEmpty());
    }
};

QTEST_MAIN(TestGroupMessaging)
#include "tst_groupmessaging.moc"
