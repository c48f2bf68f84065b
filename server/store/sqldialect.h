#pragma once
// What differs between the databases SqlStore runs on, and nothing else: how a connection is
// set up (SQLite's file, pragmas and WAL; PostgreSQL's URL and session), how a failed call
// is classified and worded, how transactions start, where the revision counter lives and
// how a new row's id comes back. The SQL itself is shared; the few statements that really
// differ switch on kind() where they are written (sqlstore*.cpp).

#include "storeresult.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <memory>

namespace natter::server {

class SqlDialect
{
public:
    enum class Kind
    {
        Sqlite,
        Postgres,
    };

    // A failed statement, as the store reports it.
    struct Failure
    {
        StoreFailure failure = StoreFailure::Internal;
        bool connectionLost = false; // connect again before the next call
    };

    virtual ~SqlDialect() = default;

    virtual Kind kind() const = 0;
    // The folder of the migrations under :/natter/sql/ ("sqlite", "postgresql").
    virtual QString name() const = 0;
    // The QtSql driver ("QSQLITE", "QPSQL").
    virtual QString driver() const = 0;

    // ---- connection set-up (SqlConnection owns the connection and calls these) ----
    // Checks the settings before the first connection.
    virtual StoreResult<bool> prepare() = 0;
    // Points `db` (added, not open) at the database, opens it and sets the session up.
    // False with *error on failure.
    virtual bool connect(QSqlDatabase &db, QString *error) = 0;
    // The connection is about to close (a thread that reads the same file stops first).
    virtual void closing() {}
    // Whether a connection that broke is opened again by the next call.
    virtual bool reconnects() const = 0;
    // Whether statements read their rows forward only (no scrolling back).
    virtual bool forwardOnly() const = 0;
    // Appended to a SELECT whose rows of `alias` the transaction will change from what it
    // read: locks them where writers run side by side; empty where they never do.
    virtual QString lockRows(const QString &alias) const
    {
        Q_UNUSED(alias);
        return {};
    }

    // ---- failures ----
    virtual Failure classify(const QSqlError &error, bool open) const = 0;
    // The text of a failed statement, begin or commit, for logs.
    virtual QString describe(const QSqlError &error) const = 0;
    // The text of a failure to connect at open().
    virtual QString connectFailed(const QString &error) const { return error; }
    // The text of a connection lost while in use (`why`: the driver's or the reconnect's).
    virtual QString connectionLost(const QString &why) const { return why; }
    // The text of a failed migration (the runner reports text only).
    virtual QString migrationFailed(const QString &text) const = 0;
    // The text of a failed begin or commit (already describe()d).
    virtual QString transactionFailed(const QString &text) const { return text; }
    // Why writes must be refused now without running them (SQLite: the file was deleted or
    // replaced); empty when they may go ahead. Asked once per transaction or lone write.
    virtual QString refusal() { return {}; }
    // A batch of `messages` new messages is about to be written on this connection.
    virtual void beforeBatch(QSqlDatabase &db, qsizetype messages)
    {
        Q_UNUSED(db);
        Q_UNUSED(messages);
    }

    // ---- transactions and revisions ----
    // The statement that starts a writing transaction.
    virtual QString beginWrite() const = 0;
    // The statement that starts a read of several tables on one snapshot; empty when a read
    // needs none.
    virtual QString beginRead() const = 0;
    // True: revisions come from the database's `revision_seq`, shared by processes whose
    // writing transactions run side by side and may commit out of rev order; each announces a
    // lower bound for its revs, and sync reads below them (SqlConnection::beginWrite() and
    // readHorizon()). False: this process is the only writer and keeps the counter in memory
    // (the highest rev stored, read at open), shared by its connections: their writing
    // transactions take the database's one write lock, so they run one after another and
    // commit in rev order.
    virtual bool sharedRevision() const = 0;
    // Another dialect on the same database, for a second connection of this process (the
    // message writer's thread); null when the database cannot be shared (SQLite :memory:).
    virtual std::unique_ptr<SqlDialect> sibling() const = 0;
    // SQLite: the file of the search index, beside the database (":memory:" beside an
    // in-memory one); empty where the index is in the database itself.
    virtual QString searchIndexFile() const { return {}; }
    // True: an INSERT returns the new id as a row (" RETURNING id" appended); false: the
    // driver's last insert id.
    virtual bool returningIds() const = 0;
};

} // namespace natter::server
