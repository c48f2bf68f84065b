#include "filebackup.h"

#include "fileinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <unistd.h>

namespace natter::server {
namespace {

// The content hashes the database names; empty (and no error) before schema 5.
bool hashesIn(const QString &database, QStringList *hashes, QString *error)
{
    const QString name =
        QStringLiteral("filebackup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(database);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (!db.open()) {
            *error = QStringLiteral("cannot open %1").arg(database);
            ok = false;
        } else if (query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                             "'table' AND name = 'files'")) &&
                   query.next()) {
            query.finish();
            ok = query.exec(QStringLiteral("SELECT DISTINCT sha256 FROM files"));
            while (ok && query.next())
                hashes->append(query.value(0).toString());
            if (!ok)
                *error = QStringLiteral("cannot read the files of %1").arg(database);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

FileBackup backupFiles(const QString &database, const QString &files, const QString &folder)
{
    FileBackup out;
    QStringList hashes;
    if (!hashesIn(database, &hashes, &out.error))
        return out;
    for (const QString &sha : std::as_const(hashes)) {
        if (!isSha256Hex(sha))
            continue; // never a path from the database
        const QString relative = QStringLiteral("blobs/") + sha.left(2) + QLatin1Char('/') + sha;
        const QString source = files + QLatin1Char('/') + relative;
        const QString target = folder + QLatin1Char('/') + relative;
        if (!QFileInfo::exists(source)) {
            ++out.missing;
            continue;
        }
        if (!QFileInfo::exists(target)) {
            if (!QDir().mkpath(QFileInfo(target).path())) {
                out.error = QStringLiteral("cannot create %1").arg(QFileInfo(target).path());
                return out;
            }
            if (::link(QFile::encodeName(source).constData(),
                       QFile::encodeName(target).constData()) != 0 &&
                !QFile::copy(source, target)) {
                out.error = QStringLiteral("cannot copy %1 to %2").arg(source, target);
                return out;
            }
        }
        ++out.stored;
    }
    return out;
}

} // namespace natter::server
