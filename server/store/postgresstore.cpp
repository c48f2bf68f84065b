// PostgresStore: connection, transactions, users, tokens and conversations. Messages,
// receipts and sync are in postgresstoremessages.cpp.
#include "postgresstore.h"

#include "migrations.h"
#include "storerows.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QSqlError>

#include <utility>

namespace natter::server {
namespace {

QAtomicInt s_connectionCounter;

bool isConnectionFailure(const QString &sqlState)
{
    // No SQLSTATE: libpq lost the server. 08: connection exception. 57P01..03: the server is
    // shutting down or starting.
    return sqlState.isEmpty() || sqlState.startsWith(QLatin1String("08")) ||
           sqlState == QLatin1String("57P01") || sqlState == QLatin1String("57P02") ||
           sqlState == QLatin1String("57P03");
}

StoredUser userFrom(const QSqlQuery &q)
{
    return StoredUser{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(),
                      q.value(3).toBool(), q.value(4).toLongLong()};
}

} // namespace

PostgresStore::PostgresStore(QString url)
    : m_url(std::move(url)),
      m_connectionName(
          QStringLiteral("natter-postgres-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{}

PostgresStore::~PostgresStore()
{
    close();
}

StoreResult<bool> PostgresStore::open()
{
    using R = StoreResult<bool>;
    close();
    QString error;
    const auto settings = PostgresUrl::parse(m_url, &error);
    if (!settings)
        return R::fail(StoreFailure::Unavailable, error);
    m_settings = *settings;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return R::fail(StoreFailure::Unavailable,
                       QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed "
                                      "(Debian: libqt6sql6-psql)"));

    if (!connect()) {
        // libpq's message names host and port but never the password.
        const QString detail = QStringLiteral("cannot connect to PostgreSQL at %1: %2")
                                   .arg(m_settings.location(), m_lastError);
        close();
        return R::fail(StoreFailure::Unavailable, detail);
    }

    const auto migrated = Migrations::apply(m_db, QStringLiteral("postgresql"));
    if (!migrated.ok()) {
        const QString detail = m_settings.location() + QStringLiteral(": ") + migrated.detail;
        close();
        return R::fail(migrated.failure, detail);
    }
    m_schemaVersion = migrated.value;
    return R::success(true);
}

void PostgresStore::close()
{
    m_inTransaction = false;
    disconnect();
}

void PostgresStore::disconnect()
{
    QHash<QString, QSqlQuery> statements;
    statements.swap(m_statements);
    const QSqlQuery unprepared = std::exchange(m_unprepared, QSqlQuery());
    if (m_db.isValid()) {
        const QString name = m_db.connectionName();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    // The statements go after their driver: they do not DEALLOCATE one by one on a connection
    // that may be dead (ending the session frees them anyway).
}

bool PostgresStore::connect()
{
    // A new connection name each time, so that disconnect() can drop the old driver first.
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"),
                                     m_connectionName + u'-' + QString::number(++m_connections));
    m_db.setHostName(m_settings.host);
    m_db.setPort(m_settings.port);
    m_db.setDatabaseName(m_settings.database);
    m_db.setUserName(m_settings.user);
    m_db.setPassword(m_settings.password);
    m_db.setConnectOptions(m_settings.connectOptions);
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text().trimmed();
        disconnect();
        return false;
    }
    if (!configureSession(&m_lastError)) {
        disconnect();
        return false;
    }
    m_broken = false;
    return true;
}

bool PostgresStore::configureSession(QString *error)
{
    QSqlQuery q(m_db);
    // Notices (e.g. "already exists, skipping") are not worth a log line.
    if (!q.exec(QStringLiteral("SET client_min_messages TO warning"))) {
        *error = q.lastError().text();
        return false;
    }
    if (m_settings.schema.isEmpty())
        return true;
    q.prepare(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"));
    q.addBindValue(m_settings.schema);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    const bool exists = q.next();
    // The schema name is an identifier checked by PostgresUrl::parse (identifiers cannot be
    // bound values), quoted besides.
    const QString schema = u'"' + m_settings.schema + u'"';
    if (!exists && !q.exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") + schema)) {
        // Two processes creating it at once: one fails on the catalog's unique index.
        const QString createError = q.lastError().text();
        q.prepare(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"));
        q.addBindValue(m_settings.schema);
        if (!q.exec() || !q.next()) {
            *error = createError;
            return false;
        }
    }
    if (!q.exec(QStringLiteral("SET search_path TO ") + schema)) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool PostgresStore::reconnectIfBroken()
{
    if (!m_broken || m_inTransaction)
        return !m_broken;
    disconnect();
    return connect();
}

QSqlQuery &PostgresStore::exec(const QString &sql, std::initializer_list<QVariant> values, bool *ok)
{
    reconnectIfBroken();
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql)) {
            // Not cached: a statement prepared on a broken connection must be prepared again.
            m_unprepared = std::move(query);
            *ok = false;
            m_statementFailed = true;
            return m_unprepared;
        }
        it = m_statements.emplace(sql, std::move(query));
    }
    int i = 0;
    for (const QVariant &v : values)
        it->bindValue(i++, v);
    *ok = it->exec();
    if (!*ok)
        m_statementFailed = true;
    return *it;
}

StoreFailure PostgresStore::failureOf(const QSqlQuery &query, QString *detail)
{
    const QSqlError error = query.lastError();
    const QString state = error.nativeErrorCode();
    *detail = error.text();
    if (isConnectionFailure(state)) {
        m_broken = true;
        *detail = QStringLiteral("connection to PostgreSQL at %1 failed: %2")
                      .arg(m_settings.location(), m_db.isOpen() ? error.text() : m_lastError);
        return StoreFailure::Unavailable;
    }
    if (state.startsWith(QLatin1String("23"))) // integrity constraint violation
        return StoreFailure::Conflict;
    // 40: serialization failure/deadlock; 53: out of disk, memory or connections;
    // 55P03: lock not available; 25006: read-only transaction (e.g. a standby).
    if (state.startsWith(QLatin1String("40")) || state.startsWith(QLatin1String("53")) ||
        state == QLatin1String("55P03") || state == QLatin1String("25006"))
        return StoreFailure::Unavailable;
    return StoreFailure::Internal;
}

// ---- transactions ----------------------------------------------------------------------

bool PostgresStore::beginWrite()
{
    if (!reconnectIfBroken())
        return false;
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        m_broken = true; // BEGIN only fails on a connection that is gone
        return false;
    }
    m_inTransaction = true;
    m_statementFailed = false;
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT value FROM revision FOR UPDATE"), {}, &ok);
    if (!ok || !q.next()) {
        QString detail;
        failureOf(q, &detail);
        m_lastError = detail;
        rollback();
        return false;
    }
    m_rev = m_revAtBegin = q.value(0).toLongLong();
    q.finish();
    return true;
}

bool PostgresStore::beginSnapshot()
{
    if (!reconnectIfBroken())
        return false;
    if (!m_db.transaction()) {
        m_lastError = m_db.lastError().text();
        m_broken = true;
        return false;
    }
    m_inTransaction = true;
    m_statementFailed = false;
    m_rev = m_revAtBegin = 0;
    // SET cannot be a prepared statement (and has no values).
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))) {
        failureOf(q, &m_lastError);
        rollback();
        return false;
    }
    return true;
}

bool PostgresStore::commit()
{
    if (m_rev != m_revAtBegin) {
        bool ok = false;
        QSqlQuery &q = exec(QStringLiteral("UPDATE revision SET value = ?"), {m_rev}, &ok);
        if (!ok) {
            failureOf(q, &m_lastError);
            rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        m_lastError = m_db.lastError().text();
        rollback();
        return false;
    }
    m_inTransaction = false;
    return true;
}

void PostgresStore::rollback()
{
    m_db.rollback();
    m_inTransaction = false;
    m_rev = m_revAtBegin;
}

StoreResult<bool> PostgresStore::transactionFailed()
{
    return StoreResult<bool>::fail(StoreFailure::Unavailable,
                                   m_settings.location() + QStringLiteral(": ") + m_lastError);
}

// ---- users and tokens ------------------------------------------------------------------

StoreResult<StoredUser> PostgresStore::createUser(const QString &username,
                                                  const QByteArray &passwordHash, qint64 createdAt)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("INSERT INTO users (username, password_hash, created_at) "
                                       "VALUES (?, ?, ?) RETURNING id"),
                        {username, passwordHash, createdAt}, &ok);
    if (!ok || !q.next())
        return failed<StoredUser>(q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return StoreResult<StoredUser>::success(
        StoredUser{id, username, passwordHash, false, createdAt});
}

StoreResult<StoredUser> PostgresStore::userWhere(const QString &condition, const QVariant &value)
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

StoreResult<StoredUser> PostgresStore::userByName(const QString &username)
{
    return userWhere(QStringLiteral("lower(username) = lower(?)"), username);
}

StoreResult<StoredUser> PostgresStore::userById(qint64 id)
{
    return userWhere(QStringLiteral("id = ?"), id);
}

StoreResult<QList<User>> PostgresStore::listUsers(const QString &query, int limit)
{
    // Usernames are ASCII: ILIKE is the case-insensitive match, wildcards escaped; ordering by
    // the lowercased bytes (COLLATE "C") matches SQLite's NOCASE whatever the server's locale.
    QString pattern = query;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT id, username FROM users "
                                       "WHERE NOT disabled AND username ILIKE ? ESCAPE '\\' "
                                       "ORDER BY lower(username) COLLATE \"C\" LIMIT ?"),
                        {QStringLiteral("%") + pattern + QStringLiteral("%"), limit}, &ok);
    if (!ok)
        return failed<QList<User>>(q);
    QList<User> users;
    while (q.next())
        users.append(User{q.value(0).toLongLong(), q.value(1).toString(), false});
    return StoreResult<QList<User>>::success(users);
}

StoreResult<bool> PostgresStore::setUserDisabled(qint64 id, bool disabled)
{
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {disabled, id}, &ok);
    if (!ok)
        return failed<bool>(q);
    if (q.numRowsAffected() == 0)
        return StoreResult<bool>::fail(StoreFailure::NotFound);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> PostgresStore::setPasswordHash(qint64 id, const QByteArray &passwordHash)
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

StoreResult<bool> PostgresStore::addToken(qint64 userId, const QByteArray &tokenHash,
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

StoreResult<qint64> PostgresStore::userForToken(const QByteArray &tokenHash, qint64 now)
{
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("SELECT t.user_id FROM tokens t JOIN users u ON u.id = t.user_id "
                            "WHERE t.hash = ? AND NOT t.revoked AND t.expires_at > ? "
                            "AND NOT u.disabled"),
             {tokenHash, now}, &ok);
    if (!ok)
        return failed<qint64>(q);
    if (!q.next())
        return StoreResult<qint64>::fail(StoreFailure::NotFound);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return StoreResult<qint64>::success(id);
}

StoreResult<bool> PostgresStore::revokeToken(const QByteArray &tokenHash)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("UPDATE tokens SET revoked = true, revoked_at = ? "
                                       "WHERE hash = ? AND revoked = false"),
                        {QDateTime::currentMSecsSinceEpoch(), tokenHash}, &ok);
    if (!ok)
        return failed<bool>(q);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<bool> PostgresStore::revokeUserTokens(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("UPDATE tokens SET revoked = true, revoked_at = ? "
                                       "WHERE user_id = ? AND revoked = false"),
                        {QDateTime::currentMSecsSinceEpoch(), userId}, &ok);
    if (!ok)
        return failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<QList<QByteArray>> PostgresStore::tokensEndedBetween(qint64 after, qint64 upTo)
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

StoreResult<qint64> PostgresStore::peerOf(qint64 conversationId, qint64 userId)
{
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
    return StoreResult<qint64>::success(peer);
}

StoreResult<QList<qint64>> PostgresStore::peersOf(qint64 userId)
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

StoreResult<QList<Conversation>> PostgresStore::conversationsFor(qint64 userId)
{
    // One round trip: the last visible message comes from a LATERAL subquery, the unread
    // count (the peer's messages after the read position, not deleted, not hidden) from a
    // scalar one.
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral(
                 "SELECT c.id, c.last_activity, p.read_up_to, u.id, u.username, q.read_up_to, "
                 "q.delivered_up_to, "
                 "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id "
                 "AND m.sender_id = p.peer_id AND m.id > p.read_up_to AND NOT m.deleted "
                 "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                 "WHERE h.user_id = p.user_id AND h.message_id = m.id)), ") +
                 messageColumns(QStringLiteral("lm")) +
                 QStringLiteral(
                     " FROM participants p JOIN conversations c ON c.id = p.conversation_id "
                     "JOIN participants q ON q.conversation_id = p.conversation_id "
                     "AND q.user_id = p.peer_id JOIN users u ON u.id = p.peer_id "
                     "LEFT JOIN LATERAL (SELECT * FROM messages m WHERE m.conversation_id = c.id "
                     "AND NOT EXISTS (SELECT 1 FROM hidden_messages h "
                     "WHERE h.user_id = p.user_id AND h.message_id = m.id) "
                     "ORDER BY m.id DESC LIMIT 1) lm ON true "
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
        c.unread = q.value(7).toInt();
        if (!q.value(8).isNull())
            c.lastMessage = messageFromRow(q, 8);
        conversations.append(c);
    }
    q.finish();
    return StoreResult<QList<Conversation>>::success(conversations);
}

} // namespace natter::server
