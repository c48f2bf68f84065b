#include "sqlitestorefile.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace natter::server::sqlitefile {
namespace {

constexpr int kSqliteIoErr = 10;
constexpr int kSqliteFull = 13;

} // namespace

std::optional<Identity> identityOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return Identity{quint64(info.st_dev), quint64(info.st_ino)};
}

qint64 freeBytesOn(const QString &directory)
{
    struct statvfs info = {};
    if (::statvfs(QFile::encodeName(directory).constData(), &info) != 0)
        return -1;
    return qint64(info.f_bavail) * qint64(info.f_frsize);
}

QString describeFailure(int sqliteCode, const QString &sqliteText, const QString &directory,
                        qint64 freeBytes)
{
    const int primary = sqliteCode & 0xff;
    if (primary != kSqliteFull && primary != kSqliteIoErr)
        return sqliteText;
    if (freeBytes < 0)
        return QStringLiteral("%1 (free space on %2 unknown)").arg(sqliteText, directory);
    if (freeBytes < kNearlyFullBytes)
        return QStringLiteral("disk full: %1 bytes free on %2 (%3)")
            .arg(freeBytes)
            .arg(directory, sqliteText);
    return QStringLiteral("%1 (%2 bytes free on %3)").arg(sqliteText).arg(freeBytes).arg(directory);
}

int codeFromText(const QString &sqliteText)
{
    if (sqliteText.contains(QLatin1String("database or disk is full")))
        return kSqliteFull;
    if (sqliteText.contains(QLatin1String("disk I/O error")))
        return kSqliteIoErr;
    return 0;
}

QString describeFailure(int sqliteCode, const QString &sqliteText, const QString &directory)
{
    const int primary = sqliteCode & 0xff;
    if (primary != kSqliteFull && primary != kSqliteIoErr)
        return sqliteText;
    return describeFailure(sqliteCode, sqliteText, directory, freeBytesOn(directory));
}

QString whyNotWritable(const QString &path)
{
    const QFileInfo file(path);
    const QByteArray name = QFile::encodeName(file.absoluteFilePath());
    if (file.exists() && ::access(name.constData(), W_OK) != 0) {
        struct stat info = {};
        ::stat(name.constData(), &info);
        return QStringLiteral("the file is read-only for this process (mode %1, owner uid %2; "
                              "natter-server runs as uid %3)")
            .arg(QString::number(info.st_mode & 07777, 8).rightJustified(4, u'0'))
            .arg(info.st_uid)
            .arg(::geteuid());
    }
    const QByteArray dir = QFile::encodeName(file.absolutePath());
    if (::access(dir.constData(), W_OK | X_OK) != 0)
        return QStringLiteral("its directory %1 is not writable for this process (SQLite creates "
                              "%2-wal and %2-shm there)")
            .arg(file.absolutePath(), file.fileName());
    return {};
}

} // namespace natter::server::sqlitefile
