#include "migrations.h"

#include <QDebug>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace natter::server {
namespace {

struct Migration
{
    int version = 0;
    QString path;
};

QList<Migration> migrationsOf(const QString &dialect)
{
    static const QRegularExpression name(QStringLiteral("^(\\d+)_.*\\.sql$"));
    QList<Migration> out;
    const QDir dir(QStringLiteral(":/natter/sql/") + dialect);
    for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = name.match(file);
        if (match.hasMatch())
            out.append({match.captured(1).toInt(), dir.filePath(file)});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return out;
}

// Splits a migration file into statements: ";" at a line end closes one; "--" lines are
// comments. The schema files keep to that shape (no triggers with inner semicolons).
QStringList statementsOf(const QString &sql)
{
    QStringList out;
    QString current;
    for (const QString &line : sql.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1String("--")))
            continue;
        current += line + u'\n';
        if (trimmed.endsWith(u';')) {
            out.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

// A fixed key of PostgreSQL's advisory lock for migrations ("natter" in ASCII): the same in
// every Natter process.
constexpr qint64 kMigrationLock = 0x6e6174746572;

// The recorded schema version; 0 for an empty database.
bool readVersion(QSqlQuery &query, bool postgres, int *version)
{
    if (postgres) {
        if (!query.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) ||
            !query.next())
            return false;
        const bool exists = query.value(0).toBool();
        query.finish();
        if (!exists) {
            *version = 0;
            return true;
        }
        if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) ||
            !query.next())
            return false;
    } else if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return false;
    }
    *version = query.value(0).toInt();
    query.finish();
    return true;
}

bool recordVersion(QSqlQuery &query, bool postgres, int version)
{
    if (postgres) {
        query.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        query.addBindValue(version);
        return query.exec();
    }
    // PRAGMA does not take bound values; the version is an integer we produced.
    return query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
}

// PRAGMA foreign_key_check finds no row that points nowhere.
bool foreignKeysHold(QSqlQuery &query)
{
    if (!query.exec(QStringLiteral("PRAGMA foreign_key_check")))
        return false;
    const bool broken = query.next();
    query.finish();
    return !broken;
}

// Applies the migrations above the recorded version, each in its own transaction.
StoreResult<int> applyPending(QSqlDatabase &db, const QString &dialect, bool postgres)
{
    QSqlQuery query(db);
    int version = 0;
    if (!readVersion(query, postgres, &version))
        return StoreResult<int>::fail(StoreFailure::Unavailable, query.lastError().text());
    // A newer server migrated this database: running on a schema this one does not know
    // could corrupt it, so refuse (downgrading means restoring a backup).
    const int latest = Migrations::latestVersion(dialect);
    if (version > latest)
        return StoreResult<int>::fail(
            StoreFailure::Internal,
            QStringLiteral("the database has schema %1, newer than this server knows (%2): "
                           "upgrade natter-server, or restore a backup taken before the upgrade")
                .arg(version)
                .arg(latest));

    for (const Migration &m : migrationsOf(dialect)) {
        if (m.version <= version)
            continue;
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly))
            return StoreResult<int>::fail(StoreFailure::Internal,
                                          QStringLiteral("cannot read ") + m.path);
        const QStringList statements = statementsOf(QString::fromUtf8(file.readAll()));
        // An upgrade may rebuild a large table (version 10 on SQLite: ~7 s per million
        // messages): say what the start is waiting for. A new database is not an upgrade.
        const bool upgrading = version > 0;
        if (upgrading)
            qInfo().noquote() << QStringLiteral("database: upgrading to schema %1 (%2)")
                                     .arg(m.version)
                                     .arg(QFileInfo(m.path).fileName());
        QElapsedTimer took;
        took.start();
        if (!db.transaction())
            return StoreResult<int>::fail(StoreFailure::Unavailable, db.lastError().text());
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                const QString error = query.lastError().text();
                db.rollback();
                return StoreResult<int>::fail(StoreFailure::Internal,
                                              QStringLiteral("migration %1: %2: %3")
                                                  .arg(m.version)
                                                  .arg(error, statement.left(80)));
            }
        }
        // A rebuilt SQLite table (version 3) must leave every reference valid.
        if (!postgres && !foreignKeysHold(query)) {
            db.rollback();
            return StoreResult<int>::fail(
                StoreFailure::Internal,
                QStringLiteral("migration %1 left broken references").arg(m.version));
        }
        if (!recordVersion(query, postgres, m.version) || !db.commit()) {
            const QString error = query.lastError().text() + db.lastError().text();
            db.rollback();
            return StoreResult<int>::fail(StoreFailure::Unavailable, error);
        }
        version = m.version;
        if (upgrading)
            qInfo().noquote()
                << QStringLiteral("database: schema %1 in %2 ms").arg(version).arg(took.elapsed());
    }
    return StoreResult<int>::success(version);
}

} // namespace

int Migrations::latestVersion(const QString &dialect)
{
    const auto all = migrationsOf(dialect);
    return all.isEmpty() ? 0 : all.last().version;
}

StoreResult<int> Migrations::apply(QSqlDatabase &db, const QString &dialect)
{
    const bool postgres = dialect == QLatin1String("postgresql");
    if (!postgres) {
        // SQLite changes a table's constraints by rebuilding it (create, copy, drop, rename),
        // which needs foreign keys off outside the transaction (sqlite.org/lang_altertable.html);
        // each migration checks them before its commit, and they are on again after.
        QSqlQuery pragma(db);
        pragma.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
        const auto result = applyPending(db, dialect, false);
        pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        return result;
    }
    // Processes starting together migrate one after another. The lock is taken before the
    // version is read, outside any transaction: each later statement starts a transaction that
    // sees the catalog as the previous holder left it.
    QSqlQuery lock(db);
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock)))
        return StoreResult<int>::fail(StoreFailure::Unavailable, lock.lastError().text());
    const auto result = applyPending(db, dialect, true);
    lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock));
    return result;
}

} // namespace natter::server
