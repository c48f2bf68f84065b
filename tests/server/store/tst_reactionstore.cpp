// Replies and reactions in the store (chatstore.h), built once per backend: the reply row and
// its quote on every read, reactions set and cleared (one row per message, user and emoji, a
// new rev per change), and what a deleted message shows.
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::server;

class TestReactionStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    std::unique_ptr<ChatStore> m_store;
    qint64 m_alice = 0, m_bob = 0;
    qint64 m_now = 1764000000000;

    ChatStore &store() { return *m_store; }
    AppendedMessage send(qint64 from, qint64 to, const QString &text, qint64 replyTo = 0)
    {
        NewMessage n;
        n.senderId = from;
        n.recipientId = to;
        n.clientId = QUuid::createUuid();
        n.content = text;
        n.createdAt = ++m_now;
        n.replyTo = replyTo;
        const auto r = store().appendMessages({n});
        if (r.size() != 1 || !r.first().ok())
            qFatal("append failed");
        return r.first().value;
    }
    Message fromHistory(qint64 user, qint64 conversation, qint64 id)
    {
        for (const Message &m : store().history(user, conversation, 0, 50).value) {
            if (m.id == id)
                return m;
        }
        return {};
    }
    static QString thumbs() { return QStringLiteral("\U0001F44D"); }

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
        QVERIFY(store().schemaVersion() >= 6); // replies and reactions (6) and later
        m_alice = storetest::makeUser(store(), QStringLiteral("alice"), m_now);
        m_bob = storetest::makeUser(store(), QStringLiteral("bob"), m_now);
    }
    void cleanup()
    {
        m_store.reset();
        m_db->drop();
    }

    void replyKeepsItsQuoteOnEveryRead()
    {
        // 150 characters outside ASCII: the quote is the first 100 characters, not bytes.
        const QString text = QString(150, QChar(0xE9));
        const Message original = send(m_alice, m_bob, text).message;
        const Message plain = send(m_bob, m_alice, QStringLiteral("no reply")).message;
        const Message r = send(m_bob, m_alice, QStringLiteral("answer"), original.id).message;
        QVERIFY(r.replyTo.has_value());
        const ReplyQuote expected{original.id, m_alice, QString(100, QChar(0xE9)), false};
        QCOMPARE(*r.replyTo, expected);
        QVERIFY(!plain.replyTo.has_value());
        QCOMPARE(fromHistory(m_alice, r.conversationId, r.id).replyTo, expected);
        QCOMPARE(
            store().historyAfter(m_alice, r.conversationId, plain.id, 10).value.first().replyTo,
            expected);
        QCOMPARE(store().message(r.id).value.replyTo, expected);
        const auto changes = store().changesSince(m_alice, 0, 100);
        QVERIFY(changes.ok());
        QCOMPARE(changes.value.messages.last().replyTo, expected);

        // Deleted for everyone afterwards: the quote says so, without the text.
        QVERIFY(store().deleteForEveryone(original.id, ++m_now).ok());
        const ReplyQuote gone{original.id, m_alice, QString(), true};
        QCOMPARE(fromHistory(m_bob, r.conversationId, r.id).replyTo, gone);
    }

    void reactionsToggleWithOneRowPerUserAndEmoji()
    {
        const Message m = send(m_alice, m_bob, QStringLiteral("party")).message;
        auto set = store().setReaction(m_bob, m.id, thumbs(), true, ++m_now);
        QVERIFY(set.ok() && set.value.changed);
        QVERIFY(set.value.message.rev > m.rev);
        QCOMPARE(set.value.message.reactions, (QList<ReactionGroup>{{thumbs(), {m_bob}}}));

        // Twice: no change, no new rev.
        const auto again = store().setReaction(m_bob, m.id, thumbs(), true, ++m_now);
        QVERIFY(again.ok() && !again.value.changed);
        QCOMPARE(again.value.message.rev, set.value.message.rev);

        // Another user and another emoji: kept in the fixed set's order, users ascending.
        const QString party = QStringLiteral("\U0001F389");
        QVERIFY(store().setReaction(m_bob, m.id, party, true, ++m_now).value.changed);
        QVERIFY(store().setReaction(m_alice, m.id, thumbs(), true, ++m_now).value.changed);
        const QList<ReactionGroup> both{{thumbs(), {m_alice, m_bob}}, {party, {m_bob}}};
        QCOMPARE(fromHistory(m_alice, m.conversationId, m.id).reactions, both);

        // Sync brings the message again, with its reactions.
        const qint64 before = store().message(m.id).value.rev;
        QVERIFY(store().setReaction(m_bob, m.id, party, false, ++m_now).value.changed);
        const auto changes = store().changesSince(m_alice, before, 100);
        QCOMPARE(changes.value.messages.size(), 1);
        QCOMPARE(changes.value.messages.first().reactions,
                 (QList<ReactionGroup>{{thumbs(), {m_alice, m_bob}}}));

        // Clearing what is not set changes nothing.
        QVERIFY(!store().setReaction(m_bob, m.id, party, false, ++m_now).value.changed);

        // A tombstone shows none.
        const auto tombstone = store().deleteForEveryone(m.id, ++m_now);
        QVERIFY(tombstone.ok());
        QVERIFY(tombstone.value.reactions.isEmpty());
        QVERIFY(fromHistory(m_bob, m.conversationId, m.id).reactions.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReactionStore)
#include "tst_reactionstore.moc"
