// SqlStore on SQLite: the search index in a file of its own (schema 9), attached to a
// connection as schema "idx". SearchIndexer writes it over a connection in the Indexer role;
// the event loop's connection attaches it read-only (its writing transactions then take no
// lock on it, so they never wait for the indexer) and searches it.
#include "ownerfiles.h"
#include "searchindexer.h"
#include "sqlstore.h"

#include <QDebug>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUrl>

#include <optional>

namespace natter::server {
namespace {

// The layout of the index file this code writes; another one is built again.
constexpr int kSearchIndexLayout = 1;

bool inMemory(const QString &file)
{
    return file == QLatin1String(":memory:");
}

} // namespace

StoreResult<bool> SqlStore::openSearchIndex()
{
    const QString file = m_sql.dialect().searchIndexFile();
    switch (m_role) {
    case Role::Sibling:
        return StoreResult<bool>::success(true); // the message writer only notifies
    case Role::Indexer:
        return prepareSearchIndexFile(file);
    case Role::Primary:
        break;
    }
    if (inMemory(file)) // no other connection sees this database: indexed here when searched
        return prepareSearchIndexFile(file);
    auto indexer = std::make_shared<SearchIndexer>(indexerSibling());
    if (const auto started = indexer->start(); !started.ok())
        return started;
    m_searchIndexer = std::move(indexer);
    if (const auto attached = attachSearchIndex(file, true); !attached.ok())
        return attached;
    // Searches read the index's pages over and over: as large a cache as the database's.
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("PRAGMA idx.cache_size=-32768"), {}, &ok); // KiB
    if (!ok)
        return m_sql.failed<bool>(q);
    q.finish();
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::attachSearchIndex(const QString &file, bool readOnly)
{
    QString name = file;
    if (readOnly)
        name = QStringLiteral("file:") +
               QString::fromUtf8(QUrl::toPercentEncoding(QFileInfo(file).absoluteFilePath(), "/")) +
               QStringLiteral("?mode=ro");
    bool ok = false;
    QSqlQuery *q = nullptr;
    {
        const OwnerOnlyUmask ownerOnly; // a new file, and its -wal and -shm
        q = &m_sql.exec(QStringLiteral("ATTACH DATABASE ? AS idx"), {name}, &ok);
    }
    if (!ok)
        return m_sql.failed<bool>(*q);
    q->finish();
    if (!inMemory(file) && !readOnly)
        restrictDatabaseToOwner(file);
    return StoreResult<bool>::success(true);
}

StoreResult<QString> SqlStore::searchIndexMismatch()
{
    using R = StoreResult<QString>;
    // The index's state first, then the database's, in one read: another process's indexer
    // may index meanwhile, and the database then holds at least what the state counts.
    if (!m_sql.beginRead())
        return R::fail(StoreFailure::Unavailable, m_sql.transactionError());
    const auto read = [&](const QString &sql, QVariantList *row) -> std::optional<R> {
        bool ok = false;
        QSqlQuery &q = m_sql.exec(sql, {}, &ok);
        if (!ok) {
            auto failed = m_sql.failed<QString>(q);
            m_sql.abortRead();
            // Not a database, no such table (a new file): build it. Busy, I/O: say so.
            if (failed.failure != StoreFailure::Unavailable)
                return R::success(failed.detail);
            return failed;
        }
        if (!q.next()) {
            m_sql.abortRead();
            return R::success(QStringLiteral("it has no state"));
        }
        for (int i = 0; i < 4; ++i)
            row->append(q.value(i));
        q.finish();
        return std::nullopt;
    };
    QVariantList index, database;
    if (auto done = read(QStringLiteral("SELECT layout, source, indexed_up_to, changes_up_to "
                                        "FROM idx.search_state"),
                         &index))
        return *done;
    if (auto done = read(QStringLiteral("SELECT (SELECT identity FROM main.search_source), "
                                        "(SELECT COALESCE(MAX(id), 0) FROM main.messages), "
                                        "COALESCE((SELECT seq FROM main.sqlite_sequence WHERE "
                                        "name = 'search_changes'), 0), 0"),
                         &database))
        return *done;
    m_sql.abortRead(); // only read
    if (index[0].toInt() != kSearchIndexLayout)
        return R::success(
            QStringLiteral("layout %1, not %2").arg(index[0].toInt()).arg(kSearchIndexLayout));
    if (index[1].toString() != database[0].toString())
        return R::success(QStringLiteral("it was made for another database"));
    if (index[2].toLongLong() > database[1].toLongLong() ||
        index[3].toLongLong() > database[2].toLongLong())
        return R::success(QStringLiteral("it is ahead of the database (a backup restored?)"));
    return R::success(QString());
}

StoreResult<bool> SqlStore::prepareSearchIndexFile(const QString &file)
{
    const auto settle = [&]() -> StoreResult<bool> {
        // Rebuilt from the database after a crash: no need to sync each of its commits.
        bool ok = false;
        QSqlQuery &q = m_sql.exec(QStringLiteral("PRAGMA idx.synchronous=NORMAL"), {}, &ok);
        if (!ok)
            return m_sql.failed<bool>(q);
        q.finish();
        return StoreResult<bool>::success(true);
    };
    const bool existed = !inMemory(file) && QFile::exists(file);
    // Attaching a file that is not a database fails (SQLite reads its header).
    const auto attached = attachSearchIndex(file, false);
    if (!attached.ok() && attached.failure == StoreFailure::Unavailable)
        return attached; // cannot open it now (permissions, I/O): not a reason to remove it
    QString mismatch = attached.detail;
    if (attached.ok()) {
        const auto checked = searchIndexMismatch();
        if (!checked.ok())
            return StoreResult<bool>::fail(checked.failure, checked.detail);
        mismatch = checked.value;
    }
    if (mismatch.isEmpty())
        return settle();
    if (!inMemory(file)) {
        if (existed)
            qInfo().noquote()
                << QStringLiteral("search index: building %1 again (%2)").arg(file, mismatch);
        else
            qInfo().noquote() << QStringLiteral("search index: building %1").arg(file);
        bool ok = false;
        if (attached.ok()) {
            QSqlQuery &detach = m_sql.exec(QStringLiteral("DETACH DATABASE idx"), {}, &ok);
            if (!ok)
                return m_sql.failed<bool>(detach);
            detach.finish();
        }
        for (const QString &path :
             {file, file + QLatin1String("-wal"), file + QLatin1String("-shm")}) {
            if (QFile::exists(path) && !QFile::remove(path))
                return StoreResult<bool>::fail(StoreFailure::Unavailable,
                                               QStringLiteral("cannot remove ") + path);
        }
        if (const auto again = attachSearchIndex(file, false); !again.ok())
            return again;
        QSqlQuery &wal = m_sql.exec(QStringLiteral("PRAGMA idx.journal_mode=WAL"), {}, &ok);
        if (!ok)
            return m_sql.failed<bool>(wal);
        wal.finish();
    } else if (!attached.ok()) {
        return attached;
    }
    if (const auto created = createSearchIndex(); !created.ok())
        return created;
    return settle();
}

StoreResult<bool> SqlStore::createSearchIndex()
{
    if (!m_sql.beginRead())
        return StoreResult<bool>::fail(StoreFailure::Unavailable, m_sql.transactionError());
    // columnsize=0: no per-row size record (it serves ranking only; results come newest
    // first). automerge 8: segments merge when 8 of a level exist, not 4 (fewer times over).
    for (const QString &sql : {
             QStringLiteral("CREATE VIRTUAL TABLE idx.message_search USING fts5(conv, words, "
                            "content = '', columnsize = 0, tokenize = \"unicode61 "
                            "remove_diacritics 0 categories 'L* N* Co M*'\")"),
             QStringLiteral("INSERT INTO idx.message_search (message_search, rank) "
                            "VALUES ('automerge', 8)"),
             // Every message with an id up to indexed_up_to is in message_search (unless
             // deleted or a system line), and every change up to changes_up_to applied.
             QStringLiteral("CREATE TABLE idx.search_state (layout INTEGER NOT NULL, "
                            "source TEXT NOT NULL, indexed_up_to INTEGER NOT NULL, "
                            "changes_up_to INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO idx.search_state SELECT %1, identity, 0, 0 FROM "
                            "main.search_source")
                 .arg(kSearchIndexLayout),
         }) {
        bool ok = false;
        QSqlQuery &q = m_sql.exec(sql, {}, &ok);
        if (!ok) {
            const auto failed = m_sql.failed<bool>(q);
            m_sql.abortRead();
            return failed;
        }
        q.finish();
    }
    if (!m_sql.endRead())
        return StoreResult<bool>::fail(StoreFailure::Unavailable, m_sql.transactionError());
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::indexStored(qint64 after, qint64 upTo)
{
    bool ok = false;
    // Deleted messages and system lines are never in the index.
    QSqlQuery &rows = m_sql.exec(
        QStringLiteral("SELECT id, conversation_id, content FROM messages WHERE id > ? AND "
                       "id <= ? AND NOT deleted AND system_event IS NULL ORDER BY id"),
        {after, upTo}, &ok);
    if (!ok)
        return m_sql.failed<bool>(rows);
    QList<Message> waiting;
    while (rows.next()) {
        Message m;
        m.id = rows.value(0).toLongLong();
        m.conversationId = rows.value(1).toLongLong();
        m.content = rows.value(2).toString();
        waiting.append(std::move(m));
    }
    rows.finish();
    for (const Message &m : std::as_const(waiting)) {
        if (const auto indexed = indexMessage(m); !indexed.ok())
            return indexed;
    }
    return StoreResult<bool>::success(true);
}

StoreResult<qint64> SqlStore::applySearchChanges(qint64 indexedUpTo, qint64 changesUpTo)
{
    bool ok = false;
    QSqlQuery &rows = m_sql.exec(
        QStringLiteral(
            "SELECT c.seq, c.message_id, c.old_content, m.conversation_id, "
            "m.content, m.deleted OR m.system_event IS NOT NULL FROM search_changes c "
            "LEFT JOIN messages m ON m.id = c.message_id WHERE c.seq > ? ORDER BY c.seq"),
        {changesUpTo}, &ok);
    if (!ok)
        return m_sql.failed<qint64>(rows);
    struct Change
    {
        Message before; // as the index has it
        Message now;
        bool indexNow = false;
    };
    QList<Change> changes;
    QSet<qint64> seen;
    qint64 last = changesUpTo;
    while (rows.next()) {
        last = rows.value(0).toLongLong();
        const qint64 id = rows.value(1).toLongLong();
        // A message the index has not reached is indexed as it is when it does; of several
        // changes to one message, the first has the text the index holds.
        if (id > indexedUpTo || rows.value(3).isNull() || seen.contains(id))
            continue;
        seen.insert(id);
        Change c;
        c.before.id = c.now.id = id;
        c.before.conversationId = c.now.conversationId = rows.value(3).toLongLong();
        c.before.content = rows.value(2).toString();
        c.now.content = rows.value(4).toString();
        c.indexNow = !rows.value(5).toBool();
        changes.append(std::move(c));
    }
    rows.finish();
    for (const Change &c : std::as_const(changes)) {
        auto done = unindexMessage(c.before);
        if (done.ok() && c.indexNow)
            done = indexMessage(c.now);
        if (!done.ok())
            return StoreResult<qint64>::fail(done.failure, done.detail);
    }
    return StoreResult<qint64>::success(last);
}

StoreResult<SqlStore::SearchIndexStep> SqlStore::indexSearchStep(int limit)
{
    using R = StoreResult<SearchIndexStep>;
    // Deferred: the first statement takes the index file's write lock (another process's
    // indexer may hold it), and only then are the messages read, on one snapshot. The
    // database itself is only read, so the message writer never waits for this.
    if (!m_sql.beginRead())
        return R::fail(StoreFailure::Unavailable, m_sql.transactionError());
    const auto fail = [&](const QSqlQuery &q) {
        const auto failed = m_sql.failed<SearchIndexStep>(q);
        m_sql.abortRead();
        return failed;
    };
    const auto failWith = [&](StoreFailure failure, const QString &detail) {
        m_sql.abortRead();
        return R::fail(failure, detail);
    };
    bool ok = false;
    QSqlQuery &lock = m_sql.exec(
        QStringLiteral("UPDATE idx.search_state SET indexed_up_to = indexed_up_to"), {}, &ok);
    if (!ok)
        return fail(lock);
    lock.finish();
    QSqlQuery &state = m_sql.exec(QStringLiteral("SELECT indexed_up_to, changes_up_to, "
                                                 "(SELECT COALESCE(MAX(id), 0) FROM main.messages) "
                                                 "FROM idx.search_state"),
                                  {}, &ok);
    if (!ok || !state.next())
        return fail(state);
    SearchIndexStep step;
    const qint64 from = state.value(0).toLongLong();
    const qint64 changesFrom = state.value(1).toLongLong();
    step.latest = state.value(2).toLongLong();
    state.finish();
    QSqlQuery &range = m_sql.exec(
        QStringLiteral("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM (SELECT id FROM messages "
                       "WHERE id > ? ORDER BY id LIMIT ?)"),
        {from, limit}, &ok);
    if (!ok || !range.next())
        return fail(range);
    step.messages = range.value(0).toInt();
    step.messagesUpTo = step.messages > 0 ? range.value(1).toLongLong() : from;
    range.finish();
    if (step.messages > 0) {
        if (const auto indexed = indexStored(from, step.messagesUpTo); !indexed.ok())
            return failWith(indexed.failure, indexed.detail);
    }
    // The changes only to what the index held before this step (`from`): the messages indexed
    // just now were read as they are in this snapshot.
    const auto changed = applySearchChanges(from, changesFrom);
    if (!changed.ok())
        return failWith(changed.failure, changed.detail);
    step.changesUpTo = changed.value;
    step.changes = int(step.changesUpTo - changesFrom);
    if (step.messages == 0 && step.changes == 0) {
        m_sql.abortRead(); // nothing written
        step.changesUpTo = changesFrom;
        return R::success(step);
    }
    QSqlQuery &move = m_sql.exec(QStringLiteral("UPDATE idx.search_state SET indexed_up_to = ?, "
                                                "changes_up_to = ?"),
                                 {step.messagesUpTo, step.changesUpTo}, &ok);
    if (!ok)
        return fail(move);
    move.finish();
    if (!m_sql.endRead())
        return R::fail(StoreFailure::Unavailable, m_sql.transactionError());
    if (step.changes > 0) {
        // Applied: no longer needed (a write to the database, rare: edits and deletes). Left
        // for the next step's attempt should it fail.
        QSqlQuery &drop = m_sql.exec(QStringLiteral("DELETE FROM search_changes WHERE seq <= ?"),
                                     {step.changesUpTo}, &ok);
        if (ok)
            drop.finish();
    }
    return R::success(step);
}

StoreResult<bool> SqlStore::recordSearchChange(qint64 messageId, const QString &oldContent)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        QStringLiteral("INSERT INTO search_changes (message_id, old_content) VALUES (?, ?)"),
        {messageId, oldContent}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(true);
}

void SqlStore::searchIndexChanged()
{
    if (m_searchIndexer)
        m_searchIndexer->notify();
}

StoreResult<bool> SqlStore::catchUpSearchIndex()
{
    if (!indexesApart())
        return StoreResult<bool>::success(true);
    if (!m_searchIndexer) { // in memory: indexed here
        for (;;) {
            const auto step = indexSearchStep(SearchIndexer::kStep);
            if (!step.ok())
                return StoreResult<bool>::fail(step.failure, step.detail);
            if (step.value.messages < SearchIndexer::kStep)
                return StoreResult<bool>::success(true);
        }
    }
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM main.messages), "
                                  "(SELECT COALESCE(MAX(seq), 0) FROM main.search_changes), "
                                  "indexed_up_to, changes_up_to FROM idx.search_state"),
                   {}, &ok);
    if (!ok || !q.next())
        return m_sql.failed<bool>(q);
    const qint64 messages = q.value(0).toLongLong();
    const qint64 changes = q.value(1).toLongLong();
    const bool behind = messages > q.value(2).toLongLong() || changes > q.value(3).toLongLong();
    q.finish();
    if (!behind)
        return StoreResult<bool>::success(true);
    return m_searchIndexer->catchUp(messages, changes);
}

} // namespace natter::server
