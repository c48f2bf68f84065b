#include "sqlconnection.h"

#include "migrations.h"

#include <QAtomicInt>
#include <QSqlError>

#include <algorithm>
#include <limits>
#include <utility>

namespace natter::server {
namespace {

QAtomicInt s_connectionCounter;

} // namespace

SqlConnection::SqlConnection(std::unique_ptr<SqlDialect> dialect, RevisionCounter counter)
    : m_dialect(std::move(dialect)),
      m_connectionName(QStringLiteral("natter-%1-%2")
                           .arg(m_dialect->name())
                           .arg(s_connectionCounter.fetchAndAddRelaxed(1))),
      m_committedRev(counter ? std::move(counter) : std::make_shared<std::atomic<qint64>>(0))
{}

SqlConnection::~SqlConnection()
{
    close();
}

StoreResult<bool> SqlConnection::open()
{
    using R = StoreResult<bool>;
    close();
    const auto prepared = m_dialect->prepare();
    if (!prepared.ok())
        return prepared;
    if (!connect()) {
        const QString detail = m_dialect->connectFailed(m_lastError);
        close();
        return R::fail(StoreFailure::Unavailable, detail);
    }
    const auto migrated = Migrations::apply(m_db, m_dialect->name());
    if (!migrated.ok()) {
        const QString detail = m_dialect->migrationFailed(migrated.detail);
        close();
        return R::fail(migrated.failure, detail);
    }
    m_schemaVersion = migrated.value;
    if (!m_dialect->sharedRevision() && !readRevision()) {
        const QString detail = m_lastError;
        close();
        return R::fail(StoreFailure::Unavailable, detail);
    }
    return R::success(true);
}

bool SqlConnection::readRevision()
{
    // The highest rev stored anywhere.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(rev), 0) FROM ("
                               "SELECT MAX(rev) AS rev FROM messages "
                               "UNION ALL SELECT MAX(rev) FROM participants "
                               "UNION ALL SELECT MAX(rev) FROM hidden_messages) r")) ||
        !q.next()) {
        m_lastError = m_dialect->describe(q.lastError());
        return false;
    }
    // A second connection opens after the first has handed out revisions: never back.
    const qint64 stored = q.value(0).toLongLong();
    qint64 known = m_committedRev->load();
    while (known < stored && !m_committedRev->compare_exchange_weak(known, stored)) {
    }
    return true;
}

void SqlConnection::close()
{
    m_inTransaction = false;
    m_writing = false;
    disconnect();
}

bool SqlConnection::connect()
{
    // A new connection name each time, so that disconnect() can drop the old driver first.
    m_db = QSqlDatabase::addDatabase(m_dialect->driver(),
                                     m_connectionName + u'-' + QString::number(++m_connections));
    if (!m_dialect->connect(m_db, &m_lastError)) {
        disconnect();
        return false;
    }
    m_broken = false;
    return true;
}

void SqlConnection::disconnect()
{
    m_dialect->closing();
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

bool SqlConnection::reconnectIfBroken()
{
    if (!m_broken || !m_dialect->reconnects())
        return true;
    if (m_inTransaction)
        return false;
    disconnect();
    return connect();
}

QSqlQuery &SqlConnection::exec(const QString &sql, const QVariant *begin, const QVariant *end,
                               bool *ok)
{
    m_refusal.clear();
    reconnectIfBroken();
    // A write on its own (beginWrite() checks those in a transaction).
    if (!m_inTransaction && !sql.startsWith(QLatin1String("SELECT"))) {
        m_refusal = m_dialect->refusal();
        if (!m_refusal.isEmpty()) {
            m_lastError = m_refusal;
            *ok = false;
            return m_unprepared;
        }
    }
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(m_dialect->forwardOnly());
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
    for (const QVariant *v = begin; v != end; ++v)
        it->bindValue(i++, *v);
    *ok = it->exec();
    if (!*ok)
        m_statementFailed = true;
    return *it;
}

StoreFailure SqlConnection::failureOf(const QSqlQuery &query, QString *detail)
{
    if (!m_refusal.isEmpty()) {
        *detail = m_refusal;
        return StoreFailure::Unavailable;
    }
    const QSqlError error = query.lastError();
    const SqlDialect::Failure failure = m_dialect->classify(error, m_db.isOpen());
    if (failure.connectionLost) {
        m_broken = true;
        *detail = m_dialect->connectionLost(m_db.isOpen() ? error.text() : m_lastError);
        return StoreFailure::Unavailable;
    }
    *detail = m_dialect->describe(error);
    return failure.failure;
}

QString SqlConnection::returningId() const
{
    return m_dialect->returningIds() ? QStringLiteral(" RETURNING id") : QString();
}

qint64 SqlConnection::insertedId(QSqlQuery &query)
{
    if (!m_dialect->returningIds())
        return query.numRowsAffected() > 0 ? query.lastInsertId().toLongLong() : 0;
    const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return id;
}

// ---- transactions ----------------------------------------------------------------------

bool SqlConnection::startTransaction(const QString &sql)
{
    if (!reconnectIfBroken())
        return false;
    // Not a prepared statement: PostgreSQL cannot prepare BEGIN.
    QSqlQuery begin(m_db);
    if (!begin.exec(sql)) {
        m_lastError = m_dialect->describe(begin.lastError());
        if (m_dialect->classify(begin.lastError(), m_db.isOpen()).connectionLost)
            m_broken = true;
        return false;
    }
    m_inTransaction = true;
    m_writing = false;
    m_statementFailed = false;
    return true;
}

bool SqlConnection::beginWrite(WriteMode mode)
{
    m_refusal = m_dialect->refusal();
    if (!m_refusal.isEmpty()) {
        m_lastError = m_refusal;
        return false;
    }
    if (!startTransaction(m_dialect->beginWrite()))
        return false;
    m_writing = true;
    if (!m_dialect->sharedRevision()) {
        // The write lock is ours: no other connection moves the counter until we commit.
        m_rev = m_revAtBegin = m_committedRev->load();
        return true;
    }
    // Two advisory locks, both released by PostgreSQL only after the commit is visible (or
    // at a rollback or a lost connection):
    // - the write lock (second key -1): exclusive for a serial transaction, shared for a
    //   concurrent one;
    // - before taking any rev, a lower bound for them announced where every reader sees it
    //   at once: shared (never waited for: nobody takes it exclusively), keyed by the
    //   sequence's last value, which every rev this transaction takes will exceed. So
    //   readHorizon() stays below every rev not yet committed. The key holds the bound
    //   modulo 2^31; readHorizon() restores it from the last value.
    // The first key names this schema's sequence, so schemas sharing a database do not mix.
    const QString take = mode == WriteMode::Serial ? QStringLiteral("pg_advisory_xact_lock")
                                                   : QStringLiteral("pg_advisory_xact_lock_shared");
    bool ok = false;
    QSqlQuery &q = exec(QStringLiteral("SELECT %1(k.id, -1), pg_advisory_xact_lock_shared(k.id, "
                                       "(s.last_value & 2147483647)::integer) FROM revision_seq s, "
                                       "(SELECT ('revision_seq'::regclass::oid::bigint "
                                       "% 2147483647)::integer AS id) k")
                            .arg(take),
                        {}, &ok);
    if (!ok) {
        failureOf(q, &m_lastError);
        rollback();
        return false;
    }
    q.finish();
    m_revPool.clear();
    m_revTaken = 0;
    m_revFailed = false;
    return true;
}

qint64 SqlConnection::takeRev()
{
    if (!m_dialect->sharedRevision())
        return ++m_rev;
    if (m_revTaken == m_revPool.size()) {
        // A batch announces its size (beforeBatch()); other writes take a few.
        const qsizetype wanted = std::max<qsizetype>(m_revWanted, 4);
        m_revWanted = 0;
        m_revPool.clear();
        m_revTaken = 0;
        bool ok = false;
        QSqlQuery &q = exec(QStringLiteral("SELECT nextval('revision_seq') "
                                           "FROM generate_series(1, ?)"),
                            {qint64(wanted)}, &ok);
        while (ok && q.next())
            m_revPool.append(q.value(0).toLongLong());
        if (ok)
            q.finish();
        if (!ok || m_revPool.isEmpty()) {
            // The write this rev was for fails too (the transaction is aborted); commit()
            // refuses in any case, so nothing is stored without its rev.
            failureOf(q, &m_lastError);
            m_revFailed = true;
            return 0;
        }
    }
    return m_revPool[m_revTaken++];
}

void SqlConnection::returnRev()
{
    if (!m_dialect->sharedRevision())
        --m_rev;
    else if (m_revTaken > 0)
        --m_revTaken;
}

StoreResult<qint64> SqlConnection::readHorizon()
{
    using R = StoreResult<qint64>;
    if (!m_dialect->sharedRevision())
        return R::success(std::numeric_limits<qint64>::max());
    // The sequence's last value first, the bounds still announced after it: a rev at or
    // below both was taken before the first read by a writer whose bound was announced
    // before it took the rev, and that bound is gone only once its commit is visible (see
    // beginWrite()). The subquery uses the last value, so it runs after it is read. The
    // snapshot of the read that follows is taken later still (beginRead()).
    bool ok = false;
    QSqlQuery &q =
        exec(QStringLiteral("SELECT s.last_value - COALESCE((SELECT max(((s.last_value - "
                            "l.objid::bigint) % 2147483648 + 2147483648) % 2147483648) "
                            "FROM pg_locks l WHERE l.locktype = 'advisory' AND l.objsubid = 2 "
                            "AND l.objid::bigint < 2147483648 "
                            "AND l.classid::bigint = 'revision_seq'::regclass::oid::bigint "
                            "% 2147483647 AND l.database = (SELECT oid FROM pg_database "
                            "WHERE datname = current_database())), 0) FROM revision_seq s"),
             {}, &ok);
    if (!ok || !q.next())
        return failed<qint64>(q);
    const qint64 horizon = q.value(0).toLongLong();
    q.finish();
    return R::success(horizon);
}

bool SqlConnection::commit()
{
    if (m_writing && m_revFailed) {
        m_lastError = m_dialect->transactionFailed(m_lastError);
        rollback();
        return false;
    }
    if (m_writing && !m_dialect->sharedRevision() && m_rev != m_revAtBegin)
        // Before the commit lets go of the lock. Should the commit fail, the revisions it
        // took stay taken: a gap, never a rev handed out twice.
        m_committedRev->store(m_rev);
    if (!m_db.commit()) {
        // Taken before the rollback: after a failed commit (a full disk) SQLite has often
        // rolled back already, and the rollback's "no transaction is active" would hide it.
        m_lastError = m_dialect->describe(m_db.lastError());
        rollback();
        return false;
    }
    m_inTransaction = false;
    m_writing = false;
    return true;
}

void SqlConnection::rollback()
{
    m_db.rollback();
    m_inTransaction = false;
    m_writing = false;
    m_rev = m_revAtBegin;
    // Sequence values are not given back: the unused ones are gaps.
    m_revPool.clear();
    m_revTaken = 0;
    m_revFailed = false;
    ++m_rollbacks;
}

bool SqlConnection::beginRead()
{
    const QString sql = m_dialect->beginRead();
    if (sql.isEmpty())
        return true;
    return startTransaction(sql);
}

bool SqlConnection::endRead()
{
    return !m_inTransaction || commit();
}

void SqlConnection::abortRead()
{
    if (m_inTransaction)
        rollback();
}

} // namespace natter::server
