// SqlStore: opening, users and session tokens.
#include "sqlstore.h"

#include <QDateTime>

namespace natter::server {
namespace {

StoredUser userFrom(const QSqlQuery &q)
{
    return StoredUser{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toByteArray(),
                      q.value(3).toBool(), q.value(4).toLongLong()};
}

} // namespace

SqlStore::SqlStore(std::unique_ptr<SqlDialect> dialect, SqlConnection::RevisionCounter counter)
    : m_sql(std::move(dialect), std::move(counter))
{}

std::unique_ptr<SqlStore> SqlStore::siblingAs(Role role) const
{
    auto dialect = m_sql.dialect().sibling();
    if (!dialect)
        return nullptr;
    auto store = std::make_unique<SqlStore>(std::move(dialect), m_sql.revisionCounter());
    store->m_role = role;
    if (role == Role::Sibling)
        store->m_searchIndexer = m_searchIndexer; // it tells the indexer what it stored
    return store;
}

std::unique_ptr<ChatStore> SqlStore::sibling() const
{
    return siblingAs(Role::Sibling);
}

std::unique_ptr<SqlStore> SqlStore::indexerSibling() const
{
    return siblingAs(Role::Indexer);
}

StoreResult<bool> SqlStore::open()
{
    m_peers.clear();
    m_pairs.clear();
    const auto opened = m_sql.open();
    if (!opened.ok())
        return opened;
    if (indexesApart())
        return openSearchIndex();
    return backfillSearchIndex();
}

void SqlStore::close()
{
    m_searchTermsTable = false; // a temporary table of the connection
    m_sql.close();
    // Then the indexer (when no sibling holds it either): the last connection to the index
    // file checkpoints its WAL into it, and this one only reads it.
    m_searchIndexer.reset();
}

StoreResult<StoredUser> SqlStore::createUser(const QString &username,
                                             const QByteArray &passwordHash, qint64 createdAt)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("INSERT INTO users (username, password_hash, "
                                             "created_at) VALUES (?, ?, ?)") +
                                  m_sql.returningId(),
                              {username, passwordHash, createdAt}, &ok);
    if (!ok)
        return m_sql.failed<StoredUser>(q);
    const qint64 id = m_sql.insertedId(q);
    if (id <= 0)
        return StoreResult<StoredUser>::fail(StoreFailure::Internal, QStringLiteral("no user id"));
    return StoreResult<StoredUser>::success(
        StoredUser{id, username, passwordHash, false, createdAt});
}

StoreResult<StoredUser> SqlStore::userWhere(const QString &condition, const QVariant &value)
{
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(QStringLiteral("SELECT id, username, password_hash, disabled, created_at "
                                  "FROM users WHERE ") +
                       condition,
                   {value}, &ok);
    if (!ok)
        return m_sql.failed<StoredUser>(q);
    if (!q.next())
        return StoreResult<StoredUser>::fail(StoreFailure::NotFound);
    auto user = userFrom(q);
    q.finish();
    return StoreResult<StoredUser>::success(user);
}

StoreResult<StoredUser> SqlStore::userByName(const QString &username)
{
    // Each as its unique index is declared: SQLite's column is COLLATE NOCASE, PostgreSQL's
    // index is on lower(username).
    switch (m_sql.kind()) {
    case SqlDialect::Kind::Sqlite:
        return userWhere(QStringLiteral("username = ?"), username);
    case SqlDialect::Kind::Postgres:
        break;
    }
    return userWhere(QStringLiteral("lower(username) = lower(?)"), username);
}

StoreResult<StoredUser> SqlStore::userById(qint64 id)
{
    return userWhere(QStringLiteral("id = ?"), id);
}

StoreResult<QList<User>> SqlStore::listUsers(const QString &query, int limit)
{
    // Usernames are ASCII: a case-insensitive match with the wildcards escaped, ordered by
    // the lowercased bytes. SQLite's LIKE and NOCASE are that already; in PostgreSQL it is
    // ILIKE and the "C" collation, whatever the server's locale.
    QString pattern = query;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    QString sql;
    switch (m_sql.kind()) {
    case SqlDialect::Kind::Sqlite:
        sql = QStringLiteral("SELECT id, username FROM users "
                             "WHERE NOT disabled AND username LIKE ? ESCAPE '\\' "
                             "ORDER BY username COLLATE NOCASE LIMIT ?");
        break;
    case SqlDialect::Kind::Postgres:
        sql = QStringLiteral("SELECT id, username FROM users "
                             "WHERE NOT disabled AND username ILIKE ? ESCAPE '\\' "
                             "ORDER BY lower(username) COLLATE \"C\" LIMIT ?");
        break;
    }
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(sql, {QStringLiteral("%") + pattern + QStringLiteral("%"), limit}, &ok);
    if (!ok)
        return m_sql.failed<QList<User>>(q);
    QList<User> users;
    while (q.next())
        users.append(User{q.value(0).toLongLong(), q.value(1).toString(), false});
    return StoreResult<QList<User>>::success(users);
}

StoreResult<bool> SqlStore::updateUser(const QString &sql, std::initializer_list<QVariant> values)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(sql, values, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    if (q.numRowsAffected() == 0)
        return StoreResult<bool>::fail(StoreFailure::NotFound);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::setUserDisabled(qint64 id, bool disabled)
{
    return updateUser(QStringLiteral("UPDATE users SET disabled = ? WHERE id = ?"), {disabled, id});
}

StoreResult<bool> SqlStore::setPasswordHash(qint64 id, const QByteArray &passwordHash)
{
    return updateUser(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
                      {passwordHash, id});
}

StoreResult<bool> SqlStore::addToken(qint64 userId, const QByteArray &tokenHash, qint64 createdAt,
                                     qint64 expiresAt)
{
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(QStringLiteral("INSERT INTO tokens (hash, user_id, created_at, expires_at) "
                                  "VALUES (?, ?, ?, ?)"),
                   {tokenHash, userId, createdAt, expiresAt}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<qint64> SqlStore::userForToken(const QByteArray &tokenHash, qint64 now)
{
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(QStringLiteral("SELECT t.user_id FROM tokens t JOIN users u ON u.id = t.user_id "
                                  "WHERE t.hash = ? AND NOT t.revoked AND t.expires_at > ? "
                                  "AND NOT u.disabled"),
                   {tokenHash, now}, &ok);
    if (!ok)
        return m_sql.failed<qint64>(q);
    if (!q.next())
        return StoreResult<qint64>::fail(StoreFailure::NotFound);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return StoreResult<qint64>::success(id);
}

StoreResult<bool> SqlStore::revokeToken(const QByteArray &tokenHash)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("UPDATE tokens SET revoked = TRUE, revoked_at = ? "
                                             "WHERE hash = ? AND NOT revoked"),
                              {QDateTime::currentMSecsSinceEpoch(), tokenHash}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<bool> SqlStore::revokeUserTokens(qint64 userId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("UPDATE tokens SET revoked = TRUE, revoked_at = ? "
                                             "WHERE user_id = ? AND NOT revoked"),
                              {QDateTime::currentMSecsSinceEpoch(), userId}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<QList<QByteArray>> SqlStore::tokensEndedBetween(qint64 after, qint64 upTo)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT hash FROM tokens WHERE revoked_at > ? "
                                             "AND revoked_at <= ? UNION SELECT hash FROM tokens "
                                             "WHERE expires_at > ? AND expires_at <= ?"),
                              {after, upTo, after, upTo}, &ok);
    if (!ok)
        return m_sql.failed<QList<QByteArray>>(q);
    QList<QByteArray> hashes;
    while (q.next())
        hashes.append(q.value(0).toByteArray());
    q.finish();
    return StoreResult<QList<QByteArray>>::success(hashes);
}

} // namespace natter::server
