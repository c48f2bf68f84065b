#include "migrations.h"

#include <QDir>
#include <QFile>
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

} // namespace

int Migrations::latestVersion(const QString &dialect)
{
    const auto all = migrationsOf(dialect);
    return all.isEmpty() ? 0 : all.last().version;
}

StoreResult<int> Migrations::apply(QSqlDatabase &db, const QString &dialect)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return StoreResult<int>::fail(StoreFailure::Unavailable, query.lastError().text());
    int version = query.value(0).toInt();
    query.finish();

    for (const Migration &m : migrationsOf(dialect)) {
        if (m.version <= version)
            continue;
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly))
            return StoreResult<int>::fail(StoreFailure::Internal,
                                          QStringLiteral("cannot read ") + m.path);
        const QStringList statements = statementsOf(QString::fromUtf8(file.readAll()));
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
        // PRAGMA does not take bound values; the version is an integer we produced.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)) ||
            !db.commit()) {
            const QString error = query.lastError().text() + db.lastError().text();
            db.rollback();
            return StoreResult<int>::fail(StoreFailure::Unavailable, error);
        }
        version = m.version;
    }
    return StoreResult<int>::success(version);
}

} // namespace natter::server
