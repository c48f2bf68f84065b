// What only SqliteStore does; the shared store contract is tst_chatstore.cpp.
#include "migrations.h"
#include "sqlitestore.h"
#include "sqlitestorefile.h"
#include "storetesthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
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

    // How many tables of the database at `path` have a name LIKE `pattern`.
    static int tablesNamed(const QString &path, const QString &pattern)
    {
        int count = -1;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("look"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%1'")
                               .arg(pattern)) &&
                    q.next())
                    count = q.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("look"));
        return count;
    }

    // The columns of the messages table's UNIQUE constraint, in index order.
    static QStringList uniqueColumnsOfMessages(const QString &path)
    {
        QStringList columns;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("look"));
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT name FROM pragma_index_info((SELECT name FROM "
                                          "pragma_index_list('messages') WHERE origin = 'u')) "
                                          "ORDER BY seqno")))
                    while (q.next())
                        columns.append(q.value(0).toString());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("look"));
        return columns;
    }

private slots:
    // A database of schema version 3 (before the search index) with messages in it: the
    // upgrade indexes them at open, in steps, and a deleted one stays unfindable.
    void anUpgradedDatabaseIndexesItsMessagesAtOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("upgraded.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        QList<NewMessage> batch;
        for (int i = 0; i < 5010; ++i) // more than one step of the indexer (5,000)
            batch.append(NewMessage{alice, 0, bob, QUuid::createUuid(),
                                    QStringLiteral("old note %1").arg(i), ++m_now});
        for (const auto &r : store->appendMessages(batch))
            QVERIFY(r.ok());
        const auto gone =
            storetest::sendMessage(*store, bob, alice, QStringLiteral("old secret"), ++m_now);
        QVERIFY(store->deleteForEveryone(gone.message.id, ++m_now).ok());
        store.reset();
        {
            // Back to version 3: no index (its file is then another database's).
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_changes"))); // version 9
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_source")));
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

    // Version 10 rebuilds the messages table so that its unique index leads with the client
    // id (new entries then land at its end). What was stored keeps its id, its edits and its
    // duplicate check; an id is never handed out twice, even past rows no longer there.
    void version10KeysMessagesByClientIdFirst()
    {
        const QString path = m_dir.filePath(QStringLiteral("v9.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const QUuid shared = QUuid::createUuid();
        const auto first =
            storetest::sendMessage(*store, alice, bob, QStringLiteral("one"), ++m_now, shared);
        const auto edited =
            storetest::sendMessage(*store, bob, alice, QStringLiteral("draft"), ++m_now);
        QVERIFY(store->editMessage(edited.message.id, QStringLiteral("final"), ++m_now).ok());
        store.reset();
        {
            // Back to version 9: the unique pair led by the sender, and an AUTOINCREMENT mark
            // past the last row (ids taken by a transaction that was rolled back).
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v9"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys=OFF")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE old (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INTEGER "
                "NOT NULL REFERENCES conversations(id), sender_id INTEGER NOT NULL REFERENCES "
                "users(id), client_id TEXT NOT NULL, content TEXT NOT NULL, created_at INTEGER "
                "NOT NULL, edited_at INTEGER, deleted INTEGER NOT NULL DEFAULT 0, rev INTEGER NOT "
                "NULL, system_event TEXT, file_id TEXT REFERENCES files(id), file TEXT, UNIQUE "
                "(sender_id, client_id))")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO old SELECT * FROM messages")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE messages")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE old RENAME TO messages")));
            QVERIFY(q.exec(
                QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, "
                               "id)")));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX messages_by_rev ON messages(rev)")));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX messages_by_file ON messages(file_id) "
                                          "WHERE file_id IS NOT NULL")));
            QVERIFY(q.exec(
                QStringLiteral("UPDATE sqlite_sequence SET seq = 1000 WHERE name = 'messages'")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 9")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v9"));

        store = std::make_unique<SqliteStore>(path);
        const auto reopened = store->open();
        QVERIFY2(reopened.ok(), qPrintable(reopened.detail));
        QCOMPARE(store->schemaVersion(), Migrations::latestVersion(QStringLiteral("sqlite")));
        QCOMPARE(uniqueColumnsOfMessages(path),
                 QStringList({QStringLiteral("client_id"), QStringLiteral("sender_id")}));

        // The same sender and client id: the original, as before the upgrade.
        NewMessage again;
        again.senderId = alice;
        again.recipientId = bob;
        again.clientId = shared;
        again.content = QStringLiteral("one");
        again.createdAt = ++m_now;
        const auto resent = store->appendMessages({again});
        QCOMPARE(resent.size(), 1);
        QVERIFY(resent.first().ok());
        QVERIFY(resent.first().value.duplicate);
        QCOMPARE(resent.first().value.message.id, first.message.id);
        // Another sender may use the same client id: the pair is what is unique.
        const auto other =
            storetest::sendMessage(*store, bob, alice, QStringLiteral("mine"), ++m_now, shared);
        QVERIFY(!other.duplicate);
        QVERIFY2(other.message.id > 1000, qPrintable(QString::number(other.message.id)));
        const auto history = store->editHistory(edited.message.id);
        QVERIFY(history.ok());
        QCOMPARE(history.value.size(), 1);
        QCOMPARE(history.value.first().content, QStringLiteral("draft"));
    }

    // A database before version 9 has its search index inside. Version 9 drops it: the index
    // is built in its own file beside the database, lean (no size record per row, merges at 8
    // segments), finds every message again and stays consistent through an edit.
    void anIndexInsideTheDatabaseMovesToAFileOfItsOwn()
    {
        const QString path = m_dir.filePath(QStringLiteral("firstindex.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto kept = storetest::sendMessage(*store, alice, bob,
                                                 QStringLiteral("printer on floor two"), ++m_now);
        store.reset();
        QVERIFY(QFile::remove(path + QLatin1String("-search")));
        {
            // Version 8, its index inside and empty: what the upgrade finds comes from the
            // new file.
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v8"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_changes")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE search_source")));
            QVERIFY(q.exec(QStringLiteral(
                "CREATE VIRTUAL TABLE message_search USING fts5(conv, words, content = '', "
                "tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE search_backfill (up_to INTEGER NOT NULL, "
                                          "done_up_to INTEGER NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE search_cursor (indexed_up_to INTEGER "
                                          "NOT NULL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO search_cursor VALUES (99)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 8")));
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v8"));

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

        QCOMPARE(tablesNamed(path, QStringLiteral("message_search%")), 0);
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("index"));
        db.setDatabaseName(path + QLatin1String("-search"));
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
        QSqlDatabase::removeDatabase(QStringLiteral("index"));
    }

    // The message writer's commits never wait for the search index: with the index file's
    // write lock held elsewhere, messages are stored and edited at once; a search waits for
    // the index, and finds them once the lock is let go.
    void storingNeverWaitsForTheSearchIndex()
    {
        const QString path = m_dir.filePath(QStringLiteral("apart.db"));
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto first =
            storetest::sendMessage(*store, alice, bob, QStringLiteral("first draft"), ++m_now);

        auto locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        locker.setDatabaseName(path + QLatin1String("-search"));
        locker.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        QVERIFY(locker.open());
        QSqlQuery hold(locker);
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QElapsedTimer took;
        took.start();
        const auto sent = storetest::sendMessage(*store, alice, bob,
                                                 QStringLiteral("sent while locked"), ++m_now);
        QVERIFY(sent.message.id > first.message.id);
        QVERIFY(store->editMessage(first.message.id, QStringLiteral("second draft"), ++m_now).ok());
        QVERIFY2(took.elapsed() < 2000, qPrintable(QString::number(took.elapsed())));

        QTimer::singleShot(300, [&hold] { hold.exec(QStringLiteral("ROLLBACK")); });
        ProtocolError error;
        SearchScope scope;
        scope.userId = bob;
        scope.limit = 50;
        scope.terms = *searchtext::parseQuery(QStringLiteral("locked"), &error);
        // The search waits on this thread, which lets the lock go from a timer: run the
        // timer's loop alongside (the indexer's busy wait lasts up to 5 s).
        QElapsedTimer searching;
        searching.start();
        while (searching.elapsed() < 350)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        const auto found = store->search(scope);
        QVERIFY2(found.ok(), qPrintable(found.detail));
        QCOMPARE(found.value.messages.size(), 1);
        scope.terms = *searchtext::parseQuery(QStringLiteral("second"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 1);
        scope.terms = *searchtext::parseQuery(QStringLiteral("first"), &error);
        QCOMPARE(store->search(scope).value.messages.size(), 0);
        hold = QSqlQuery();
        locker.close();
        locker = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    }

    // The index file is built again whenever it does not match the database: missing, not a
    // database, made for another database, or ahead of it (the database restored from an
    // older copy, after which a message was edited and another deleted).
    void anIndexFileThatDoesNotMatchIsBuiltAgain()
    {
        const QString path = m_dir.filePath(QStringLiteral("rebuilt.db"));
        const QString index = path + QLatin1String("-search");
        auto store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(*store, m_now);
        const auto kept = storetest::sendMessage(*store, alice, bob,
                                                 QStringLiteral("meeting on tuesday"), ++m_now);
        const auto gone =
            storetest::sendMessage(*store, bob, alice, QStringLiteral("lunch on friday"), ++m_now);
        const auto count = [&](const QString &words) {
            ProtocolError error;
            SearchScope scope;
            scope.userId = bob;
            scope.limit = 50;
            scope.terms = *searchtext::parseQuery(words, &error);
            const auto page = store->search(scope);
            return page.ok() ? int(page.value.messages.size()) : -1;
        };
        QCOMPARE(count(QStringLiteral("on")), 2);
        store.reset();
        // Closed last, the indexer's connection checkpointed the index's WAL into its file.
        QVERIFY(QFile::exists(index));
        QVERIFY(!QFile::exists(index + QLatin1String("-wal")));
        const QString copy = m_dir.filePath(QStringLiteral("rebuilt-copy.db"));
        QVERIFY(QFile::copy(path, copy));

        QVERIFY(QFile::remove(index)); // missing
        store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        QCOMPARE(count(QStringLiteral("tuesday")), 1);
        QVERIFY(
            store->editMessage(kept.message.id, QStringLiteral("meeting on monday"), ++m_now).ok());
        QVERIFY(store->deleteForEveryone(gone.message.id, ++m_now).ok());
        QCOMPARE(count(QStringLiteral("tuesday")), 0);
        QCOMPARE(count(QStringLiteral("friday")), 0);
        store.reset();

        QVERIFY(QFile::remove(path)); // the older copy restored (the server stopped)
        QVERIFY(QFile::copy(copy, path));
        store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        QCOMPARE(count(QStringLiteral("tuesday")), 1);
        QCOMPARE(count(QStringLiteral("monday")), 0);
        QCOMPARE(count(QStringLiteral("friday")), 1);
        store.reset();

        { // not a database
            QFile junk(index);
            QVERIFY(junk.open(QIODevice::WriteOnly | QIODevice::Truncate));
            junk.write(QByteArray(8192, 'x'));
        }
        QFile::remove(index + QLatin1String("-wal"));
        QFile::remove(index + QLatin1String("-shm"));
        store = std::make_unique<SqliteStore>(path);
        const auto opened = store->open();
        QVERIFY2(opened.ok(), qPrintable(opened.detail));
        QCOMPARE(count(QStringLiteral("on")), 2);
        store.reset();

        // Another database's index (a copy of this one's, under another identity).
        const QString other = m_dir.filePath(QStringLiteral("other.db"));
        {
            SqliteStore elsewhere(other);
            QVERIFY(elsewhere.open().ok());
            const auto [carol, dave] = storetest::makeAliceAndBob(elsewhere, m_now);
            for (int i = 0; i < 3; ++i)
                storetest::sendMessage(elsewhere, carol, dave, QStringLiteral("tuesday"), ++m_now);
        }
        QVERIFY(QFile::remove(index));
        QVERIFY(QFile::copy(other + QLatin1String("-search"), index));
        store = std::make_unique<SqliteStore>(path);
        QVERIFY(store->open().ok());
        QCOMPARE(count(QStringLiteral("tuesday")), 1);
        QCOMPARE(count(QStringLiteral("friday")), 1);
    }

    // Another process on the same database (`natter-server user ...` beside the server) has
    // an indexer too: the two share the index file, neither rebuilds it, and no message is
    // indexed twice (a contentless index would then find it twice).
    void twoStoresOnOneDatabaseShareItsIndex()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.db"));
        SqliteStore server(path);
        QVERIFY(server.open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(server, m_now);
        for (int i = 0; i < 20; ++i)
            storetest::sendMessage(server, alice, bob, QStringLiteral("shared %1").arg(i), ++m_now);
        const auto before = sqlitefile::identityOf(path + QLatin1String("-search"));
        QVERIFY(before);
        SqliteStore other(path);
        QVERIFY(other.open().ok());
        QVERIFY(sqlitefile::identityOf(path + QLatin1String("-search")) == before); // not rebuilt
        QList<NewMessage> batch;
        for (int i = 0; i < 6000; ++i)
            batch.append(NewMessage{bob, 0, alice, QUuid::createUuid(),
                                    QStringLiteral("shared more %1").arg(i), ++m_now});
        for (const auto &r : other.appendMessages(batch))
            QVERIFY(r.ok());
        for (int i = 0; i < 20; ++i)
            storetest::sendMessage(server, alice, bob, QStringLiteral("shared late %1").arg(i),
                                   ++m_now);
        ProtocolError error;
        SearchScope scope;
        scope.userId = bob;
        scope.limit = 50;
        scope.terms = *searchtext::parseQuery(QStringLiteral("shared"), &error);
        for (SqliteStore *store : {&server, &other}) {
            const auto page = store->search(scope);
            QVERIFY2(page.ok(), qPrintable(page.detail));
            QCOMPARE(page.value.total, 2000); // the window's newest matches, all of them
            for (const char *phrase : {"\"more 0\"", "\"more 3000\"", "\"more 5999\""}) {
                scope.terms = *searchtext::parseQuery(QString::fromLatin1(phrase), &error);
                QCOMPARE(store->search(scope).value.messages.size(), 1);
            }
            scope.terms = *searchtext::parseQuery(QStringLiteral("\"late 19\""), &error);
            QCOMPARE(store->search(scope).value.messages.size(), 1);
            scope.terms = *searchtext::parseQuery(QStringLiteral("shared"), &error);
        }
    }

    // An in-memory database has no file beside it and no second connection: its index is
    // attached in memory and written when searched.
    void anInMemoryDatabaseIsSearchedToo()
    {
        SqliteStore store(QStringLiteral(":memory:"));
        QVERIFY(store.open().ok());
        const auto [alice, bob] = storetest::makeAliceAndBob(store, m_now);
        const auto sent =
            storetest::sendMessage(store, alice, bob, QStringLiteral("kept in memory"), ++m_now);
        ProtocolError error;
        SearchScope scope;
        scope.userId = bob;
        scope.limit = 50;
        scope.terms = *searchtext::parseQuery(QStringLiteral("memory"), &error);
        QCOMPARE(store.search(scope).value.messages.size(), 1);
        QVERIFY(store.editMessage(sent.message.id, QStringLiteral("kept in mind"), ++m_now).ok());
        QCOMPARE(store.search(scope).value.messages.size(), 0);
        scope.terms = *searchtext::parseQuery(QStringLiteral("mind"), &error);
        QCOMPARE(store.search(scope).value.messages.size(), 1);
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
        const auto after =
            storetest::sendMessage(*store, alice, bob, QStringLiteral("after"), m_now).message;
        QVERIFY(after.id > 0);
        // In the conversation created again: the one the failed batch created was undone, and
        // the store's cache of pairs forgot it.
        const auto conversations = store->conversationsFor(alice);
        QVERIFY(conversations.ok());
        QCOMPARE(conversations.value.size(), 1);
        QCOMPARE(conversations.value.first().id, after.conversationId);
        QCOMPARE(store->history(bob, after.conversationId, 0, 10).value.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
