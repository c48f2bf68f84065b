// MessageWriter: batches stored on a thread of their own over a second connection
// (ChatStore::sibling()), beside writes on the first. Built once per backend.
#include "messagewriter.h"
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QSet>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::server;

class TestMessageWriter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    std::unique_ptr<ChatStore> m_store;
    qint64 m_alice = 0, m_bob = 0, m_carol = 0;
    qint64 m_now = 1764000000000;

    QList<NewMessage> batch(qint64 from, qint64 to, int count)
    {
        QList<NewMessage> out;
        for (int i = 0; i < count; ++i) {
            NewMessage n;
            n.senderId = from;
            n.recipientId = to;
            n.clientId = QUuid::createUuid();
            n.content = QStringLiteral("message %1").arg(i);
            n.createdAt = ++m_now;
            out.append(n);
        }
        return out;
    }

    std::unique_ptr<MessageWriter> startedWriter()
    {
        auto sibling = m_store->sibling();
        if (!sibling)
            return nullptr;
        auto writer = std::make_unique<MessageWriter>(std::move(sibling));
        const auto started = writer->start();
        if (!started.ok()) {
            qWarning("writer did not start: %s", qPrintable(started.detail));
            return nullptr;
        }
        return writer;
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
        const auto opened = m_store->open();
        QVERIFY2(opened.ok(), qPrintable(opened.detail));
        m_alice = storetest::makeUser(*m_store, QStringLiteral("alice"), m_now);
        m_bob = storetest::makeUser(*m_store, QStringLiteral("bob"), m_now);
        m_carol = storetest::makeUser(*m_store, QStringLiteral("carol"), m_now);
    }

    void cleanup()
    {
        m_store.reset();
        m_db->drop();
    }

    void aBatchIsAnsweredOnTheEventLoopAndReadableAfter()
    {
        const auto writer = startedWriter();
        QVERIFY(writer);
        QList<StoreResult<AppendedMessage>> results;
        bool written = false;
        writer->write(batch(m_alice, m_bob, 3), [&](const MessageWriter::Results &r, bool) {
            results = r;
            written = true;
        });
        QVERIFY(writer->busy());
        QVERIFY(!written); // never from inside write()
        QTRY_VERIFY(written);
        QVERIFY(!writer->busy());
        QCOMPARE(results.size(), 3);
        for (const auto &r : results)
            QVERIFY2(r.ok(), qPrintable(r.detail));
        QVERIFY(results[0].value.message.id < results[1].value.message.id);
        QVERIFY(results[1].value.message.id < results[2].value.message.id);
        // Committed before the answer: the first connection reads them.
        const auto history =
            m_store->history(m_alice, results[0].value.message.conversationId, 0, 10);
        QVERIFY2(history.ok(), qPrintable(history.detail));
        QCOMPARE(history.value.size(), 3);
        QCOMPARE(history.value.first().id, results[2].value.message.id);
    }

    void revisionsStayUniqueAcrossBothConnections()
    {
        const auto writer = startedWriter();
        QVERIFY(writer);
        // A conversation of carol's with alice, on the first connection.
        const auto first = storetest::sendMessage(*m_store, m_carol, m_alice, "hi", ++m_now);
        QSet<qint64> revs{first.message.rev};
        qint64 lastAliceBob = 0;
        qint64 conversation = 0;
        for (int round = 0; round < 20; ++round) {
            bool written = false;
            writer->write(batch(m_alice, m_bob, 5), [&](const MessageWriter::Results &r, bool) {
                for (const auto &one : r) {
                    QVERIFY2(one.ok(), qPrintable(one.detail));
                    QVERIFY2(!revs.contains(one.value.message.rev), "a revision handed out twice");
                    revs.insert(one.value.message.rev);
                    lastAliceBob = one.value.message.id;
                    conversation = one.value.message.conversationId;
                }
                written = true;
            });
            // Meanwhile, changes on the first connection take revisions too.
            const auto sent = storetest::sendMessage(
                *m_store, m_carol, m_alice, QStringLiteral("round %1").arg(round), ++m_now);
            QVERIFY2(!revs.contains(sent.message.rev), "a revision handed out twice");
            revs.insert(sent.message.rev);
            if (lastAliceBob > 0) {
                const auto read = m_store->markRead(conversation, m_bob, lastAliceBob);
                QVERIFY2(read.ok(), qPrintable(read.detail));
                QVERIFY(read.value);
                QVERIFY2(!revs.contains(read.value->rev), "a revision handed out twice");
                revs.insert(read.value->rev);
            }
            QTRY_VERIFY(written);
        }
        QCOMPARE(revs.size(), 1 + 20 * 5 + 20 + 19);
        // Sync from any point brings exactly the changes after it: none hidden by a revision
        // taken on the other connection.
        const auto all = m_store->changesSince(m_alice, 0, 1000);
        QVERIFY2(all.ok(), qPrintable(all.detail));
        QCOMPARE(all.value.messages.size(), 1 + 20 * 5 + 20);
        const qint64 middle = all.value.messages[60].rev;
        const auto later = m_store->changesSince(m_alice, middle, 1000);
        QVERIFY(later.ok());
        qsizetype expected = 0;
        for (const Message &m : all.value.messages)
            expected += m.rev > middle ? 1 : 0;
        QCOMPARE(later.value.messages.size(), expected);
    }

    void batchesWaitingTogetherAreStoredInOneCommitAndAnsweredInOrder()
    {
        auto sibling = m_store->sibling();
        QVERIFY(sibling);
        MessageWriter writer(std::move(sibling));
        QList<qint64> ids;
        QList<int> answered;
        QList<bool> lastOfCommit;
        const auto collect = [&](int which) {
            return [&, which](const MessageWriter::Results &r, bool last) {
                answered.append(which);
                lastOfCommit.append(last);
                for (const auto &one : r)
                    ids.append(one.ok() ? one.value.message.id : -1);
            };
        };
        // Handed over before the thread starts: all three wait for its first transaction, as
        // sends do that arrive while a commit is under way. The empty one (refusals only)
        // keeps its place in line.
        writer.write(batch(m_alice, m_bob, 3), collect(1));
        writer.write({}, collect(2));
        writer.write(batch(m_bob, m_alice, 2), collect(3));
        QCOMPARE(writer.outstanding(), 3);
        QCOMPARE(writer.waiting(), 5);
        const auto started = writer.start();
        QVERIFY2(started.ok(), qPrintable(started.detail));
        QTRY_COMPARE(answered.size(), 3);
        QCOMPARE(answered, QList<int>({1, 2, 3}));
        QCOMPARE(lastOfCommit, QList<bool>({false, false, true}));
        QCOMPARE(writer.waiting(), 0);
        QVERIFY(!writer.busy());
        QCOMPARE(ids.size(), 5);
        for (qsizetype i = 1; i < ids.size(); ++i)
            QVERIFY(ids[i - 1] > 0 && ids[i - 1] < ids[i]);
        // One handed over alone is a commit of its own.
        writer.write(batch(m_alice, m_bob, 1), collect(4));
        QTRY_COMPARE(answered.size(), 4);
        QCOMPARE(lastOfCommit.last(), true);
    }

    void waitDeliversTheBatchInHandAtOnce()
    {
        const auto writer = startedWriter();
        QVERIFY(writer);
        int written = 0;
        writer->write(batch(m_alice, m_bob, 2),
                      [&](const MessageWriter::Results &r, bool) { written = int(r.size()); });
        writer->wait();
        QCOMPARE(written, 2);
        QVERIFY(!writer->busy());
        // The call still queued for that batch finds nothing to deliver.
        QTest::qWait(20);
        QCOMPARE(written, 2);
    }

    void aBatchInHandIsStoredBeforeTheWriterStops()
    {
        auto writer = startedWriter();
        QVERIFY(writer);
        bool written = false;
        writer->write(batch(m_bob, m_alice, 4),
                      [&](const MessageWriter::Results &, bool) { written = true; });
        writer->write(batch(m_alice, m_bob, 3),
                      [&](const MessageWriter::Results &, bool) { written = true; });
        writer.reset(); // no event loop ran: the thread had them, or had not even taken them
        QVERIFY(!written);
        const auto changes = m_store->changesSince(m_alice, 0, 100);
        QVERIFY2(changes.ok(), qPrintable(changes.detail));
        QCOMPARE(changes.value.messages.size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestMessageWriter)
#include "tst_messagewriter.moc"
