#pragma once
// SqlStore on an embedded SQLite database file (QtSql's QSQLITE driver) in WAL mode: the
// file's checks and pragmas, a WAL checkpointer thread, SQLite's error codes. This process
// is the only writer (other processes, e.g. `natter-server user`, write rarely and wait for
// the lock), so the revision counter lives in memory, shared by its connections.

#include "sqldialect.h"
#include "sqlitestorefile.h"

#include <memory>
#include <optional>

namespace natter::server {

class WalCheckpointer;

class SqliteDialect final : public SqlDialect
{
public:
    // `checkpoints`: whether this connection runs the WAL checkpointer thread (one per
    // process is enough: the message writer's sibling connection does not, and checkpoints
    // in larger steps on its own thread; connect() says why).
    explicit SqliteDialect(QString path, bool checkpoints = true);
    ~SqliteDialect() override;
    Q_DISABLE_COPY_MOVE(SqliteDialect)

    Kind kind() const override { return Kind::Sqlite; }
    QString name() const override { return QStringLiteral("sqlite"); }
    QString driver() const override { return QStringLiteral("QSQLITE"); }

    StoreResult<bool> prepare() override;
    bool connect(QSqlDatabase &db, QString *error) override;
    void closing() override;
    bool reconnects() const override { return false; }
    bool forwardOnly() const override { return true; }

    Failure classify(const QSqlError &error, bool open) const override;
    // SQLite's text, with the free space on a full disk.
    QString describe(const QSqlError &error) const override;
    QString migrationFailed(const QString &text) const override;
    // The file opened is no longer at the path: deleted or replaced while open. Writes to it
    // would be acknowledged and then lost.
    QString refusal() override;
    // The message writer's connection checkpoints in steps that follow its batches (connect()).
    void beforeBatch(QSqlDatabase &db, qsizetype messages) override;

    // IMMEDIATE takes the write lock at once (waiting up to the busy timeout for another
    // process), so a transaction that reads before it writes cannot fail on the upgrade.
    QString beginWrite() const override { return QStringLiteral("BEGIN IMMEDIATE"); }
    // The message writer commits on its own connection while the event loop reads: a read
    // of several tables needs one snapshot (a deferred transaction keeps the one its first
    // SELECT takes).
    QString beginRead() const override { return QStringLiteral("BEGIN"); }
    std::unique_ptr<SqlDialect> sibling() const override;
    QString searchIndexFile() const override;
    bool sharedRevision() const override { return false; }
    bool returningIds() const override { return false; }

private:
    QString m_path;
    bool m_checkpoints = true;
    int m_autocheckpointPages = 0; // as last set on the connection
    QString m_directory;           // where the free space is measured
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::optional<sqlitefile::Identity> m_identity; // the file opened
};

} // namespace natter::server
