// Groups in the store (schema 3) and the migration of a version-2 database to it. Built once
// per backend (tst_groupstore_sqlite, tst_groupstore_postgres).
#include "migrations.h"
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QFile>
#include <QtTest>

#include <algorithm>

#include <memory>

using namespace natter;
using namespace natter::server;

class TestGroupStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    std::unique_ptr<ChatStore> m_store;
    qint64 m_alice = 0, m_bob = 0, m_carol = 0, m_dave = 0;
    qint64 m_now = 1764000000000;

    ChatStore &store() { return *m_store; }

    bool openStore(QString *why)
    {
        m_store = m_db->newStore();
        const auto opened = store().open();
        *why = opened.detail;
        return opened.ok();
    }

    GroupChange change(GroupEdit::Kind kind, qint64 conversation, qint64 actor,
                       const QList<qint64> &users, const QString &name = {})
    {
        GroupEdit edit;
        edit.kind = kind;
        edit.conversationId = conversation;
        edit.actorId = actor;
        edit.users = users;
        edit.name = name;
        edit.content = QStringLiteral("a change");
        edit.event = SystemEvent{QStringLiteral("test"), actor, users, name, {}, {}};
        edit.at = ++m_now;
        const auto r = store().changeGroup(edit);
        if (!r.ok())
            qFatal("changeGroup failed: %s", qPrintable(r.detail));
        return r.value;
    }

    void makeAliceToDave()
    {
        m_alice = storetest::makeUser(store(), QStringLiteral("alice"), m_now);
        m_bob = storetest::makeUser(store(), QStringLiteral("bob"), m_now);
        m_carol = storetest::makeUser(store(), QStringLiteral("carol"), m_now);
        m_dave = storetest::makeUser(store(), QStringLiteral("dave"), m_now);
    }

    Message post(qint64 from, qint64 conversation, const QString &text)
    {
        NewMessage n;
        n.senderId = from;
        n.conversationId = conversation;
        n.clientId = QUuid::createUuid();
        n.content = text;
        n.createdAt = ++m_now;
        const auto r = store().appendMessages({n});
        if (r.size() != 1 || !r.first().ok())
            qFatal("append failed");
        return r.first().value.message;
    }

    QList<qint64> idsOf(const QList<Message> &messages)
    {
        QList<qint64> ids;
        for (const Message &m : messages)
            ids.append(m.id);
        return ids;
    }

    // The statements of a migration file (";" at a line end ends one; "--" lines are comments).
    static QStringList migration(const QString &dialect, const QString &file)
    {
        QFile f(QStringLiteral(":/natter/sql/%1/%2").arg(dialect, file));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("no migration %s", qPrintable(file));
        QStringList out;
        QString current;
        for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
            if (line.trimmed().startsWith(QLatin1String("--")) || line.trimmed().isEmpty())
                continue;
            current += line + u'\n';
            if (line.trimmed().endsWith(u';')) {
                out.append(current.trimmed());
                current.clear();
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_db->available(&why), qPrintable(why));
        qInfo("store backend: %s", qPrintable(m_db->backend()));
    }

    void init()
    {
        QString why;
        QVERIFY2(m_db->create(&why), qPrintable(why));
    }

    void cleanup()
    {
        m_store.reset();
        m_db->drop();
    }

    void migratesAVersion2DatabaseWithItsData()
    {
        const bool sqlite = m_db->backend() == QLatin1String("sqlite");
        const QString dialect = sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
        QStringList v2 = migration(dialect, QStringLiteral("001_initial.sql")) +
                         migration(dialect, QStringLiteral("002_token_ended_at.sql"));
        v2 << (sqlite ? QStringLiteral("PRAGMA user_version = 2")
                      : QStringLiteral("INSERT INTO schema_version (version) VALUES (1), (2)"));
        // alice (1) and bob (2) talk in conversation 1: three messages, the first edited and
        // hidden by bob; alice has read up to 1, bob up to 3. carol (3) talks to nobody.
        const QString uuid = QStringLiteral("'00000000-0000-4000-8000-00000000000%1'");
        v2 << QStringLiteral("INSERT INTO users (username, password_hash, created_at) "
                             "VALUES ('alice', 'h', 1), ('bob', 'h', 1), ('carol', 'h', 1)")
           << QStringLiteral("INSERT INTO conversations (user_a, user_b, created_at, "
                             "last_activity, last_message_id) VALUES (1, 2, 1000, 1003, 3)")
           << QStringLiteral("INSERT INTO participants (conversation_id, user_id, peer_id, "
                             "read_up_to, delivered_up_to, rev) VALUES (1, 1, 2, 1, 3, 5), "
                             "(1, 2, 1, 3, 3, 6)")
           << QStringLiteral("INSERT INTO messages (conversation_id, sender_id, client_id, "
                             "content, created_at, edited_at, rev) VALUES "
                             "(1, 1, %1, 'one', 1001, 1010, 4), (1, 2, %2, 'two', 1002, NULL, 2), "
                             "(1, 1, %3, 'three', 1003, NULL, 3)")
                  .arg(uuid.arg(1), uuid.arg(2), uuid.arg(3))
           << QStringLiteral("INSERT INTO message_edits (message_id, content, edited_at) "
                             "VALUES (1, 'first', 1010)")
           << QStringLiteral("INSERT INTO hidden_messages (user_id, message_id, conversation_id, "
                             "rev) VALUES (2, 1, 1, 7)");
        if (!sqlite)
            v2 << QStringLiteral("UPDATE revision SET value = 7");
        QString why;
        QVERIFY2(m_db->execute(v2, &why), qPrintable(why));

        QVERIFY2(openStore(&why), qPrintable(why));
        const int latest = Migrations::latestVersion(sqlite ? QStringLiteral("sqlite")
                                                            : QStringLiteral("postgresql"));
        QCOMPARE(store().schemaVersion(), latest); // groups (3), search (4) and later ones
        // The search index (version 4) took in the messages stored before it, on both
        // backends; bob hid "one", so only alice finds it.
        ProtocolError error;
        SearchScope scope;
        scope.userId = 1;
        scope.limit = 10;
        scope.terms = *searchtext::parseQuery(QStringLiteral("one three"), &error);
        QCOMPARE(store().search(scope).value.messages.size(), 0);
        scope.terms = *searchtext::parseQuery(QStringLiteral("one"), &error);
        QCOMPARE(store().search(scope).value.messages.size(), 1);
        scope.userId = 2;
        QCOMPARE(store().search(scope).value.messages.size(), 0);
        scope.terms = *searchtext::parseQuery(QStringLiteral("thr"), &error);
        QCOMPARE(store().search(scope).value.messages.size(), 1);

        const auto aliceList = store().conversationsFor(1);
        QVERIFY(aliceList.ok());
        QCOMPARE(aliceList.value.size(), 1);
        const Conversation &c = aliceList.value.first();
        QCOMPARE(c.id, 1);
        QVERIFY(!c.group);
        QCOMPARE(c.peer.username, QStringLiteral("bob"));
        QCOMPARE(c.readUpTo, 1);
        QCOMPARE(c.peerReadUpTo, 3);
        QCOMPARE(c.peerDeliveredUpTo, 3);
        QCOMPARE(c.unread, 1); // bob's "two"
        QCOMPARE(c.lastMessage->content, QStringLiteral("three"));
        QCOMPARE(c.lastActivity, 1003);
        QVERIFY(!c.lastMessage->system);

        QCOMPARE(idsOf(store().history(1, 1, 0, 10).value), (QList<qint64>{3, 2, 1}));
        QCOMPARE(idsOf(store().history(2, 1, 0, 10).value), (QList<qint64>{3, 2})); // hidden
        QCOMPARE(store().editHistory(1).value.size(), 1);
        QCOMPARE(store().membership(1, 1).value.peerId, 2);
        QCOMPARE(store().membership(1, 3).failure, StoreFailure::NotFound);
        QCOMPARE(store().peersOf(2).value, QList<qint64>{1});
        const auto changes = store().changesSince(2, 0, 100);
        QVERIFY(changes.ok());
        QCOMPARE(changes.value.messages.size(), 2);
        QCOMPARE(changes.value.receipts.size(), 2);
        QCOMPARE(changes.value.hidden.size(), 1);
        QCOMPARE(changes.value.rev, 7);

        // Writing goes on where version 2 stopped: the same conversation, later ids and revs.
        const auto more = storetest::sendMessage(store(), 2, 1, QStringLiteral("four"), 2000);
        QCOMPARE(more.message.conversationId, 1);
        QVERIFY(!more.conversationCreated);
        QCOMPARE(more.message.id, 4);
        QVERIFY(more.message.rev > 7);
        const auto fresh = storetest::sendMessage(store(), 3, 1, QStringLiteral("hi"), 2001);
        QVERIFY(fresh.conversationCreated);
        m_alice = 1;
        m_bob = 2;
        m_carol = 3;
        const auto g = change(GroupEdit::Kind::Create, 0, 1, {2, 3}, QStringLiteral("after"));
        QCOMPARE(g.group.members.size(), 3);
        QVERIFY(g.line.rev > more.message.rev);

        // Reopening an up-to-date database migrates nothing.
        m_store.reset();
        QVERIFY2(openStore(&why), qPrintable(why));
        QCOMPARE(store().schemaVersion(), latest);
        QCOMPARE(store().conversationsFor(1).value.size(), 3);
    }

    void groupsHaveRolesAMemberCountAndNoContacts()
    {
        QString why;
        QVERIFY2(openStore(&why), qPrintable(why));
        m_alice = storetest::makeUser(store(), QStringLiteral("alice"), m_now);
        m_bob = storetest::makeUser(store(), QStringLiteral("bob"), m_now);
        m_carol = storetest::makeUser(store(), QStringLiteral("carol"), m_now);
        const auto created =
            change(GroupEdit::Kind::Create, 0, m_alice, {m_bob, m_carol}, QStringLiteral("Team"));
        const qint64 id = created.group.id;
        QCOMPARE(created.group.name, QStringLiteral("Team"));
        QCOMPARE(created.group.creatorId, m_alice);
        QCOMPARE(created.group.members, (QList<GroupMemberRole>{{m_alice, GroupRole::Admin},
                                                                {m_bob, GroupRole::Member},
                                                                {m_carol, GroupRole::Member}}));
        QCOMPARE(created.line.senderId, m_alice);
        QCOMPARE(created.line.system->users, (QList<qint64>{m_bob, m_carol}));
        // The line comes back from the database with its body.
        QCOMPARE(store().message(created.line.id).value, created.line);

        const auto bob = store().membership(id, m_bob);
        QVERIFY(bob.value.group);
        QCOMPARE(bob.value.role, GroupRole::Member);
        QCOMPARE(store().membership(id, m_alice).value.role, GroupRole::Admin);
        QCOMPARE(store().groupCount(m_bob).value, 1);
        QCOMPARE(store().memberIds(id).value.size(), 3);
        // Sharing a group makes nobody a contact: presence stays with 1:1 peers.
        QVERIFY(store().peersOf(m_bob).value.isEmpty());

        const auto list = store().conversationsFor(m_bob).value;
        QCOMPARE(list.size(), 1);
        QVERIFY(list.first().group);
        QCOMPARE(list.first().name, QStringLiteral("Team"));
        QCOMPARE(list.first().memberCount, 3);
        QCOMPARE(list.first().peer.id, m_alice); // the creator, for older clients
        QCOMPARE(list.first().unread, 1);        // alice's line
        QVERIFY(!list.first().admin);

        change(GroupEdit::Kind::Rename, id, m_alice, {}, QStringLiteral("Team 2"));
        QCOMPARE(store().group(id).value.name, QStringLiteral("Team 2"));
        GroupEdit role;
        role.kind = GroupEdit::Kind::SetRole;
        role.conversationId = id;
        role.actorId = m_alice;
        role.users = {m_bob};
        role.role = GroupRole::Admin;
        role.event = SystemEvent{QStringLiteral("role_changed"), m_alice, {m_bob}, {}, {}, {}};
        QVERIFY(store().changeGroup(role).ok());
        QCOMPARE(store().membership(id, m_bob).value.role, GroupRole::Admin);
        QCOMPARE(store().group(m_alice + 1000).failure, StoreFailure::NotFound);
    }

    // A group message comes back with its group's members as its transaction saw them: the
    // fan-out's audience. Read once per group per batch; 1:1 messages and duplicates have none.
    void groupMessagesComeWithTheirAudience()
    {
        QString why;
        QVERIFY2(openStore(&why), qPrintable(why));
        makeAliceToDave();
        const qint64 team =
            change(GroupEdit::Kind::Create, 0, m_alice, {m_bob, m_carol}, QStringLiteral("Team"))
                .group.id;
        const qint64 pair =
            change(GroupEdit::Kind::Create, 0, m_bob, {m_dave}, QStringLiteral("Pair")).group.id;
        const auto sorted = [](QList<qint64> ids) {
            std::sort(ids.begin(), ids.end());
            return ids;
        };
        const auto message = [&](qint64 from, qint64 conversation, qint64 to = 0) {
            NewMessage n;
            n.senderId = from;
            n.conversationId = conversation;
            n.recipientId = to;
            n.clientId = QUuid::createUuid();
            n.content = QStringLiteral("hello");
            n.createdAt = ++m_now;
            return n;
        };
        const NewMessage first = message(m_alice, team);
        const auto batch = store().appendMessages(
            {first, message(m_bob, pair), message(m_carol, team), message(m_alice, 0, m_dave)});
        QCOMPARE(batch.size(), 4);
        for (const auto &r : batch)
            QVERIFY2(r.ok(), qPrintable(r.detail));
        const QList<qint64> everyone = sorted({m_alice, m_bob, m_carol});
        QCOMPARE(sorted(batch[0].value.audience), everyone);
        QCOMPARE(sorted(batch[1].value.audience), sorted({m_bob, m_dave}));
        QCOMPARE(sorted(batch[2].value.audience), everyone);
        QVERIFY(batch[3].value.audience.isEmpty()); // 1:1: the recipient is named

        // After carol is removed and dave added, the next message goes to the new members;
        // a resend of the first is a duplicate, pushed to no one.
        change(GroupEdit::Kind::Remove, team, m_alice, {m_carol});
        change(GroupEdit::Kind::Add, team, m_alice, {m_dave});
        const auto next = store().appendMessages({message(m_bob, team), first});
        QCOMPARE(next.size(), 2);
        QVERIFY(next[0].ok());
        QCOMPARE(sorted(next[0].value.audience), sorted({m_alice, m_bob, m_dave}));
        QVERIFY(next[1].ok());
        QVERIFY(next[1].value.duplicate);
        QVERIFY(next[1].value.audience.isEmpty());
    }

    void membersSeeFromJoiningUntilLeaving()
    {
        QString why;
        QVERIFY2(openStore(&why), qPrintable(why));
        makeAliceToDave();
        const qint64 id =
            change(GroupEdit::Kind::Create, 0, m_alice, {m_bob, m_carol}, QStringLiteral("Team"))
                .group.id;
        const Message before = post(m_alice, id, QStringLiteral("before dave"));
        const auto added = change(GroupEdit::Kind::Add, id, m_alice, {m_dave});
        const Message after = post(m_bob, id, QStringLiteral("after dave"));

        // dave: from the line that added him.
        QCOMPARE(idsOf(store().history(m_dave, id, 0, 10).value),
                 (QList<qint64>{after.id, added.line.id}));
        const auto daveSync = store().changesSince(m_dave, 0, 100).value;
        QCOMPARE(idsOf(daveSync.messages), (QList<qint64>{added.line.id, after.id}));
        QCOMPARE(store().hideForUser(m_dave, before.id).failure, StoreFailure::NotFound);
        QCOMPARE(store().conversationsFor(m_dave).value.first().unread, 2);

        // Search follows the same window: dave finds what was said after he joined only.
        const auto found = [&](qint64 user, const QString &query) {
            ProtocolError error;
            SearchScope scope;
            scope.userId = user;
            scope.limit = 10;
            scope.terms = *searchtext::parseQuery(query, &error);
            return idsOf(store().search(scope).value.messages);
        };
        QCOMPARE(found(m_dave, QStringLiteral("dave")), QList<qint64>{after.id});
        QCOMPARE(found(m_carol, QStringLiteral("dave")), (QList<qint64>{after.id, before.id}));

        // carol is removed: she keeps seeing up to the line that removed her, and no more.
        const auto removed = change(GroupEdit::Kind::Remove, id, m_alice, {m_carol});
        QVERIFY(!removed.group.hasMember(m_carol));
        const Message later = post(m_alice, id, QStringLiteral("carol is gone"));
        store().markRead(id, m_bob, later.id);
        QCOMPARE(store().membership(id, m_carol).failure, StoreFailure::NotFound);
        QCOMPARE(store().history(m_carol, id, 0, 10).failure, StoreFailure::NotFound);
        QVERIFY(found(m_carol, QStringLiteral("dave")).isEmpty()); // as history: nothing
        const auto carolSync = store().changesSince(m_carol, 0, 100).value;
        QCOMPARE(carolSync.messages.last().id, removed.line.id);
        for (const Receipt &r : carolSync.receipts)
            QVERIFY(r.rev <= removed.line.rev);
        const Conversation carolView = store().conversationsFor(m_carol).value.first();
        QVERIFY(carolView.left);
        QCOMPARE(carolView.lastMessage->id, removed.line.id);
        QCOMPARE(store().groupCount(m_carol).value, 0);
        QCOMPARE(store().memberIds(id).value.size(), 3);

        // Read by all: the lowest of the other current members' positions.
        QCOMPARE(store().conversationsFor(m_alice).value.first().peerReadUpTo, 0);
        store().markRead(id, m_dave, later.id);
        QCOMPARE(store().conversationsFor(m_alice).value.first().peerReadUpTo, later.id);
        const auto members = store().groupMembers(id).value;
        QCOMPARE(members.size(), 3);
        QCOMPARE(members[1].user.username, QStringLiteral("bob"));
        QCOMPARE(members[1].readUpTo, later.id);

        // Back again: from the new line on.
        const auto back = change(GroupEdit::Kind::Add, id, m_alice, {m_carol});
        QCOMPARE(store().membership(id, m_carol).value.joinedFrom, back.line.id);
        QCOMPARE(idsOf(store().history(m_carol, id, 0, 10).value), QList<qint64>{back.line.id});

        // Leaving hands the admin role over when asked to.
        GroupEdit leave;
        leave.kind = GroupEdit::Kind::Leave;
        leave.conversationId = id;
        leave.actorId = m_alice;
        leave.promote = {m_bob};
        leave.event = SystemEvent{QStringLiteral("member_left"), m_alice, {m_alice}, {}, {}, {}};
        const auto left = store().changeGroup(leave);
        QVERIFY(left.ok());
        QVERIFY(!left.value.group.hasMember(m_alice));
        QCOMPARE(store().membership(id, m_bob).value.role, GroupRole::Admin);

        // Unknown users fail the whole change.
        GroupEdit bad;
        bad.kind = GroupEdit::Kind::Add;
        bad.conversationId = id;
        bad.actorId = m_bob;
        bad.users = {m_dave + 100};
        QCOMPARE(store().changeGroup(bad).failure, StoreFailure::NotFound);
        QCOMPARE(store().memberIds(id).value.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGroupStore)
#include "tst_groupstore.moc"
