#include "postgresdialect.h"

#include <QSqlQuery>

namespace natter::server {

StoreResult<bool> PostgresDialect::prepare()
{
    using R = StoreResult<bool>;
    QString error;
    const auto settings = PostgresUrl::parse(m_url, &error);
    if (!settings)
        return R::fail(StoreFailure::Unavailable, error);
    m_settings = *settings;
    if (!QSqlDatabase::isDriverAvailable(driver()))
        return R::fail(StoreFailure::Unavailable,
                       QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed "
                                      "(Debian: libqt6sql6-psql)"));
    return R::success(true);
}

bool PostgresDialect::connect(QSqlDatabase &db, QString *error)
{
    db.setHostName(m_settings.host);
    db.setPort(m_settings.port);
    db.setDatabaseName(m_settings.database);
    db.setUserName(m_settings.user);
    db.setPassword(m_settings.password);
    db.setConnectOptions(m_settings.connectOptions);
    if (!db.open()) {
        *error = db.lastError().text().trimmed();
        return false;
    }
    return configureSession(db, error);
}

bool PostgresDialect::configureSession(QSqlDatabase &db, QString *error) const
{
    QSqlQuery q(db);
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

SqlDialect::Failure PostgresDialect::classify(const QSqlError &error, bool open) const
{
    Q_UNUSED(open); // a lost connection shows in the SQLSTATE
    const QString state = error.nativeErrorCode();
    // No SQLSTATE: libpq lost the server. 08: connection exception. 57P01..03: the server is
    // shutting down or starting.
    if (state.isEmpty() || state.startsWith(QLatin1String("08")) ||
        state == QLatin1String("57P01") || state == QLatin1String("57P02") ||
        state == QLatin1String("57P03"))
        return {StoreFailure::Unavailable, true};
    if (state.startsWith(QLatin1String("23"))) // integrity constraint violation
        return {StoreFailure::Conflict};
    // 40: serialization failure/deadlock; 53: out of disk, memory or connections;
    // 55P03: lock not available; 25006: read-only transaction (e.g. a standby).
    if (state.startsWith(QLatin1String("40")) || state.startsWith(QLatin1String("53")) ||
        state == QLatin1String("55P03") || state == QLatin1String("25006"))
        return {StoreFailure::Unavailable};
    return {StoreFailure::Internal};
}

QString PostgresDialect::connectFailed(const QString &error) const
{
    return QStringLiteral("cannot connect to PostgreSQL at %1: %2")
        .arg(m_settings.location(), error);
}

QString PostgresDialect::connectionLost(const QString &why) const
{
    return QStringLiteral("connection to PostgreSQL at %1 failed: %2")
        .arg(m_settings.location(), why);
}

QString PostgresDialect::located(const QString &text) const
{
    return m_settings.location() + QStringLiteral(": ") + text;
}

} // namespace natter::server
