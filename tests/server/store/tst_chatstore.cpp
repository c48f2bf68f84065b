// The store contract of chatstore.h. This file is built once per backend (tst_store_sqlite,
// tst_store_postgres): testdatabase.h gives every test case a fresh database of that backend.
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace natter;
using namespace natter::server;

class TestChatStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    std::unique_ptr<ChatStore> m_store;
    qint64 m_alice = 0, m_bob = 0, m_carol = 0;
    qint64 m_now = 1764000000000;

    ChatStore &store() { return *m_store; }

    qint64 makeUser(const QString &name) { return storetest::makeUser(store(), name, m_now); }

    AppendedMessage send(qint64 from, qint64 to, const QString &text, QUuid clientId = {})
    {
        return storetest::sendMessage(store(), from, to, text, ++m_now, clientId);
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
        m_store = m_db->newStore();
        const auto opened = store().open();
        QVERIFY2(opened.ok(), qPrintable(opened.detail));
        m_alice = makeUser(QStringLiteral("alice"));
        m_bob = makeUser(QStringLiteral("bob"));
        m_carol = makeUser(QStringLiteral("carol"));
    }

    void cleanup()
    {
        m_store.reset();
        m_db->drop();
    }

    void usernamesAreUniqueCaseInsensitively()
    {
        const auto dup = store().createUser(QStringLiteral("ALICE"), "h", m_now);
        QCOMPARE(dup.failure, StoreFailure::Conflict);
        const auto found = store().userByName(QStringLiteral("Alice"));
        QVERIFY(found.ok());
        QCOMPARE(found.value.id, m_alice);
        QCOMPARE(store().userByName(QStringLiteral("nobody")).failure, StoreFailure::NotFound);
        QCOMPARE(store().userById(9999).failure, StoreFailure::NotFound);
    }

    void listUsersFiltersAndSorts()
    {
        const auto all = store().listUsers(QString(), 10);
        QVERIFY(all.ok());
        QCOMPARE(all.value.size(), 3);
        QCOMPARE(all.value.first().username, QStringLiteral("alice"));
        const auto some = store().listUsers(QStringLiteral("AR"), 10);
        QCOMPARE(some.value.size(), 1);
        QCOMPARE(some.value.first().username, QStringLiteral("carol"));
        // LIKE wildcards in the query are literal.
        QCOMPARE(store().listUsers(QStringLiteral("%"), 10).value.size(), 0);
    }

    void tokensExpireRevokeAndFollowDisabledUsers()
    {
        QVERIFY(store().addToken(m_alice, "t1", m_now, m_now + 1000).ok());
        QCOMPARE(store().userForToken("t1", m_now).value, m_alice);
        QCOMPARE(store().userForToken("t1", m_now + 1000).failure, StoreFailure::NotFound);
        QVERIFY(store().addToken(m_alice, "t2", m_now, m_now + 1000).ok());
        QVERIFY(store().setUserDisabled(m_alice, true).ok());
        QCOMPARE(store().userForToken("t2", m_now).failure, StoreFailure::NotFound);
        QVERIFY(store().setUserDisabled(m_alice, false).ok());
        QVERIFY(store().userForToken("t2", m_now).ok());
        QVERIFY(store().revokeToken("t2").ok());
        QCOMPARE(store().userForToken("t2", m_now).failure, StoreFailure::NotFound);
        QVERIFY(store().addToken(m_bob, "t3", m_now, m_now + 1000).ok());
        QVERIFY(store().revokeUserTokens(m_bob).ok());
        QCOMPARE(store().userForToken("t3", m_now).failure, StoreFailure::NotFound);
    }

    void tokensEndedBetweenNamesTheRevokedAndTheExpired()
    {
        // m_now is long past: these expire in the first window, not in the wall-clock one.
        QVERIFY(store().addToken(m_alice, "soon", m_now, m_now + 1000).ok());
        QVERIFY(store().addToken(m_alice, "later", m_now, m_now + 5000).ok());
        const qint64 far = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        QVERIFY(store().addToken(m_alice, "kept", m_now, far).ok());
        QVERIFY(store().addToken(m_bob, "bob1", m_now, far).ok());
        QVERIFY(store().addToken(m_bob, "bob2", m_now, far).ok());
        QCOMPARE(store().tokensEndedBetween(m_now, m_now + 1000).value, QList<QByteArray>{"soon"});
        QCOMPARE(store().tokensEndedBetween(m_now + 1000, m_now + 4999).value.size(), 0);

        const qint64 beforeRevoking = QDateTime::currentMSecsSinceEpoch() - 1;
        QVERIFY(store().revokeUserTokens(m_bob).ok());
        QVERIFY(store().revokeToken("later").ok());
        QList<QByteArray> ended =
            store().tokensEndedBetween(beforeRevoking, QDateTime::currentMSecsSinceEpoch()).value;
        std::sort(ended.begin(), ended.end());
        QCOMPARE(ended, (QList<QByteArray>{"bob1", "bob2", "later"}));
        // Revoking again does not make them end again.
        const qint64 afterRevoking = QDateTime::currentMSecsSinceEpoch();
        QTest::qWait(2);
        QVERIFY(store().revokeUserTokens(m_bob).ok());
        QCOMPARE(store()
                     .tokensEndedBetween(afterRevoking, QDateTime::currentMSecsSinceEpoch())
                     .value.size(),
                 0);
    }

    void firstMessageCreatesConversationAndLaterOnesReuseIt()
    {
        const auto first = send(m_alice, m_bob, QStringLiteral("hi"));
        QVERIFY(first.conversationCreated);
        QCOMPARE(first.recipientId, m_bob);
        const auto reply = send(m_bob, m_alice, QStringLiteral("hey"));
        QVERIFY(!reply.conversationCreated);
        QCOMPARE(reply.message.conversationId, first.message.conversationId);
        QCOMPARE(store().membership(first.message.conversationId, m_bob).value.peerId, m_alice);
        QVERIFY(!store().membership(first.message.conversationId, m_bob).value.group);
        QCOMPARE(store().membership(first.message.conversationId, m_carol).failure,
                 StoreFailure::NotFound);
        QVERIFY(reply.message.id > first.message.id);
        QVERIFY(reply.message.rev > first.message.rev);
    }

    void duplicateClientIdReturnsTheOriginal()
    {
        const QUuid id = QUuid::createUuid();
        const auto first = send(m_alice, m_bob, QStringLiteral("once"), id);
        const auto again = send(m_alice, m_bob, QStringLiteral("once (resent)"), id);
        QVERIFY(again.duplicate);
        QCOMPARE(again.message, first.message);
        const auto page = store().history(m_bob, first.message.conversationId, 0, 10);
        QCOMPARE(page.value.size(), 1);
        // The same client_id from another sender is another message.
        const auto other = send(m_bob, m_alice, QStringLiteral("mine"), id);
        QVERIFY(!other.duplicate);
    }

    void badElementDoesNotFailTheBatch()
    {
        NewMessage good{m_alice, 0, m_bob, QUuid::createUuid(), QStringLiteral("ok"), m_now};
        NewMessage unknown{m_alice, 0, 4242, QUuid::createUuid(), QStringLiteral("x"), m_now};
        NewMessage self{m_alice, 0, m_alice, QUuid::createUuid(), QStringLiteral("x"), m_now};
        const auto first = send(m_bob, m_carol, QStringLiteral("bc"));
        NewMessage notMine{
            m_alice, first.message.conversationId, 0, QUuid::createUuid(), QStringLiteral("x"),
            m_now};
        const auto results = store().appendMessages({good, unknown, self, notMine});
        QCOMPARE(results.size(), 4);
        QVERIFY(results[0].ok());
        QCOMPARE(results[1].failure, StoreFailure::NotFound);
        QCOMPARE(results[2].failure, StoreFailure::Conflict);
        QCOMPARE(results[3].failure, StoreFailure::NotFound);
    }

    // PostgreSQL stores a batch's plain messages with one statement (as array literals): text
    // that an array literal must escape, resends inside and outside the batch, and a reply
    // between plain messages all come out as if stored one by one, in the batch's order.
    void oneBatchStoresEveryTextInOrderWithItsResends()
    {
        const auto earlier = send(m_alice, m_bob, QStringLiteral("earlier"));
        const qint64 conversation = earlier.message.conversationId;
        const QStringList texts{
            QStringLiteral("quote \" and backslash \\ and \\\" both"),
            QStringLiteral("{braces},commas, NULL, \"NULL\", {\"a\":1}"),
            QStringLiteral("line one\nline two\ttab"),
            QStringLiteral("مرحبا 👋 grüße ½"),
            QStringLiteral("'single' quotes; DROP TABLE messages; --"),
        };
        QList<NewMessage> batch;
        for (const QString &text : texts)
            batch.append({m_alice, conversation, 0, QUuid::createUuid(), text, ++m_now});
        NewMessage reply{m_bob,  conversation, 0, QUuid::createUuid(), QStringLiteral("re"),
                         ++m_now};
        reply.replyTo = earlier.message.id;
        batch.insert(2, reply);
        NewMessage resendInBatch = batch[0];
        resendInBatch.content = QStringLiteral("resent in the same batch");
        batch.append(resendInBatch);
        NewMessage resendOfEarlier{
            m_alice, conversation, 0, earlier.message.clientId, QStringLiteral("resent later"),
            ++m_now};
        batch.append(resendOfEarlier);
        batch.append({m_bob, 0, m_alice, QUuid::createUuid(), QStringLiteral("last"), ++m_now});
        batch.last().markDelivered = true; // alice is connected: delivered to her up to it
        batch[1].markDelivered = true;     // superseded by the later mark of the conversation
        const auto toCarol = send(m_alice, m_carol, QStringLiteral("hi carol"));
        batch.append({m_alice, toCarol.message.conversationId, 0, QUuid::createUuid(),
                      QStringLiteral("and again"), ++m_now});
        batch.last().markDelivered = true;

        const auto results = store().appendMessages(batch);
        QCOMPARE(results.size(), batch.size());
        qint64 lastId = earlier.message.id;
        for (qsizetype i = 0; i < results.size(); ++i) {
            QVERIFY2(results[i].ok(), qPrintable(results[i].detail));
            const Message &m = results[i].value.message;
            if (i == 6 || i == 7) {
                QVERIFY(results[i].value.duplicate);
                continue;
            }
            QVERIFY(!results[i].value.duplicate);
            QVERIFY2(m.id > lastId, "ids follow the batch's order");
            lastId = m.id;
            QCOMPARE(m.content, batch[i].content);
            QCOMPARE(m.clientId, batch[i].clientId);
            if (i < batch.size() - 1)
                QCOMPARE(m.conversationId, conversation);
        }
        QCOMPARE(results[6].value.message, results[0].value.message);
        QCOMPARE(results[7].value.message.id, earlier.message.id);
        QCOMPARE(results[7].value.message.content, QStringLiteral("earlier"));
        QVERIFY(results[2].value.message.replyTo);
        QCOMPARE(results[2].value.message.replyTo->id, earlier.message.id);

        // What is read back is what was written, byte for byte.
        const auto page = store().history(m_bob, conversation, 0, 20);
        QVERIFY(page.ok());
        QCOMPARE(page.value.size(), 1 + texts.size() + 2);
        QCOMPARE(page.value.first().content, QStringLiteral("last"));
        // One delivered mark per conversation, at its newest marked message.
        const qsizetype last = batch.size() - 2;
        QVERIFY(!results[1].value.delivered);
        QVERIFY(results[last].value.delivered);
        QCOMPARE(results[last].value.delivered->userId, m_alice);
        QCOMPARE(results[last].value.delivered->deliveredUpTo, results[last].value.message.id);
        QVERIFY(results[last].value.delivered->rev > results.last().value.message.rev);
        QCOMPARE(store().receiptOf(conversation, m_alice).value, *results[last].value.delivered);
        QVERIFY(results.last().value.delivered);
        QCOMPARE(store().receiptOf(toCarol.message.conversationId, m_carol).value.deliveredUpTo,
                 results.last().value.message.id);
        for (const Message &m : page.value) {
            for (qsizetype i = 0; i < batch.size(); ++i) {
                if (i != 6 && i != 7 && results[i].value.message.id == m.id)
                    QCOMPARE(m.content, batch[i].content);
            }
        }
        // The conversation's last activity moved once, to the batch's newest message.
        const auto conversations = store().conversationsFor(m_alice);
        QVERIFY(conversations.ok());
        QCOMPARE(conversations.value.size(), 2);
        for (const Conversation &c : conversations.value) {
            const qsizetype newest = c.id == conversation ? last : batch.size() - 1;
            QCOMPARE(c.lastMessage->id, results[newest].value.message.id);
            QCOMPARE(c.lastActivity, batch[newest].createdAt);
        }
    }

    void historyPagesNewestFirstAndRespectsHides()
    {
        QList<qint64> ids;
        for (int i = 0; i < 7; ++i)
            ids.append(send(m_alice, m_bob, QStringLiteral("m%1").arg(i)).message.id);
        const qint64 conv = store().message(ids.first()).value.conversationId;
        const auto page1 = store().history(m_bob, conv, 0, 3);
        QCOMPARE(page1.value.size(), 3);
        QCOMPARE(page1.value.first().id, ids[6]);
        const auto page2 = store().history(m_bob, conv, page1.value.last().id, 3);
        QCOMPARE(page2.value.first().id, ids[3]);
        QVERIFY(store().hideForUser(m_bob, ids[2]).ok());
        QVERIFY(store().deleteForEveryone(ids[1], m_now).ok());
        const auto page3 = store().history(m_bob, conv, ids[3], 10);
        QCOMPARE(page3.value.size(), 2); // ids[1] tombstone and ids[0]; ids[2] hidden for bob
        QVERIFY(page3.value.first().deleted);
        QVERIFY(page3.value.first().content.isEmpty());
        // Alice still sees what bob hid.
        QCOMPARE(store().history(m_alice, conv, 0, 10).value.size(), 7);
        QCOMPARE(store().history(m_carol, conv, 0, 10).failure, StoreFailure::NotFound);
    }

    void editsKeepHistoryAndDeletedMessagesCannotBeEdited()
    {
        const auto m = send(m_alice, m_bob, QStringLiteral("v1")).message;
        const auto e1 = store().editMessage(m.id, QStringLiteral("v2"), m_now + 10);
        QVERIFY(e1.ok());
        QCOMPARE(e1.value.content, QStringLiteral("v2"));
        QCOMPARE(e1.value.editedAt, std::optional<qint64>(m_now + 10));
        QVERIFY(e1.value.rev > m.rev);
        QVERIFY(store().editMessage(m.id, QStringLiteral("v3"), m_now + 20).ok());
        const auto edits = store().editHistory(m.id);
        QCOMPARE(edits.value.size(), 2);
        QCOMPARE(edits.value[0].content, QStringLiteral("v1"));
        QCOMPARE(edits.value[1].content, QStringLiteral("v2"));
        const auto tomb = store().deleteForEveryone(m.id, m_now + 30);
        QVERIFY(tomb.ok());
        QVERIFY(tomb.value.deleted);
        QCOMPARE(store().editHistory(m.id).value.size(), 0);
        QCOMPARE(store().editMessage(m.id, QStringLiteral("v4"), m_now).failure,
                 StoreFailure::Conflict);
        QCOMPARE(store().editMessage(99999, QStringLiteral("x"), m_now).failure,
                 StoreFailure::NotFound);
    }

    void deleteForEveryoneRecordsWhenInTheTombstone()
    {
        const auto m = send(m_alice, m_bob, QStringLiteral("gone soon")).message;
        const auto tomb = store().deleteForEveryone(m.id, m_now + 500);
        QVERIFY(tomb.ok());
        QCOMPARE(tomb.value.editedAt, std::optional<qint64>(m_now + 500));
        QCOMPARE(tomb.value.createdAt, m.createdAt);
        QVERIFY(tomb.value.rev > m.rev);
        // Stored so, as history and sync read it back.
        const auto stored = store().message(m.id);
        QCOMPARE(stored.value, tomb.value);
        // Deleting again changes nothing, not even the time.
        QCOMPARE(store().deleteForEveryone(m.id, m_now + 900).value, tomb.value);
    }

    void receiptsNeverMoveBackAndAreClamped()
    {
        const auto m1 = send(m_alice, m_bob, QStringLiteral("1")).message;
        const auto m2 = send(m_alice, m_bob, QStringLiteral("2")).message;
        const qint64 conv = m1.conversationId;
        const auto delivered = store().markDelivered(conv, m_bob, m1.id);
        QVERIFY(delivered.ok() && delivered.value);
        QCOMPARE(delivered.value->deliveredUpTo, m1.id);
        QCOMPARE(delivered.value->readUpTo, 0);
        const auto read = store().markRead(conv, m_bob, 1'000'000); // clamped to newest
        QVERIFY(read.value);
        QCOMPARE(read.value->readUpTo, m2.id);
        QCOMPARE(read.value->deliveredUpTo, m2.id); // read implies delivered
        QVERIFY(read.value->rev > delivered.value->rev);
        const auto back = store().markRead(conv, m_bob, m1.id);
        QVERIFY(back.ok());
        QVERIFY(!back.value); // nothing changed
        QCOMPARE(store().markRead(conv, m_carol, m1.id).failure, StoreFailure::NotFound);
    }

    void manyDeliveredMarksMoveTogether()
    {
        const auto ab = send(m_alice, m_bob, QStringLiteral("to bob")).message;
        const auto cb = send(m_carol, m_bob, QStringLiteral("to bob from carol")).message;
        const auto ba = send(m_bob, m_alice, QStringLiteral("to alice")).message;
        QVERIFY(store().markDelivered(cb.conversationId, m_bob, cb.id).value); // already there
        const auto moved = store().markDeliveredAll({
            {ab.conversationId, m_bob, ab.id},
            {cb.conversationId, m_bob, cb.id}, // nothing to move: left out
            {ba.conversationId, m_alice, ba.id},
            {ab.conversationId, m_carol, ab.id}, // not hers: skipped, the rest still moves
        });
        QVERIFY(moved.ok());
        QCOMPARE(moved.value.size(), 2);
        // In any order (PostgreSQL moves them in conversation and user order), each with a rev
        // of its own.
        const auto of = [&](qint64 user) {
            return *std::find_if(moved.value.cbegin(), moved.value.cend(),
                                 [user](const Receipt &r) { return r.userId == user; });
        };
        QCOMPARE(of(m_bob).deliveredUpTo, ab.id);
        QCOMPARE(of(m_bob).conversationId, ab.conversationId);
        QCOMPARE(of(m_alice).deliveredUpTo, ba.id);
        QVERIFY(moved.value[0].rev != moved.value[1].rev);
        // Stored: marking again moves nothing.
        QVERIFY(!store().markDelivered(ab.conversationId, m_bob, ab.id).value);
        QVERIFY(store().markDeliveredAll({}).ok());
    }

    void conversationsHaveUnreadCountsAndActivityOrder()
    {
        const auto ab = send(m_alice, m_bob, QStringLiteral("to bob")).message;
        send(m_alice, m_bob, QStringLiteral("to bob 2"));
        const auto ac = send(m_carol, m_alice, QStringLiteral("from carol")).message;
        auto list = store().conversationsFor(m_alice);
        QVERIFY(list.ok());
        QCOMPARE(list.value.size(), 2);
        QCOMPARE(list.value[0].id, ac.conversationId); // most recent first
        QCOMPARE(list.value[0].unread, 1);
        QCOMPARE(list.value[0].peer.username, QStringLiteral("carol"));
        QCOMPARE(list.value[1].unread, 0); // own messages are not unread
        auto bobs = store().conversationsFor(m_bob);
        QCOMPARE(bobs.value.size(), 1);
        QCOMPARE(bobs.value[0].unread, 2);
        QCOMPARE(bobs.value[0].lastMessage->content, QStringLiteral("to bob 2"));
        QVERIFY(store().markRead(ab.conversationId, m_bob, ab.id).ok());
        QCOMPARE(store().conversationsFor(m_bob).value[0].unread, 1);
        QCOMPARE(store().conversationsFor(m_alice).value[1].peerReadUpTo, ab.id);
        const auto peers = store().peersOf(m_alice);
        QCOMPARE(peers.value.size(), 2);
    }

    void changesSincePagesEveryChangeOnceInRevOrder()
    {
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(send(m_alice, m_bob, QStringLiteral("m%1").arg(i)).message.id);
        const qint64 conv = store().message(ids[0]).value.conversationId;
        QVERIFY(store().editMessage(ids[0], QStringLiteral("edited"), m_now).ok());
        QVERIFY(store().markRead(conv, m_bob, ids[4]).ok());
        QVERIFY(store().hideForUser(m_bob, ids[1]).ok());
        send(m_carol, m_alice, QStringLiteral("not bob's business"));

        qint64 cursor = 0;
        qint64 lastRev = 0;
        QSet<qint64> messages;
        int receipts = 0, hidden = 0, pages = 0;
        bool more = true;
        while (more) {
            const auto page = store().changesSince(m_bob, cursor, 2);
            QVERIFY(page.ok());
            QVERIFY(++pages < 20);
            QList<qint64> revs;
            for (const auto &m : page.value.messages) {
                QVERIFY2(!messages.contains(m.id), "a message came twice");
                messages.insert(m.id);
                revs.append(m.rev);
            }
            for (const auto &r : page.value.receipts)
                revs.append(r.rev), ++receipts;
            for (const auto &h : page.value.hidden)
                revs.append(h.rev), ++hidden;
            for (qint64 rev : revs) {
                QVERIFY(rev > cursor);  // strictly after what was asked for
                QVERIFY(rev > lastRev); // later than everything on earlier pages
                QVERIFY(rev <= page.value.rev);
            }
            if (!revs.isEmpty())
                lastRev = *std::max_element(revs.begin(), revs.end());
            QVERIFY(page.value.rev >= cursor);
            cursor = page.value.rev;
            more = page.value.hasMore;
        }
        // ids[1] is hidden for bob: not among the messages; the edit of ids[0] shows it once
        // in its current state.
        QCOMPARE(messages, (QSet<qint64>{ids[0], ids[2], ids[3], ids[4]}));
        QCOMPARE(receipts, 1);
        QCOMPARE(hidden, 1);
        const auto none = store().changesSince(m_bob, cursor, 10);
        QVERIFY(none.value.messages.isEmpty() && none.value.receipts.isEmpty());
        QCOMPARE(none.value.rev, cursor);
    }

    void reopeningKeepsDataVersionAndRevisions()
    {
        const auto m = send(m_alice, m_bob, QStringLiteral("persist")).message;
        const int version = store().schemaVersion();
        QVERIFY(version >= 1);
        m_store.reset();
        m_store = m_db->newStore();
        QVERIFY(store().open().ok());
        QCOMPARE(store().schemaVersion(), version);
        QCOMPARE(store().message(m.id).value.content, QStringLiteral("persist"));
        // The revision counter continues after the highest stored rev.
        const auto next = send(m_bob, m_alice, QStringLiteral("after")).message;
        QVERIFY(next.rev > m.rev);
    }

    void appendThroughputInBatches()
    {
        // A figure for the log, not a timed assertion.
        QElapsedTimer timer;
        timer.start();
        constexpr int kBatches = 50, kBatch = 100;
        for (int b = 0; b < kBatches; ++b) {
            QList<NewMessage> batch;
            for (int i = 0; i < kBatch; ++i)
                batch.append({i % 2 ? m_alice : m_bob, 0, i % 2 ? m_bob : m_alice,
                              QUuid::createUuid(), QStringLiteral("x").repeated(64), m_now});
            for (const auto &r : store().appendMessages(batch))
                QVERIFY(r.ok());
        }
        qInfo("%s: appended %d messages in %lld ms (%.0f msg/s, batches of %d)",
              qPrintable(m_db->backend()), kBatches * kBatch, timer.elapsed(),
              kBatches * kBatch * 1000.0 / qMax<qint64>(1, timer.elapsed()), kBatch);
    }
};

QTEST_GUILESS_MAIN(TestChatStore)
#include "tst_chatstore.moc"
