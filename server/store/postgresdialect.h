#pragma once
// SqlStore on PostgreSQL (QtSql's QPSQL driver), for several server processes sharing one
// database: the URL and session set-up, SQLSTATE classes, reconnecting after the server went
// away. Writing transactions of every instance run side by side and take revisions from a
// sequence, so they may commit out of rev order; sync reads only up to a horizon below every
// revision not yet committed (SqlConnection::beginWrite() and readHorizon()), so a sync that
// answered rev R has returned everything at or below R.

#include "postgresurl.h"
#include "sqldialect.h"

namespace natter::server {

class PostgresDialect final : public SqlDialect
{
public:
    // `url`: postgresql://user[:password]@host[:port]/dbname[?schema=NAME] (see PostgresUrl).
    explicit PostgresDialect(QString url) : m_url(std::move(url)) {}

    Kind kind() const override { return Kind::Postgres; }
    QString name() const override { return QStringLiteral("postgresql"); }
    QString driver() const override { return QStringLiteral("QPSQL"); }

    StoreResult<bool> prepare() override;
    bool connect(QSqlDatabase &db, QString *error) override;
    bool reconnects() const override { return true; }
    bool forwardOnly() const override { return false; }
    QString lockRows(const QString &alias) const override
    {
        return QStringLiteral(" FOR UPDATE OF ") + alias;
    }

    Failure classify(const QSqlError &error, bool open) const override;
    QString describe(const QSqlError &error) const override { return error.text(); }
    // These name host, port and database but never the password.
    QString connectFailed(const QString &error) const override;
    QString connectionLost(const QString &why) const override;
    QString migrationFailed(const QString &text) const override { return located(text); }
    QString transactionFailed(const QString &text) const override { return located(text); }

    QString beginWrite() const override { return QStringLiteral("BEGIN"); }
    // Sync reads three tables: a change committed between them could otherwise appear in a
    // later table with a higher rev than one missing from an earlier table.
    QString beginRead() const override
    {
        return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    bool sharedRevision() const override { return true; }
    std::unique_ptr<SqlDialect> sibling() const override
    {
        return std::make_unique<PostgresDialect>(m_url);
    }
    bool returningIds() const override { return true; }

private:
    bool configureSession(QSqlDatabase &db, QString *error) const;
    QString located(const QString &text) const;

    QString m_url;
    PostgresUrl m_settings;
};

} // namespace natter::server
