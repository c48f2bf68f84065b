// What only SqliteStore does; the shared store contract is tst_chatstore.cpp.
#include "migrations.h"
#include "sqlitestore.h"
#include "sqlitestorefile.h"
#include "storetesthelpers.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

#include <sys/resource.h>

using namespace natter;
using namespace natter::server;

class TestSqliteStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    qint64 m_now = 1764000000000;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("natter.db")); }

private slots:
    // A database of schema version 3 (before the search index) with messages in it: the
    // upgrade indexes them at open, in batches, and a deleted one stays unfindable.
    void anUpgradedDatabaseIndexesItsMessagesAtOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("upgraded.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        QList<NewMessage> batch;
        for (int i = 0; i < 5010; ++i) // more than one backfill batch (5,000)
            batch.append(NewMessage{alice, 0, bob, QUuid::createUuid(),
                                    QStringLiteral("old note %1").arg(i), ++m_now});
        for (const auto &r : store->appendMessages(batch))
            QVERIFY(r.ok());
        const auto gone =
            storetest::sendMessage(*store, bob, alice, QStringLiteral("old secret"), ++m_now);
        QVERIFY(store->deleteForEveryone(gone.message.id, ++m_now).ok());
        store.reset();
        {
            // Back to version 3: no index, no backfill marker.
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE message_search")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_backfill")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_cursor")));   // version 8
            QVERIFY(q.exec(QStringLiteral("DROP TABLE message_replies"))); // version 6
            QVERIFY(q.exec(QStringLiteral("DROP TABLE reactions")));
            // And no files (version 5).
            QVERIFY(q.exec(QStringLiteral("DROP INDEX messages_by_file")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE messages DROP COLUMN file")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE messages DROP COLUMN file_id")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE uploads")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE files")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));

        store = std::make_unique<SqliteStore>(path);
        const auto reopened = store->open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.detail));
        QCOMPARE(store->schemaVersion(), Migrations::latestVersion(QStringLiteral("sqlite")));
        storetest::sendMessage(*store, bob, alice, QStringLiteral("new note"), ++m_now);
        ProtocolError error;
        SearchScope scope;
        scope.userId = bob;
        scope.limit = 50;
        scope.terms = *searchtext::parseQuery(QStringLiteral("note 4999"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1);
        scope.terms = *searchtext::parseQuery(QStringLiteral("note 5009"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1); // the second batch
        scope.terms = *searchtext::parseQuery(QStringLiteral("\"new note\""), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1);
        scope.terms = *searchtext::parseQuery(QStringLiteral("secret"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 0);
        // Opened again: nothing is indexed twice (a contentless index would then hold the
        // message twice and count it so).
        store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        scope.terms = *searchtext::parseQuery(QStringLiteral("note 17 "), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1);
    }

    // A database before version 7 has the first search index (a size record per message,
    // merges at 4 segments). Version 7 rebuilds it leaner: every message is found again, the
    // new table's options hold, and the rebuilt index stays consistent through an edit.
    void theFirstSearchIndexIsRebuiltLean()
    {
        const QString path = m_dir.filePath(QStringLiteral("firstindex.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto kept = storetest::sendMessage(*store, alice, bob,
                                                 QStringLiteral("printer on floor two"), ++m_now);
        store.reset();
        {
            // Version 6 with the first index, left empty: what the upgrade finds comes from
            // its rebuild.
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v4"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE message_search")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE VIRTUAL TABLE message_search USING fts5(conv, words, content = '', "
                "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")")));
            QVERIFY(q.exec(QStringLiteral("UPDATE search_backfill SET done_up_to = up_to")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_cursor"))); // version 8
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 6")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v4"));

        store = std::make_unique<SqliteStore>(path);
        const auto reopened = store->open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.detail));
        ProtocolError error;
        SearchScope scope;
        scope.userId = bob;
        scope.limit = 50;
        scope.terms = *searchtext::parseQuery(QStringLiteral("printer"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1);
        QVERIFY(store->editMessage(kept.message.id, QStringLiteral("scanner on floor two"), ++m_now)
                    .ok());
        QCOMPARE(store->search(scope).value.messages.size(), 0);
        scope.terms = *searchtext::parseQuery(QStringLiteral("scanner"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1);
        store.reset();

        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v7"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'message_search'")));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toString().contains(QStringLiteral("columnsize = 0")),
                     qPrintable(q.value(0).toString()));
            QVERIFY(q.exec(
                QStringLiteral("SELECT v FROM message_search_config WHERE k = 'automerge'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 8);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("v7"));
    }

    // New messages wait for a step of the search index (schema 8) until kSearchStep (500) of
    // them do: then the batch that reaches that many indexes them all in its transaction,
    // and the cursor says so.
    void theSearchIndexTakesAStepOnceEnoughMessagesWait()
    {
        const QString path = m_dir.filePath(QStringLiteral("steps.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto cursor = [&path]() {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("look"));
            db.setDatabaseName(path);
            qint64 at = -1;
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT indexed_up_to FROM search_cursor")) && q.next())
                    at = q.value(0).toLongLong();
            }
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("look"));
            return at;
        };
        const qint64 start = cursor();
        QVERIFY(start >= 0);
        const auto sendSome = [&](int n) {
            QList<NewMessage> batch;
            for (int i = 0; i < n; ++i)
                batch.append(NewMessage{alice, 0, bob, QUuid::createUuid(),
                                        QStringLiteral("waiting %1").arg(i), ++m_now});
            qint64 newest = 0;
            for (const auto &r : store->appendMessages(batch))
                newest = qMax(newest, r.value.message.id);
            return newest;
        };
        sendSome(499);
        QCOMPARE(cursor(), start); // not yet
        const qint64 newest = sendSome(2);
        QCOMPARE(cursor(), newest);
    }

    void onlyADatabaseFileHasASecondConnection()
    {
        // Each connection to :memory: is a database of its own: no writer beside it.
        QVERIFY(!SqliteStore(QStringLiteral(":memory:")).sibling());
        QTemporaryDir dir;
        QVERIFY(SqliteStore(dir.filePath(QStringLiteral("natter.db"))).sibling());
    }

    void readOnlyDatabaseGivesUnavailableNotACrash()
    {
        auto store = std::make_unique<SqliteStore>(dbPath());
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto sent =
            storetest::sendMessage(*store, alice, bob, QStringLiteral("before"), m_now).message;
        store.reset();

        QFile::setPermissions(dbPath(), QFile::ReadOwner);
        auto readOnly = std::make_unique<SqliteStore>(dbPath());
        const bool opened = readOnly->open().ok();
        if (opened) {
            NewMessage n{alice, 0, bob, QUuid::createUuid(), QStringLiteral("x"), m_now};
            const auto r = readOnly->appendMessages({n});
            // Root ignores file permissions; only assert when the write really failed.
            if (!r.first().ok())
                QCOMPARE(r.first().failure, StoreFailure::Unavailable);
        }
        readOnly.reset();
        QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner);
        store = std::make_unique<SqliteStore>(dbPath());
        QVERIFY(store->open().ok());
        QCOMPARE(store->message(sent.id).value.content, QStringLiteral("before"));
    }

    // The file deleted under a running store: nothing more may be acknowledged into the
    // unlinked inode (it is gone at the next restart).
    void deletedDatabaseFileRefusesWrites()
    {
        const QString path = m_dir.filePath(QStringLiteral("deleted.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        QVERIFY(QFile::remove(path));

        const auto user = store->createUser(QStringLiteral("carol"), "hash", m_now);
        QVERIFY(!user.ok());
        QCOMPARE(user.failure, StoreFailure::Unavailable);
        QVERIFY2(user.detail.contains(QLatin1String("was deleted or replaced")),
                 qPrintable(user.detail));
        NewMessage n{alice, 0, bob, QUuid::createUuid(), QStringLiteral("lost"), m_now};
        const auto sent = store->appendMessages({n});
        QVERIFY(!sent.first().ok());
        QCOMPARE(sent.first().failure, StoreFailure::Unavailable);
        QVERIFY2(sent.first().detail.contains(path), qPrintable(sent.first().detail));
        const auto token = store->addToken(alice, "token", m_now, m_now + 1000);
        QCOMPARE(token.failure, StoreFailure::Unavailable);
        // Reads still answer from the open file.
        QVERIFY(store->userByName(QStringLiteral("alice")).ok());
    }

    // SQLite's texts for a full disk name no cause; ours say how much space is left where.
    void fullDiskFailuresNameTheFreeSpace()
    {
        using natter::server::sqlitefile::describeFailure;
        QCOMPARE(describeFailure(13, QStringLiteral("database or disk is full"),
                                 QStringLiteral("/var/lib/natter"), 4096),
                 QStringLiteral("disk full: 4096 bytes free on /var/lib/natter "
                                "(database or disk is full)"));
        // SQLITE_IOERR_WRITE (an extended code) on a nearly full disk.
        QCOMPARE(describeFailure(778, QStringLiteral("disk I/O error"), QStringLiteral("/d"), 0),
                 QStringLiteral("disk full: 0 bytes free on /d (disk I/O error)"));
        QCOMPARE(describeFailure(10, QStringLiteral("disk I/O error"), QStringLiteral("/d"),
                                 qint64(5) << 30),
                 QStringLiteral("disk I/O error (5368709120 bytes free on /d)"));
        // Not a disk error: as SQLite said it.
        QCOMPARE(describeFailure(19, QStringLiteral("UNIQUE constraint failed"),
                                 QStringLiteral("/d"), 0),
                 QStringLiteral("UNIQUE constraint failed"));
    }

    // A commit whose WAL write fails (here: the file size limit, as a full disk would) reports
    // that failure, not the "cannot rollback - no transaction is active" of the rollback after.
    void failedCommitReportsItsCause()
    {
        const QString path = m_dir.filePath(QStringLiteral("full.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        QList<NewMessage> batch;
        for (int i = 0; i < 500; ++i)
            batch.append(NewMessage{alice, 0, bob, QUuid::createUuid(),
                                    QString(4000, QLatin1Char('a' + i % 26)), m_now});

        rlimit saved = {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previous = std::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a signal
        rlimit tight = saved;
        tight.rlim_cur = rlim_t(QFileInfo(path).size() + QFileInfo(path + "-wal").size() + 65536);
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &tight), 0);
        const auto results = store->appendMessages(batch);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);

        QCOMPARE(results.size(), batch.size());
        QVERIFY(!results.first().ok());
        QCOMPARE(results.first().failure, StoreFailure::Unavailable);
        const QString detail = results.first().detail;
        QVERIFY2(!detail.contains(QLatin1String("no transaction is active")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("bytes free on ") + m_dir.path()),
                 qPrintable(detail));
        // Nothing of the batch was stored, and the store writes again once there is room.
        QVERIFY(!store->message(1).ok());
        QVERIFY(
            storetest::sendMessage(*store, alice, bob, QStringLiteral("after"), m_now).message.id >
            0);
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
