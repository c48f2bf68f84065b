// What only PostgresStore does, on the live server named by NATTER_TEST_POSTGRES_URL: several
// stores (server processes) writing one database while another syncs, migrating together,
// surviving a dropped connection, naming a missing database. The shared store contract is
// tst_chatstore.cpp (tst_store_postgres).
#include "migrations.h"
#include "postgresdialect.h"
#include "postgresstore.h"
#include "postgresurl.h"
#include "sqlconnection.h"
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QtTest>

#include <memory>
#include <vector>

using namespace natter;
using namespace natter::server;

class TestPostgresStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    QSqlDatabase m_admin; // the test's own connection, for what a store never does
    qint64 m_now = 1764000000000;

    QString baseUrl() const { return qEnvironmentVariable("NATTER_TEST_POSTGRES_URL"); }

    QString urlWith(const QString &schema, const QString &extra = {}) const
    {
        return baseUrl() + (baseUrl().contains(u'?') ? u'&' : u'?') + QStringLiteral("schema=") +
               schema + extra;
    }

    bool adminExec(QSqlQuery &q, const QString &sql, const QVariantList &values = {})
    {
        q = QSqlQuery(m_admin);
        // Only some statements can be prepared (DROP SCHEMA cannot).
        bool ok = false;
        if (values.isEmpty()) {
            ok = q.exec(sql);
        } else {
            q.prepare(sql);
            for (int i = 0; i < values.size(); ++i)
                q.bindValue(i, values[i]);
            ok = q.exec();
        }
        if (ok)
            return true;
        qWarning("admin query failed: %s", qPrintable(q.lastError().text()));
        return false;
    }

    // Pages through everything visible to `user` after *cursor; records each message id once
    // (a message may come again only in a later state, with a higher rev).
    bool syncAll(ChatStore &store, qint64 user, qint64 *cursor, QSet<qint64> *ids, QString *problem)
    {
        for (int pages = 0; pages < 10'000; ++pages) {
            const auto page = store.changesSince(user, *cursor, 7);
            if (!page.ok()) {
                *problem = QStringLiteral("changesSince failed: ") + page.detail;
                return false;
            }
            for (const Message &m : page.value.messages) {
                if (m.rev <= *cursor || m.rev > page.value.rev) {
                    *problem = QStringLiteral("rev %1 outside (%2, %3]")
                                   .arg(m.rev)
                                   .arg(*cursor)
                                   .arg(page.value.rev);
                    return false;
                }
                ids->insert(m.id);
            }
            *cursor = page.value.rev;
            if (!page.value.hasMore)
                return true;
        }
        *problem = QStringLiteral("sync never ended");
        return false;
    }

private slots:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_db->available(&why), qPrintable(why));
        const auto url = PostgresUrl::parse(baseUrl(), &why);
        QVERIFY2(url, qPrintable(why));
        m_admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tst-admin"));
        m_admin.setHostName(url->host);
        m_admin.setPort(url->port);
        m_admin.setDatabaseName(url->database);
        m_admin.setUserName(url->user);
        m_admin.setPassword(url->password);
        QVERIFY2(m_admin.open(), qPrintable(m_admin.lastError().text()));
        QSqlQuery q(m_admin);
        QVERIFY(adminExec(q, QStringLiteral("SET client_min_messages TO warning")));
    }

    void cleanupTestCase()
    {
        m_admin.close();
        m_admin = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("tst-admin"));
    }

    void init()
    {
        QString why;
        QVERIFY2(m_db->create(&why), qPrintable(why));
    }

    void cleanup() { m_db->drop(); }

    void concurrentWritersNeverHideAChangeFromSync()
    {
        auto reader = m_db->newStore();
        QVERIFY(reader->open().ok());
        const qint64 bob = storetest::makeUser(*reader, QStringLiteral("bob"), m_now);
        const QList<qint64> senders{storetest::makeUser(*reader, QStringLiteral("alice"), m_now),
                                    storetest::makeUser(*reader, QStringLiteral("carol"), m_now),
                                    storetest::makeUser(*reader, QStringLiteral("dave"), m_now)};

        // Each writer is its own store and connection, as another server process would be:
        // three send to bob, one marks bob's conversations delivered (receipts and messages
        // interleave in rev order, and sync reads them from different tables).
        constexpr int kBatches = 20, kBatch = 8;
        const qsizetype writers = senders.size();
        std::vector<QList<qint64>> acked(writers);
        std::vector<QString> errors(writers + 1);
        QAtomicInt running{int(writers)};
        std::vector<std::unique_ptr<QThread>> threads;
        for (qsizetype w = 0; w < writers; ++w) {
            threads.emplace_back(QThread::create([&, w] {
                auto store = m_db->newStore();
                if (const auto opened = store->open(); !opened.ok())
                    errors[w] = opened.detail;
                for (int b = 0; b < kBatches && errors[w].isEmpty(); ++b) {
                    QList<NewMessage> batch;
                    for (int i = 0; i < kBatch; ++i)
                        batch.append({senders[w], 0, bob, QUuid::createUuid(),
                                      QStringLiteral("w%1 b%2 m%3").arg(w).arg(b).arg(i), m_now});
                    for (const auto &r : store->appendMessages(batch)) {
                        if (r.ok())
                            acked[w].append(r.value.message.id);
                        else
                            errors[w] = r.detail;
                    }
                }
                store.reset();
                running.deref();
            }));
        }
        int receipts = 0;
        threads.emplace_back(QThread::create([&] {
            QString &error = errors[writers];
            auto store = m_db->newStore();
            if (const auto opened = store->open(); !opened.ok())
                error = opened.detail;
            while (running.loadAcquire() > 0 && error.isEmpty()) {
                const auto list = store->conversationsFor(bob);
                if (!list.ok())
                    error = list.detail;
                for (const Conversation &c : list.value) {
                    const auto moved = store->markDelivered(c.id, bob, c.lastMessage->id);
                    if (!moved.ok())
                        error = moved.detail;
                    else if (moved.value)
                        ++receipts;
                }
            }
        }));
        for (auto &thread : threads)
            thread->start();

        // Sync while they write: every page must be complete up to its cursor.
        qint64 cursor = 0;
        QSet<qint64> seen;
        QString problem;
        bool synced = true;
        int rounds = 0;
        while (running.loadAcquire() > 0 && synced) {
            synced = syncAll(*reader, bob, &cursor, &seen, &problem);
            ++rounds;
        }
        for (auto &thread : threads)
            QVERIFY(thread->wait(60'000));
        QVERIFY2(synced, qPrintable(problem));
        QVERIFY2(syncAll(*reader, bob, &cursor, &seen, &problem), qPrintable(problem));
        qInfo("%d sync rounds while %lld writers sent and %d receipts moved", rounds,
              qlonglong(writers), receipts);

        for (const QString &error : errors)
            QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<qint64> all;
        for (qsizetype w = 0; w < writers; ++w) {
            QCOMPARE(acked[w].size(), kBatches * kBatch);
            all.unite(QSet<qint64>(acked[w].begin(), acked[w].end()));
        }
        QCOMPARE(all.size(), writers * kBatches * kBatch);
        const QSet<qint64> missing = all - seen;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 of %2 acknowledged messages "
                                                              "never came through sync")
                                                   .arg(missing.size())
                                                   .arg(all.size())));
        QCOMPARE(seen.size(), all.size());

        // The shared counter handed out each rev once.
        QSqlQuery q(m_admin);
        QString error;
        const auto settings = PostgresUrl::parse(m_db->location(), &error);
        QVERIFY2(settings, qPrintable(error));
        QVERIFY(adminExec(q, QStringLiteral("SELECT COUNT(DISTINCT rev), COUNT(*) FROM "
                                            "(SELECT rev FROM %1.messages UNION ALL "
                                            "SELECT rev FROM %1.participants WHERE rev > 0) r")
                                 .arg(settings->schema)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), q.value(1).toLongLong());
    }

    // Another instance's writer, as the store's own connection runs one: a transaction that
    // took a rev and has not committed.
    std::unique_ptr<SqlConnection> openWriter(const QString &application)
    {
        auto writer = std::make_unique<SqlConnection>(std::make_unique<PostgresDialect>(
            m_db->location() + QStringLiteral("&application_name=") + application));
        const auto opened = writer->open();
        if (!opened.ok()) {
            qWarning("writer: %s", qPrintable(opened.detail));
            return {};
        }
        return writer;
    }

    static bool moveReadTo(SqlConnection &writer, qint64 conversation, qint64 user, qint64 upTo,
                           qint64 *rev)
    {
        *rev = writer.takeRev();
        bool ok = false;
        QSqlQuery &q = writer.exec(QStringLiteral("UPDATE participants SET read_up_to = ?, "
                                                  "delivered_up_to = ?, rev = ? "
                                                  "WHERE conversation_id = ? AND user_id = ?"),
                                   {upTo, upTo, *rev, conversation, user}, &ok);
        return *rev > 0 && ok && q.numRowsAffected() == 1;
    }

    void syncWaitsForAChangeCommittedAfterAHigherOne()
    {
        auto store = m_db->newStore();
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto first = storetest::sendMessage(*store, alice, bob, QStringLiteral("1"), m_now);
        const qint64 conversation = first.message.conversationId;
        qint64 cursor = 0;
        auto page = store->changesSince(bob, cursor, 100);
        QVERIFY(page.ok());
        QCOMPARE(page.value.rev, first.message.rev);
        cursor = page.value.rev;

        // Bob's receipt takes rev r1 on another connection and stays uncommitted...
        auto writer = openWriter(QStringLiteral("natter_late"));
        QVERIFY(writer);
        QVERIFY(writer->beginWrite(SqlConnection::WriteMode::Concurrent));
        qint64 late = 0;
        QVERIFY(moveReadTo(*writer, conversation, bob, first.message.id, &late));
        // ... while a message takes a higher rev and commits (without waiting for it).
        const auto second = storetest::sendMessage(*store, alice, bob, QStringLiteral("2"), m_now);
        QVERIFY(second.message.rev > late);

        // A sync now must not answer past the receipt: a cursor at the message's rev would
        // never see it.
        page = store->changesSince(bob, cursor, 100);
        QVERIFY2(page.ok(), qPrintable(page.detail));
        QVERIFY(page.value.rev < late);
        QVERIFY(page.value.messages.isEmpty());
        QVERIFY(page.value.receipts.isEmpty());
        cursor = page.value.rev;

        QVERIFY(writer->commit());
        page = store->changesSince(bob, cursor, 100);
        QVERIFY2(page.ok(), qPrintable(page.detail));
        QCOMPARE(page.value.rev, second.message.rev);
        QCOMPARE(page.value.receipts.size(), 1);
        QCOMPARE(page.value.receipts[0].rev, late);
        QCOMPARE(page.value.messages.size(), 1);
        QCOMPARE(page.value.messages[0].id, second.message.id);
    }

    void aWriterThatNeverCommitsHoldsSyncBackOnlyWhileItLives()
    {
        auto store = m_db->newStore();
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto first = storetest::sendMessage(*store, alice, bob, QStringLiteral("1"), m_now);
        const qint64 conversation = first.message.conversationId;

        // Rolled back: its rev is a gap, and sync goes past it at once.
        auto writer = openWriter(QStringLiteral("natter_gone"));
        QVERIFY(writer);
        QVERIFY(writer->beginWrite(SqlConnection::WriteMode::Concurrent));
        qint64 gap = 0;
        QVERIFY(moveReadTo(*writer, conversation, bob, first.message.id, &gap));
        writer->rollback();
        const auto second = storetest::sendMessage(*store, alice, bob, QStringLiteral("2"), m_now);
        auto page = store->changesSince(bob, 0, 100);
        QVERIFY(page.ok());
        QCOMPARE(page.value.rev, second.message.rev);

        // Its connection lost mid-transaction (a server killed): held back until PostgreSQL
        // ends the transaction, then no more.
        QVERIFY(writer->beginWrite(SqlConnection::WriteMode::Concurrent));
        QVERIFY(moveReadTo(*writer, conversation, bob, first.message.id, &gap));
        const auto third = storetest::sendMessage(*store, alice, bob, QStringLiteral("3"), m_now);
        page = store->changesSince(bob, second.message.rev, 100);
        QVERIFY(page.ok());
        QVERIFY(page.value.messages.isEmpty());
        QSqlQuery q(m_admin);
        QVERIFY(
            adminExec(q, QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE application_name = 'natter_gone'")));
        QTRY_VERIFY(adminExec(q, QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity "
                                                "WHERE application_name = 'natter_gone'")) &&
                    q.next() && q.value(0).toInt() == 0);
        page = store->changesSince(bob, second.message.rev, 100);
        QVERIFY(page.ok());
        QCOMPARE(page.value.rev, third.message.rev);
        QCOMPARE(page.value.messages.size(), 1);
        QVERIFY(page.value.receipts.isEmpty()); // the lost receipt was never committed
    }

    void aReceiptMovedByABatchGetsARevAboveTheChangeItWaitedFor()
    {
        auto store = m_db->newStore();
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto first = storetest::sendMessage(*store, alice, bob, QStringLiteral("1"), m_now);
        const qint64 conversation = first.message.conversationId;

        // Another instance holds bob's receipt...
        auto holder = openWriter(QStringLiteral("natter_holder"));
        QVERIFY(holder);
        QVERIFY(holder->beginWrite(SqlConnection::WriteMode::Concurrent));
        bool ok = false;
        holder->exec(QStringLiteral("SELECT 1 FROM participants WHERE conversation_id = ? "
                                    "AND user_id = ? FOR UPDATE"),
                     {conversation, bob}, &ok);
        QVERIFY(ok);
        // ... while a batch, its revs already taken, waits to mark bob's message delivered.
        QList<StoreResult<AppendedMessage>> results;
        QString error;
        std::unique_ptr<QThread> batch(QThread::create([&] {
            PostgresStore writer(m_db->location() +
                                 QStringLiteral("&application_name=natter_batch"));
            if (const auto opened = writer.open(); !opened.ok()) {
                error = opened.detail;
                return;
            }
            NewMessage m{alice, 0, bob, QUuid::createUuid(), QStringLiteral("2"), m_now};
            m.markDelivered = true;
            results = writer.appendMessages({m});
        }));
        batch->start();
        QSqlQuery q(m_admin);
        QTRY_VERIFY(adminExec(q, QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE "
                                                "application_name = 'natter_batch' "
                                                "AND wait_event_type = 'Lock'")) &&
                    q.next() && q.value(0).toInt() == 1);
        // The holder moves the receipt with a rev above all of the batch's, and commits.
        qint64 held = 0;
        QVERIFY(moveReadTo(*holder, conversation, bob, first.message.id, &held));
        QVERIFY(holder->commit());
        QVERIFY(batch->wait(30'000));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(results.size(), 1);
        QVERIFY2(results[0].ok(), qPrintable(results[0].detail));
        QVERIFY(results[0].value.message.rev < held);
        // The batch's newer state (delivered up to its message) must not carry an older rev:
        // a client keeps the state with the higher rev.
        QVERIFY(results[0].value.delivered);
        const auto stored = store->receiptOf(conversation, bob);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value.deliveredUpTo, results[0].value.message.id);
        QVERIFY(stored.value.rev > held);
        QCOMPARE(results[0].value.delivered->rev, stored.value.rev);
    }

    void storesStartingTogetherMigrateOnce()
    {
        // A schema nobody created yet: the stores create it and migrate it at the same time.
        const QString schema =
            QStringLiteral("natter_test_%1_together").arg(QCoreApplication::applicationPid());
        QSqlQuery q(m_admin);
        QVERIFY(adminExec(q, QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema)));

        constexpr int kStores = 4;
        QSemaphore ready, go;
        std::vector<QString> errors(kStores);
        std::vector<int> versions(kStores);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < kStores; ++i) {
            threads.emplace_back(QThread::create([&, i] {
                PostgresStore store(urlWith(schema));
                ready.release();
                go.acquire();
                const auto opened = store.open();
                errors[i] = opened.detail;
                versions[i] = store.schemaVersion();
            }));
            threads.back()->start();
        }
        ready.acquire(kStores);
        go.release(kStores);
        for (auto &thread : threads)
            QVERIFY(thread->wait(60'000));

        const int latest = Migrations::latestVersion(QStringLiteral("postgresql"));
        for (int i = 0; i < kStores; ++i) {
            QVERIFY2(errors[i].isEmpty(), qPrintable(errors[i]));
            QCOMPARE(versions[i], latest);
        }
        QVERIFY(adminExec(
            q, QStringLiteral("SELECT COUNT(*), MAX(version) FROM %1.schema_version").arg(schema)));
        QVERIFY(q.next());
        // One row per migration (numbers may skip one): each applied once.
        const auto migrations = QDir(QStringLiteral(":/natter/sql/postgresql")).entryList();
        QCOMPARE(q.value(0).toInt(), int(migrations.size()));
        QCOMPARE(q.value(1).toInt(), latest);
        // Version 7: no pending list on the search index (its merges stalled the writer).
        QVERIFY(
            adminExec(q,
                      QStringLiteral("SELECT array_to_string(c.reloptions, ',') FROM pg_class c "
                                     "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                     "WHERE n.nspname = ? AND c.relname = ?"),
                      {schema, QStringLiteral("message_search_words")}));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("fastupdate=off"));
        QVERIFY(adminExec(q, QStringLiteral("DROP SCHEMA %1 CASCADE").arg(schema)));
    }

    void messagesAndSearchRowsNeverPointNowhere()
    {
        // Version 9 dropped the foreign keys of a new message's rows (each was a locking query
        // per row); what they guarded must still hold. A batch with a new conversation, a known
        // one, a resend and a send to nobody; then one that fails as a whole and rolls back.
        const QString schema =
            QStringLiteral("natter_test_%1_orphans").arg(QCoreApplication::applicationPid());
        QSqlQuery q(m_admin);
        QVERIFY(adminExec(q, QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema)));
        {
            PostgresStore store(urlWith(schema));
            const auto opened = store.open();
            QVERIFY2(opened.ok(), qPrintable(opened.detail));
            const auto [alice, bob] = storetest::makeAliceAndBob(store, m_now);
            const qint64 carol = storetest::makeUser(store, QStringLiteral("carol"), m_now);
            storetest::sendMessage(store, alice, bob, QStringLiteral("first"), ++m_now);
            QList<NewMessage> batch;
            const auto add = [&](qint64 from, qint64 to, const QString &text, QUuid id = {}) {
                NewMessage n;
                n.senderId = from;
                n.recipientId = to;
                n.clientId = id.isNull() ? QUuid::createUuid() : id;
                n.content = text;
                n.createdAt = ++m_now;
                batch.append(n);
            };
            const QUuid again = QUuid::createUuid();
            add(bob, alice, QStringLiteral("known conversation"), again);
            add(alice, carol, QStringLiteral("new conversation"));
            add(bob, alice, QStringLiteral("known conversation"), again); // a resend
            add(carol, 999'999, QStringLiteral("to nobody"));
            const auto results = store.appendMessages(batch);
            QCOMPARE(results.size(), 4);
            QVERIFY(results[0].ok() && results[1].ok() && results[2].ok());
            QVERIFY(results[2].value.duplicate);
            QVERIFY(!results[3].ok());
            // From a user who does not exist: the new conversation's own foreign keys (kept)
            // refuse it, and the batch rolls back.
            QList<NewMessage> failing;
            NewMessage n = batch[1];
            n.clientId = QUuid::createUuid();
            n.senderId = 999'998; // no such user: nothing may be written for it
            failing.append(n);
            for (const auto &r : store.appendMessages(failing))
                QVERIFY(!r.ok());
        }
        QVERIFY(adminExec(
            q, QStringLiteral("SELECT (SELECT COUNT(*) FROM %1.messages), "
                              "(SELECT COUNT(*) FROM %1.messages m LEFT JOIN %1.users u ON "
                              "u.id = m.sender_id WHERE u.id IS NULL), "
                              "(SELECT COUNT(*) FROM %1.messages m LEFT JOIN %1.conversations c "
                              "ON c.id = m.conversation_id WHERE c.id IS NULL), "
                              "(SELECT COUNT(*) FROM %1.message_search s LEFT JOIN %1.messages m "
                              "ON m.id = s.message_id WHERE m.id IS NULL), "
                              "(SELECT COUNT(*) FROM %1.message_search)")
                   .arg(schema)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QCOMPARE(q.value(1).toInt(), 0); // messages from no user
        QCOMPARE(q.value(2).toInt(), 0); // messages in no conversation
        QCOMPARE(q.value(3).toInt(), 0); // search rows of no message
        QCOMPARE(q.value(4).toInt(), 3);
        QVERIFY(adminExec(q, QStringLiteral("DROP SCHEMA %1 CASCADE").arg(schema)));
    }

    void reconnectsAfterTheServerDropsTheConnection()
    {
        const QString application =
            QStringLiteral("natter_reconnect_%1").arg(QCoreApplication::applicationPid());
        PostgresStore store(m_db->location() + QStringLiteral("&application_name=") + application);
        QVERIFY(store.open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(store, m_now);
        const auto before = storetest::sendMessage(store, alice, bob, QStringLiteral("1"), m_now);

        // As when the server restarts: the store's backend goes away under it.
        QSqlQuery q(m_admin);
        QVERIFY(adminExec(q,
                          QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                         "WHERE application_name = ?"),
                          {application}));
        QVERIFY(q.next() && q.value(0).toBool());
        QTRY_VERIFY(adminExec(q,
                              QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity "
                                             "WHERE application_name = ?"),
                              {application}) &&
                    q.next() && q.value(0).toInt() == 0);

        // The call that finds the connection gone may fail, as retryable; the next one works
        // on a new connection, in the same schema.
        const auto first = store.userByName(QStringLiteral("alice"));
        if (!first.ok())
            QCOMPARE(first.failure, StoreFailure::Unavailable);
        const auto again = store.userByName(QStringLiteral("alice"));
        QVERIFY2(again.ok(), qPrintable(again.detail));
        QCOMPARE(again.value.id, alice);
        const auto after = storetest::sendMessage(store, alice, bob, QStringLiteral("2"), m_now);
        QVERIFY(after.message.rev > before.message.rev);
    }

    void missingDatabaseIsNamedInTheError()
    {
        QUrl url(baseUrl());
        url.setPath(QStringLiteral("/natter_no_such_database"));
        PostgresStore store(url.toString());
        const auto opened = store.open();
        QCOMPARE(opened.failure, StoreFailure::Unavailable);
        QVERIFY2(opened.detail.contains(QStringLiteral("/natter_no_such_database")) &&
                     opened.detail.contains(QStringLiteral("does not exist")),
                 qPrintable(opened.detail));
    }
};

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
