// Group conversations against the in-process server: the group requests with their
// authorization (outsider: not_found, plain member: forbidden), system lines and
// group_updated events, limits; messages, typing, receipts, edits and the history window of
// members who join late or are removed.

#include "aliceandbob.h"

#include <QtTest>

class TestGroups final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    std::unique_ptr<TestClient> m_carol;
    std::unique_ptr<TestClient> m_dave; // never in the group unless a test adds him
    qint64 m_group = 0;

    static qint64 idOf(const QJsonValue &v) { return qint64(v.toDouble()); }
    QJsonObject groupRequest(TestClient &c, const QString &type, QJsonObject fields = {})
    {
        fields.insert(QStringLiteral("conversation_id"), double(m_group));
        return c.request(type, fields);
    }
    QList<qint64> historyIds(TestClient &c)
    {
        QList<qint64> ids;
        const QJsonObject reply = groupRequest(c, QStringLiteral("history"));
        for (const QJsonValue &m : reply.value("messages").toArray())
            ids.append(idOf(m.toObject().value("id")));
        return ids;
    }
    // Takes `message` events up to the system line of `kind`; empty when none comes.
    static QJsonObject systemLine(TestClient &c, const QString &kind)
    {
        for (;;) {
            const QJsonObject e = c.waitEvent(QStringLiteral("message"));
            if (e.isEmpty())
                return {};
            const QJsonObject m = e.value("message").toObject();
            if (m.value("system").toObject().value("kind").toString() == kind)
                return m;
        }
    }
    bool start(const std::function<void(natter::server::ServerConfig &)> &configure = {})
    {
        m_server = std::make_unique<TestServer>();
        if (configure)
            configure(m_server->config());
        if (!m_server->start())
            return false;
        m_alice = m_server->user(QStringLiteral("alice"));
        m_bob = m_server->user(QStringLiteral("bob"));
        m_carol = m_server->user(QStringLiteral("carol"));
        m_dave = m_server->user(QStringLiteral("dave"));
        if (!m_alice || !m_bob || !m_carol || !m_dave)
            return false;
        const QJsonObject reply = m_alice->request(
            QStringLiteral("create_group"),
            {{"name", "Team"},
             {"members", QJsonArray{double(m_bob->userId()), double(m_carol->userId())}}});
        m_group = idOf(reply.value("group").toObject().value("id"));
        for (TestClient *c : {m_alice.get(), m_bob.get(), m_carol.get()}) {
            if (systemLine(*c, QStringLiteral("group_created")).isEmpty() ||
                c->waitEvent(QStringLiteral("group_updated")).isEmpty())
                return false;
        }
        return m_group > 0;
    }

private slots:
    void cleanup()
    {
        m_carol.reset();
        m_dave.reset();
        stopAliceAndBob();
    }

    void createdGroupReachesEveryMember()
    {
        QVERIFY(start());
        const QJsonObject list = m_bob->request(QStringLiteral("conversations"));
        const QJsonObject c = list.value("conversations").toArray().first().toObject();
        QCOMPARE(c.value("kind").toString(), QStringLiteral("group"));
        QCOMPARE(c.value("name").toString(), QStringLiteral("Team"));
        QCOMPARE(c.value("member_count").toInt(), 3);
        QCOMPARE(c.value("role").toString(), QStringLiteral("member"));
        QCOMPARE(idOf(c.value("peer").toObject().value("id")), m_alice->userId());
        QVERIFY(m_dave->request(QStringLiteral("conversations"))
                    .value("conversations")
                    .toArray()
                    .isEmpty());
        QVERIFY(m_dave->noEvent(QStringLiteral("message")));
        const QJsonObject members = groupRequest(*m_carol, QStringLiteral("group_members"));
        QCOMPARE(members.value("members").toArray().size(), 3);
        const QJsonObject first = members.value("members").toArray().first().toObject();
        QCOMPARE(first.value("user").toObject().value("username").toString(),
                 QStringLiteral("alice"));
        QCOMPARE(first.value("role").toString(), QStringLiteral("admin"));
    }

    void createIsValidated()
    {
        QVERIFY(start([](natter::server::ServerConfig &c) { c.groupMaxMembers = 3; }));
        const auto create = [this](const QJsonValue &name, const QJsonArray &members) {
            return TestClient::errorCode(m_alice->request(QStringLiteral("create_group"),
                                                          {{"name", name}, {"members", members}}));
        };
        const double bob = double(m_bob->userId());
        QCOMPARE(create("x", {}), QStringLiteral("bad_request"));
        QCOMPARE(create("x", {double(m_alice->userId())}), QStringLiteral("bad_request"));
        QCOMPARE(create("x", {bob, 9999}), QStringLiteral("not_found"));
        QCOMPARE(create("   ", {bob}), QStringLiteral("bad_request"));
        QCOMPARE(create("a\nb", {bob}), QStringLiteral("bad_request"));
        QCOMPARE(create(QString(65, u'x'), {bob}), QStringLiteral("too_large"));
        QCOMPARE(create("x", {bob, double(m_carol->userId()), double(m_dave->userId())}),
                 QStringLiteral("too_large"));
        QCOMPARE(create("x", {bob, bob}), QString()); // duplicates count once
    }

    // Every group request, by someone outside the group and by a member without the right.
    void authorizationPerRequestType()
    {
        QVERIFY(start());
        const double dave = double(m_dave->userId());
        const double carol = double(m_carol->userId());
        struct Case
        {
            QString type;
            QJsonObject fields;
            bool adminOnly;
        };
        const QList<Case> cases{
            {QStringLiteral("rename_group"), {{"name", "Mine"}}, true},
            {QStringLiteral("add_members"), {{"members", QJsonArray{dave}}}, true},
            {QStringLiteral("remove_member"), {{"user_id", carol}}, true},
            {QStringLiteral("set_role"), {{"user_id", carol}, {"role", "admin"}}, true},
            {QStringLiteral("group_members"), {}, false},
            {QStringLiteral("history"), {}, false},
            {QStringLiteral("typing"), {{"active", true}}, false},
            {QStringLiteral("read"), {{"up_to", 1}}, false},
            {QStringLiteral("leave_group"), {}, false},
        };
        for (const Case &c : cases) {
            QCOMPARE(TestClient::errorCode(groupRequest(*m_dave, c.type, c.fields)),
                     QStringLiteral("not_found"));
            if (c.adminOnly)
                QCOMPARE(TestClient::errorCode(groupRequest(*m_bob, c.type, c.fields)),
                         QStringLiteral("forbidden"));
        }
        QCOMPARE(TestClient::errorCode(m_dave->sendIn(m_group, QStringLiteral("let me in"))),
                 QStringLiteral("not_found"));
        // A 1:1 conversation is no group.
        const qint64 direct = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("hi"))
                                       .value("message")
                                       .toObject()
                                       .value("conversation_id"));
        QCOMPARE(TestClient::errorCode(m_alice->request(QStringLiteral("group_members"),
                                                        {{"conversation_id", double(direct)}})),
                 QStringLiteral("not_found"));
        // Nothing happened to the group.
        QCOMPARE(groupRequest(*m_alice, QStringLiteral("group_members"))
                     .value("members")
                     .toArray()
                     .size(),
                 3);
    }

    void adminsRenameAddRemoveAndNameAdmins()
    {
        QVERIFY(start());
        QVERIFY(TestClient::isOk(
            groupRequest(*m_alice, QStringLiteral("rename_group"), {{"name", "Crew"}})));
        const QJsonObject renamed = systemLine(*m_bob, QStringLiteral("group_renamed"));
        QCOMPARE(renamed.value("system").toObject().value("name").toString(),
                 QStringLiteral("Crew"));
        QCOMPARE(renamed.value("content").toString(),
                 QStringLiteral("alice renamed the group to \"Crew\""));
        QCOMPARE(m_bob->waitEvent(QStringLiteral("group_updated"))
                     .value("group")
                     .toObject()
                     .value("name")
                     .toString(),
                 QStringLiteral("Crew"));

        // The creator makes bob an admin; bob may then add, but not name admins.
        QVERIFY(TestClient::isOk(
            groupRequest(*m_alice, QStringLiteral("set_role"),
                         {{"user_id", double(m_bob->userId())}, {"role", "admin"}})));
        QVERIFY(!systemLine(*m_carol, QStringLiteral("role_changed")).isEmpty());
        QVERIFY(
            TestClient::isOk(groupRequest(*m_bob, QStringLiteral("add_members"),
                                          {{"members", QJsonArray{double(m_dave->userId())}}})));
        const QJsonObject added = systemLine(*m_dave, QStringLiteral("members_added"));
        QCOMPARE(added.value("content").toString(), QStringLiteral("bob added dave"));
        QCOMPARE(m_dave->waitEvent(QStringLiteral("group_updated"))
                     .value("group")
                     .toObject()
                     .value("members")
                     .toArray()
                     .size(),
                 4);
        QCOMPARE(TestClient::errorCode(
                     groupRequest(*m_bob, QStringLiteral("set_role"),
                                  {{"user_id", double(m_carol->userId())}, {"role", "admin"}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(TestClient::errorCode(groupRequest(*m_bob, QStringLiteral("remove_member"),
                                                    {{"user_id", double(m_alice->userId())}})),
                 QStringLiteral("forbidden")); // the creator stays
        // Adding members already there changes nothing and writes no line.
        m_carol->clearEvents();
        QVERIFY(
            TestClient::isOk(groupRequest(*m_bob, QStringLiteral("add_members"),
                                          {{"members", QJsonArray{double(m_dave->userId())}}})));
        QVERIFY(m_carol->noEvent(QStringLiteral("message")));
    }

    void lastAdminLeavingHandsTheGroupOver()
    {
        QVERIFY(start());
        QVERIFY(TestClient::isOk(groupRequest(*m_alice, QStringLiteral("leave_group"))));
        const QJsonObject left = systemLine(*m_carol, QStringLiteral("member_left"));
        QCOMPARE(idOf(left.value("system").toObject().value("admins").toArray().first()),
                 m_bob->userId());
        QVERIFY(!systemLine(*m_alice, QStringLiteral("member_left")).isEmpty());
        // bob was there first (with carol, at the same moment: the lower id).
        QVERIFY(TestClient::isOk(
            groupRequest(*m_bob, QStringLiteral("rename_group"), {{"name", "Bob's"}})));
        QCOMPARE(TestClient::errorCode(groupRequest(*m_alice, QStringLiteral("group_members"))),
                 QStringLiteral("not_found"));
    }

    void limitsOnGroupsPerUserAndChangesPerMinute()
    {
        QVERIFY(start([](natter::server::ServerConfig &c) {
            c.groupsPerUser = 1;
            c.groupChangesPerMinute = 3; // the creation took one
        }));
        const QJsonObject full =
            m_bob->request(QStringLiteral("create_group"),
                           {{"name", "Second"}, {"members", QJsonArray{double(m_dave->userId())}}});
        QCOMPARE(TestClient::errorCode(full), QStringLiteral("conflict"));
        QVERIFY(TestClient::isOk(
            groupRequest(*m_alice, QStringLiteral("rename_group"), {{"name", "A"}})));
        QVERIFY(TestClient::isOk(
            groupRequest(*m_alice, QStringLiteral("rename_group"), {{"name", "B"}})));
        const QJsonObject limited =
            groupRequest(*m_alice, QStringLiteral("rename_group"), {{"name", "C"}});
        QCOMPARE(TestClient::errorCode(limited), QStringLiteral("rate_limited"));
        QVERIFY(limited.value("retry_after_ms").toDouble() > 0);
        // Leaving is never limited.
        QVERIFY(TestClient::isOk(groupRequest(*m_alice, QStringLiteral("leave_group"))));
    }
};

QTEST_MAIN(TestGroups)
#include "tst_groups.moc"
