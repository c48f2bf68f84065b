#include "backupcommand.h"

#include "filebackup.h"
#include "filespart.h"
#include "ownerfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstdio>

namespace natter::server {
namespace {

// A connection of its own, removed when done (QSqlDatabase keeps a global registry).
class Connection final
{
public:
    explicit Connection(const QString &path)
        : m_name(QStringLiteral("backup-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
        m_opened = db.open();
        m_error = db.lastError().text();
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(Connection)

    bool isOpen() const { return m_opened; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_opened = false;
    QString m_error;
};

qint64 count(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

int runBackupCommand(const QStringList &command, const ServerConfig &config, QTextStream &out,
                     QTextStream &err)
{
    if (command.size() != 2 || command.value(1).isEmpty()) {
        err << "natter-server: usage: natter-server [--database PATH] backup FILE\n";
        return 2;
    }
    const QString source = config.databasePath;
    if (source.startsWith(QLatin1String("postgres"))) {
        err << "natter-server: backup copies an SQLite database; for PostgreSQL use pg_dump "
               "(see docs/operations.md)\n";
        return 1;
    }
    if (!QFileInfo(source).isFile()) {
        err << "natter-server: no database at " << source << '\n';
        return 1;
    }
    const QString target = QFileInfo(command.value(1)).absoluteFilePath();
    if (target == QFileInfo(source).absoluteFilePath()) {
        err << "natter-server: the backup must not replace the database itself\n";
        return 2;
    }
    // Written beside the target and renamed at the end: an interrupted backup never leaves
    // a half file under the name of a good one.
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    {
        // The copy holds every message and password hash: owner only (0600), like the
        // database, whatever the admin's umask.
        const OwnerOnlyUmask ownerOnly;
        Connection connection(source);
        if (!connection.isOpen()) {
            err << "natter-server: cannot open " << source << ": " << connection.error() << '\n';
            return 1;
        }
        QSqlQuery vacuum(connection.db());
        vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
        vacuum.addBindValue(partial);
        if (!vacuum.exec()) {
            err << "natter-server: backup failed: " << vacuum.lastError().text() << '\n';
            QFile::remove(partial);
            return 1;
        }
    }
    qint64 users = -1;
    qint64 messages = -1;
    {
        Connection copy(partial);
        QSqlQuery check(copy.db());
        if (!copy.isOpen() || !check.exec(QStringLiteral("PRAGMA integrity_check")) ||
            !check.next() || check.value(0).toString() != QLatin1String("ok")) {
            err << "natter-server: the copy failed its integrity check; nothing was written\n";
            QFile::remove(partial);
            return 1;
        }
        users = count(copy.db(), QStringLiteral("users"));
        messages = count(copy.db(), QStringLiteral("messages"));
    }
    // rename(2) replaces an older backup atomically.
    if (std::rename(QFile::encodeName(partial).constData(),
                    QFile::encodeName(target).constData()) != 0) {
        err << "natter-server: cannot move the backup to " << target << '\n';
        return 1;
    }
    out << "backup " << target << ": " << users << " users, " << messages << " messages, "
        << QFileInfo(target).size() << " bytes\n";
    // The contents of the files it names, beside it (blobs never change: no snapshot needed).
    const QString files = FilesPart::directoryFor(config);
    if (files.isEmpty() || !QFileInfo(files).isDir())
        return 0;
    const QString folder = target + QStringLiteral(".files");
    const OwnerOnlyUmask ownerOnly;
    const FileBackup copied = backupFiles(target, files, folder);
    if (!copied.error.isEmpty()) {
        err << "natter-server: backing up the files failed: " << copied.error << '\n';
        return 1;
    }
    out << "files " << folder << ": " << copied.stored << " files";
    if (copied.missing > 0)
        out << ", " << copied.missing << " removed since the database copy";
    out << '\n';
    return 0;
}

} // namespace natter::server
