#pragma once
// The one owner of SqlStore's database connection: it names, opens, migrates and closes it,
// caches prepared statements, runs transactions and hands out revisions. Whatever differs
// between databases it asks its SqlDialect. Everything that touches the QSqlDatabase goes
// through here, so moving the work to another thread means moving this object.

#include "sqldialect.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <initializer_list>
#include <memory>

namespace natter::server {

class SqlConnection final
{
public:
    // The in-memory revision counter (dialects without a shared revision): one per database
    // in this process, shared by its connections.
    using RevisionCounter = std::shared_ptr<std::atomic<qint64>>;

    // `counter`: another connection's, for a second connection to the same database.
    explicit SqlConnection(std::unique_ptr<SqlDialect> dialect, RevisionCounter counter = {});
    ~SqlConnection();
    Q_DISABLE_COPY_MOVE(SqlConnection)

    const SqlDialect &dialect() const { return *m_dialect; }
    const RevisionCounter &revisionCounter() const { return m_committedRev; }
    SqlDialect::Kind kind() const { return m_dialect->kind(); }

    // Connects, applies pending migrations and reads the revision counter.
    StoreResult<bool> open();
    void close();
    int schemaVersion() const { return m_schemaVersion; }

    // Prepares (cached by the SQL text, bound values only), binds in order and executes;
    // *ok is false on error, and failed() tells why.
    QSqlQuery &exec(const QString &sql, std::initializer_list<QVariant> values, bool *ok)
    {
        return exec(sql, values.begin(), values.end(), ok);
    }
    QSqlQuery &exec(const QString &sql, const QVariantList &values, bool *ok)
    {
        return exec(sql, values.constData(), values.constData() + values.size(), ok);
    }
    template <typename T> StoreResult<T> failed(const QSqlQuery &query)
    {
        QString detail;
        const StoreFailure failure = failureOf(query, &detail);
        return StoreResult<T>::fail(failure, detail);
    }
    // " RETURNING id" where the dialect returns new ids as a row, else empty: appended to an
    // INSERT whose id insertedId() then reads.
    QString returningId() const;
    // The id of the row the INSERT just run created; 0 when it created none (ON CONFLICT DO
    // NOTHING).
    qint64 insertedId(QSqlQuery &query);

    // A batch of `messages` new messages is about to be written (the dialect may tune for it).
    void beforeBatch(qsizetype messages)
    {
        m_revWanted = messages + 2;
        m_dialect->beforeBatch(m_db, messages);
    }

    // How a writing transaction runs beside others on other connections (PostgreSQL; on SQLite
    // every writing transaction holds the database's one write lock). Serial: alone, as if
    // nothing else wrote. Concurrent: beside other concurrent ones (never beside a serial
    // one), so everything it reads and then writes must be safe from them: rows it changes
    // from what it read are locked as they are read, rows locked in one order (conversations
    // by id before participants), no check-then-insert without ON CONFLICT.
    enum class WriteMode
    {
        Serial,
        Concurrent
    };
    // A transaction that hands out revisions (takeRev()).
    bool beginWrite(WriteMode mode = WriteMode::Serial);
    bool commit();
    void rollback();
    // Several reads on one snapshot; endRead()/abortRead() close it.
    bool beginRead();
    bool endRead();
    void abortRead();
    // Why the last begin or commit failed.
    QString transactionError() const { return m_dialect->transactionFailed(m_lastError); }
    // Whether a statement failed since the transaction began (in PostgreSQL that aborts it).
    bool statementFailed() const { return m_statementFailed; }
    // Rollbacks so far: a cache of rows written in a transaction compares it.
    quint64 rollbacks() const { return m_rollbacks; }

    // Inside a writing transaction: the next revision, and giving it back when unused.
    // PostgreSQL: 0 when the sequence could not be read; the transaction then cannot commit.
    qint64 takeRev();
    void returnRev();

    // The highest rev below which every change is committed and visible to a read that
    // begins after this call (beginRead()); sync reads no further. PostgreSQL: writers on
    // other connections and instances take revs without waiting for each other and may
    // commit out of rev order (see beginWrite()). Other dialects: everything.
    StoreResult<qint64> readHorizon();

    // Runs `work` in one writing transaction: commits when it succeeds, rolls back otherwise.
    template <typename T, typename Work>
    StoreResult<T> inTransaction(Work &&work, WriteMode mode = WriteMode::Serial)
    {
        if (!beginWrite(mode))
            return StoreResult<T>::fail(StoreFailure::Unavailable, transactionError());
        StoreResult<T> result = work();
        if (!result.ok()) {
            rollback();
            return result;
        }
        if (!commit())
            return StoreResult<T>::fail(StoreFailure::Unavailable, transactionError());
        return result;
    }

private:
    bool connect();
    void disconnect();
    // After the connection broke (server restart, network), the next call outside a
    // transaction connects again instead of failing forever (dialects that reconnect).
    bool reconnectIfBroken();
    bool startTransaction(const QString &sql);
    StoreFailure failureOf(const QSqlQuery &query, QString *detail);
    bool readRevision();
    QSqlQuery &exec(const QString &sql, const QVariant *begin, const QVariant *end, bool *ok);

    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName; // prefix; each connection gets a number
    int m_connections = 0;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    QSqlQuery m_unprepared; // a statement whose PREPARE failed: not cached, kept for its error
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
    bool m_writing = false;         // the transaction is beginWrite()'s
    bool m_broken = false;          // the connection failed; reconnect before the next call
    bool m_statementFailed = false; // since the transaction began
    quint64 m_rollbacks = 0;
    QString m_lastError; // of the last failed connect/begin/commit, taken before any rollback
    QString m_refusal;   // why the last statement was refused without running it
    // SQLite, inside a writing transaction: the last rev handed out.
    qint64 m_rev = 0;
    // PostgreSQL: revs taken from the sequence for this transaction and not handed out yet
    // (m_revPool[m_revTaken..]); how many to take next time; whether taking them failed.
    QList<qint64> m_revPool;
    qsizetype m_revTaken = 0;
    qsizetype m_revWanted = 0;
    bool m_revFailed = false;
    // In-memory revision: the highest committed, stored before the commit lets go of the
    // write lock (so the next writer, on any connection, starts from it).
    RevisionCounter m_committedRev;
    qint64 m_revAtBegin = 0; // m_rev when the transaction began, restored on rollback
};

} // namespace natter::server
