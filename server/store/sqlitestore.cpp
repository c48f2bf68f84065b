#include "sqlitestore.h"

#include "migrations.h"
#include "ownerfiles.h"
#include "protocollimits.h"
#include "storerows.h"
#include "walcheckpointer.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlRecord>

namespace natter::server {
namespace {

QAtomicInt s_connectionCounter;

// Often, so that the writer's own checkpoint finds little left to copy.
constexpr int kCheckpointIntervalMs = 100;
// About 3 MB at most.
constexpr qsizetype kMaxCachedPeers = 65'536;

const QString kMessageColumns = QStringLiteral(
    "m.id, m.conversation_id, m.sender_id, m.client_id, m.content, m.created_at, m.edited_at, "
    "m.deleted, m.rev");

StoredUser userFrom(const QSqlQuery &q)
{
    return StoredUser{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(),
                      q.value(3).toBool(), q.value(4).toLongLong()};
}

} // namespace

SqliteStore::SqliteStore(QString path)
    : m_path(std::move(path)),
      m_connectionName(
          QStringLiteral("natter-sqlite-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{}

SqliteStore::~SqliteStore()
{
    close();
}

StoreResult<bool> SqliteStore::open()
{
    const QFileInfo info(m_path);
    m_directory = info.absolutePath();
    if (!QDir().mkpath(info.absolutePath()))
        return StoreResult<bool>::fail(StoreFailure::Unavailable,
                                       QStringLiteral("cannot create ") + info.absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    restrictDatabaseToOwner(m_path); // messages and password hashes: owner only (0600)
    const OwnerOnlyUmask ownerOnly;  // a new file too; -wal and -shm copy its mode
    if (!m_db.open())
        return StoreResult<bool>::fail(StoreFailure::Unavailable, describe(m_db.lastError()));

    QSqlQuery pragma(m_db);
    // WAL lets readers run beside the writer. synchronous=FULL syncs the WAL on every commit,
    // so an acknowledged message survives even a power cut (NORMAL would only survive a
    // process crash). Group commit keeps the cost to one sync per batch.
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                            "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"}) {
        if (!pragma.exec(QString::fromLatin1(sql)))
            return StoreResult<bool>::fail(StoreFailure::Unavailable, describe(pragma.lastError()));
    }
    // A batch of thousands of messages dirties index pages all over: in SQLite's default
    // 2 MiB cache they were spilled to the WAL before the commit, then written again.
    if (!pragma.exec(QStringLiteral("PRAGMA cache_size=-32768"))) // KiB
        return StoreResult<bool>::fail(StoreFailure::Unavailable, describe(pragma.lastError()));
    // Checkpoints: a thread copies the WAL back beside the event loop (WalCheckpointer), and
    // SQLite's own checkpoint in the writer, after a commit that leaves 250 pages (1 MiB) in
    // the WAL, copies the few frames left since the thread's last pass. Only the writer can
    // start the WAL over under steady load (a pass elsewhere always ends behind the commits
    // made meanwhile): with the thread alone it grew past 2 GB in 20 s of the closed loop.
    // Small and often beats large and rare: at 5,000 msg/s the p99 was ~6-7 ms at 250 pages,
    // 11-13 ms at SQLite's default of 1,000, 24 ms at 4,000.
    if (!pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=250")))
        return StoreResult<bool>::fail(StoreFailure::Unavailable, describe(pragma.lastError()));
    // SQLite opens a file it may not write read-only, without an error: the server would
    // start, sign people in and answer `unavailable` to every write. A write rolled back
    // finds out now (root writes read-only files, so the file mode alone is not the answer;
    // and in WAL mode taking the write lock alone succeeds on a read-only file).
    if (!pragma.exec(QStringLiteral("PRAGMA user_version")) || !pragma.next())
        return StoreResult<bool>::fail(StoreFailure::Unavailable, describe(pragma.lastError()));
    const int version = pragma.value(0).toInt();
    const bool probed = pragma.exec(QStringLiteral("BEGIN IMMEDIATE")) &&
                        pragma.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    const QSqlError probeError = pragma.lastError();
    pragma.exec(QStringLiteral("ROLLBACK"));
    pragma.finish();
    if (!probed) {
        const QString why = sqlitefile::whyNotWritable(m_path);
        return StoreResult<bool>::fail(
            StoreFailure::Unavailable,
            QStringLiteral("the database cannot be written: %1%2")
                .arg(describe(probeError), why.isEmpty() ? QString() : "; " + why));
    }
    m_checkpointer = std::make_unique<WalCheckpointer>(m_path, kCheckpointIntervalMs);
    m_checkpointer->start();

    const auto migrated = Migrations::apply(m_db, QStringLiteral("sqlite"));
    if (!migrated.ok()) {
        // Migrations report text only.
        return StoreResult<bool>::fail(
            migrated.failure, sqlitefile::describeFailure(sqlitefile::codeFromText(migrated.detail),
                                                          migrated.detail, m_directory));
    }
    m_schemaVersion = migrated.value;

    // The revision counter is the highest rev stored anywhere.
    if (!pragma.exec(QStringLiteral("SELECT MAX((SELECT IFNULL(MAX(rev), 0) FROM messages), "
                                    "(SELECT IFNULL(MAX(rev), 0) FROM participants), "
                                    "(SELECT IFNULL(MAX(rev), 0) FROM hidden_messages))")) ||
        !pragma.next())
        return StoreResult<bool>::fail(StoreFailure::Unavailable, describe(pragma.lastError()));
    m_rev = pragma.value(0).toLongLong();
    m_identity = sqlitefile::identityOf(m_path);
    return StoreResult<bool>::success(true);
}

void SqliteStore::close()
{
    m_checkpointer.reset(); // stopped first: it reads the same file
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlQuery &SqliteStore::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(sql);
        it = m_statements.insert(sql, query);
    }
    return *it;
}

bool SqliteStore::run(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values)
        query.bindValue(i++, v);
    return query.exec();
}

QSqlQuery &SqliteStore::exec(const QString &sql, std::initializer_list<QVariant> values, bool *ok)
{
    QSqlQuery &query = prepared(sql);
    m_refusal.clear();
    // A write on its own (begin() checks those in a transaction).
    if (!m_inTransaction && !sql.startsWith(QLatin1String("SELECT")) && !fileStillThere()) {
        *ok = false;
        return query;
    }
    *ok = run(query, values);
    return query;
}

bool SqliteStore::fileStillThere()
{
    // One stat(2) per transaction or lone write: a microsecond beside the fsync of a commit.
    if (!m_identity || sqlitefile::identityOf(m_path) == m_identity)
        return true;
    m_refusal = QStringLiteral("the database file %1 was deleted or replaced while the server "
                               "had it open: writes are refused (restore it from a backup)")
                    .arg(m_path);
    m_lastError = m_refusal;
    return false;
}

StoreFailure SqliteStore::failureOf(const QSqlQuery &query) const
{
    if (!m_refusal.isEmpty())
        return StoreFailure::Unavailable;
    const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
    switch (code) {
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
    case 8:  // SQLITE_READONLY
    case 10: // SQLITE_IOERR
    case 13: // SQLITE_FULL
    case 14: // SQLITE_CANTOPEN
        return StoreFailure::Unavailable;
    case 19: // SQLITE_CONSTRAINT
        return StoreFailure::Conflict;
    default:
        return m_db.isOpen() ? StoreFailure::Internal : StoreFailure::Unavailable;
    }
}

QString SqliteStore::errorText(const QSqlQuery &query) const
{
    if (!m_refusal.isEmpty())
        return m_refusal;
    return describe(query.lastError());
}

QString SqliteStore::describe(const QSqlError &error) const
{
    // QtSql gives no native code for a failed commit or transaction start: SQLite's text.
    const int code = error.nativeErrorCode().isEmpty() ? sqlitefile::codeFromText(error.text())
                                                       : error.nativeErrorCode().toInt();
    return sqlitefile::describeFailure(code, error.text(), m_directory);
}

QString SqliteStore::lastErrorText() const
{
    return m_lastError;
}

bool SqliteStore::begin()
{
    m_savedRev = m_rev;
    m_refusal.clear();
    if (!fileStillThere())
        return false;
    if (!m_db.transaction()) {
        m_lastError = describe(m_db.lastError());
        return false;
    }
    m_inTransaction = true;
    return true;
}

bool SqliteStore::commit()
{
    if (m_db.commit()) {
        m_inTransaction = false;
        return true;
    }
    // Taken before the rollback: after a failed commit (a full disk) SQLite has often rolled
    // back already, and the rollback's "no transaction is active" would hide the cause.
    m_lastError = describe(m_db.lastError());
    rollback();
    return false;
}

void SqliteStore::rollback()
{
    m_inTransaction = false;
    m_db.rollback();
    m_rev = m_savedRev;
    m_peers.clear(); // may hold a conversation created by the transaction rolled back
}

// ---- users and tokens ------------------------------------------------------------------

StoreResult<StoredUser> SqliteStore::createUser(const QString &username,
                                                const QByteArray &passwordHash, qint64 createdAt)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("INSERT INTO users (username, password_hash, created_at) "
                                       "VALUES (?, ?, ?)"),
                        {username, passwordHash, createdAt}, &ok);
    if (!ok)
        return failed<StoredUser>(q);
    return StoreResult<StoredUser>::success(
        StoredUser{q.lastInsertId().toLongLong(), username, passwordHash, false, createdAt});
}

StoreResult<StoredUser> SqliteStore::userWhere(const QString &condition, const QVariant &value)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT id, username, password_hash, disabled, created_at "
                                       "FROM users WHERE ") +
                            condition,
                        {value}, &ok);
    if (!ok)
        return failed<StoredUser>(q);
    if (!q.next())
        return StoreResult<StoredUser>::fail(StoreFailure::NotFound);
    auto user = userFrom(q);
    q.finish();
    return StoreResult<StoredUser>::success(user);
}

StoreResult<StoredUser> SqliteStore::userByName(const QString &username)
{
    return userWhere(QStringLiteral("username = ?"), username);
}

StoreResult<StoredUser> SqliteStore::userById(qint64 id)
{
    return userWhere(QStringLiteral("id = ?"), id);
}

StoreResult<QList<User>> SqliteStore::listUsers(const QString &query, int limit)
{
    // LIKE is case-insensitive for ASCII in SQLite; usernames are ASCII. Escape wildcards.
    QString pattern = query;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT id, username FROM users "
                                       "WHERE disabled = 0 AND username LIKE ? ESCAPE '\\' "
                                       "ORDER BY username COLLATE NOCASE LIMIT ?"),
                        {QStringLiteral("%") + pattern + QStringLiteral("%"), limit}, &ok);
    if (!ok)
        return failed<QList<User>>(q);
    QList<User> users;
    while (q.next())
        users.append(User{q.value(0).toLongLong(), q.value(1).toString(), false});
    return StoreResult<QList<User>>::success(users);
}

StoreResult<bool> SqliteStore::setUserDisabled(qint64 id, bool disabled)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"),
                        {disabled ? 1 : 0, id}, &ok);
    if (!ok)
        return failed<bool>(q);
    if (q.numRowsAffected() == 0)
        return StoreResult<bool>::fail(StoreFailure::NotFound);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqliteStore::setPasswordHash(qint64 id, const QByteArray &passwordHash)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                        {passwordHash, id}, &ok);
    if (!ok)
        return failed<bool>(q);
    if (q.numRowsAffected() == 0)
        return StoreResult<bool>::fail(StoreFailure::NotFound);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqliteStore::addToken(qint64 userId, const QByteArray &tokenHash,
                                        qint64 createdAt, qint64 expiresAt)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("INSERT INTO tokens (hash, user_id, created_at, expires_at) "
                                       "VALUES (?, ?, ?, ?)"),
                        {tokenHash, userId, createdAt, expiresAt}, &ok);
    if (!ok)
        return failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<qint64> SqliteStore::userForToken(const QByteArray &tokenHash, qint64 now)
{
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("SELECT t.user_id FROM tokens t JOIN users u ON u.id = t.user_id "
                            "WHERE t.hash = ? AND t.revoked = 0 AND t.expires_at > ? "
                            "AND u.disabled = 0"),
             {tokenHash, now}, &ok);
    if (!ok)
        return failed<qint64>(q);
    if (!q.next())
        return StoreResult<qint64>::fail(StoreFailure::NotFound);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return StoreResult<qint64>::success(id);
}

StoreResult<bool> SqliteStore::revokeToken(const QByteArray &tokenHash)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("UPDATE tokens SET revoked = 1, revoked_at = ? "
                                       "WHERE hash = ? AND revoked = 0"),
                        {QDateTime::currentMSecsSinceEpoch(), tokenHash}, &ok);
    if (!ok)
        return failed<bool>(q);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<bool> SqliteStore::revokeUserTokens(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("UPDATE tokens SET revoked = 1, revoked_at = ? "
                                       "WHERE user_id = ? AND revoked = 0"),
                        {QDateTime::currentMSecsSinceEpoch(), userId}, &ok);
    if (!ok)
        return failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<QList<QByteArray>> SqliteStore::tokensEndedBetween(qint64 after, qint64 upTo)
{
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("SELECT hash FROM tokens WHERE revoked_at > ? AND revoked_at <= ? "
                            "UNION SELECT hash FROM tokens "
                            "WHERE expires_at > ? AND expires_at <= ?"),
             {after, upTo, after, upTo}, &ok);
    if (!ok)
        return failed<QList<QByteArray>>(q);
    QList<QByteArray> hashes;
    while (q.next())
        hashes.append(q.value(0).toByteArray());
    q.finish();
    return StoreResult<QList<QByteArray>>::success(hashes);
}

// ---- conversations ---------------------------------------------------------------------

StoreResult<qint64> SqliteStore::peerOf(qint64 conversationId, qint64 userId)
{
    // Participants never change once a conversation exists, and every message asks.
    const auto cached = m_peers.constFind({conversationId, userId});
    if (cached != m_peers.constEnd())
        return StoreResult<qint64>::success(*cached);
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT peer_id FROM participants "
                                       "WHERE conversation_id = ? AND user_id = ?"),
                        {conversationId, userId}, &ok);
    if (!ok)
        return failed<qint64>(q);
    if (!q.next())
        return StoreResult<qint64>::fail(StoreFailure::NotFound);
    const qint64 peer = q.value(0).toLongLong();
    q.finish();
    if (m_peers.size() >= kMaxCachedPeers)
        m_peers.clear();
    m_peers.insert({conversationId, userId}, peer);
    return StoreResult<qint64>::success(peer);
}

StoreResult<QList<qint64>> SqliteStore::peersOf(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("SELECT peer_id FROM participants WHERE user_id = ?"), {userId}, &ok);
    if (!ok)
        return failed<QList<qint64>>(q);
    QList<qint64> peers;
    while (q.next())
        peers.append(q.value(0).toLongLong());
    return StoreResult<QList<qint64>>::success(peers);
}

StoreResult<QList<Conversation>> SqliteStore::conversationsFor(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("SELECT c.id, c.last_activity, p.read_up_to, u.id, u.username, "
                            "q.read_up_to, q.delivered_up_to "
                            "FROM participants p JOIN conversations c ON c.id = p.conversation_id "
                            "JOIN participants q ON q.conversation_id = p.conversation_id "
                            "AND q.user_id = p.peer_id JOIN users u ON u.id = p.peer_id "
                            "WHERE p.user_id = ? ORDER BY c.last_activity DESC, c.id DESC"),
             {userId}, &ok);
    if (!ok)
        return failed<QList<Conversation>>(q);
    QList<Conversation> conversations;
    while (q.next()) {
        Conversation c;
        c.id = q.value(0).toLongLong();
        c.lastActivity = q.value(1).toLongLong();
        c.readUpTo = q.value(2).toLongLong();
        c.peer = User{q.value(3).toLongLong(), q.value(4).toString(), false};
        c.peerReadUpTo = q.value(5).toLongLong();
        c.peerDeliveredUpTo = q.value(6).toLongLong();
        conversations.append(c);
    }
    q.finish();

    for (Conversation &c : conversations) {
        QSqlQuery &last = exec(QStringLiteral("SELECT ") + kMessageColumns +
                                   QStringLiteral(" FROM messages m WHERE m.conversation_id = ? "
                                                  "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                                  "WHERE h.user_id = ? AND h.message_id = m.id) "
                                                  "ORDER BY m.id DESC LIMIT 1"),
                               {c.id, userId}, &ok);
        if (!ok)
            return failed<QList<Conversation>>(last);
        if (last.next())
            c.lastMessage = messageFromRow(last);
        last.finish();

        QSqlQuery &unread =
            exec(QStringLiteral("SELECT COUNT(*) FROM messages m WHERE m.conversation_id = ? "
                                "AND m.sender_id = ? AND m.id > ? AND m.deleted = 0 "
                                "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                                "WHERE h.user_id = ? AND h.message_id = m.id)"),
                 {c.id, c.peer.id, c.readUpTo, userId}, &ok);
        if (!ok || !unread.next())
            return failed<QList<Conversation>>(unread);
        c.unread = unread.value(0).toInt();
        unread.finish();
    }
    return StoreResult<QList<Conversation>>::success(conversations);
}

} // namespace natter::server
