#include "databasecreation.h"

#include "store/postgresurl.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace natter::server {

QString creationMarkerPath(const QString &databasePath)
{
    return databasePath + QStringLiteral(".created");
}

DatabaseCreation databaseCreation(const ServerConfig &config)
{
    const QString path = config.databasePath;
    if (PostgresUrl::isPostgresUrl(path) || QFileInfo::exists(path))
        return {};
    if (config.createDatabase)
        return {true, {}};
    const QFileInfo file(path);
    const QDir dir(file.absolutePath());
    if (!dir.exists() ||
        dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return {true, {}}; // a first run
    const QFileInfo marker(creationMarkerPath(path));
    if (marker.exists())
        return {
            false,
            QStringLiteral("database %1 does not exist, but natter-server created it on %2 "
                           "(see %3): it was deleted or moved. Restore it from a backup, or "
                           "pass --create to start over with an empty database")
                .arg(path, marker.lastModified().toString(Qt::ISODate), marker.absoluteFilePath())};
    return {
        false,
        QStringLiteral("database %1 does not exist; pass --create to create a new one").arg(path)};
}

bool markDatabaseCreated(const QString &databasePath)
{
    QFile marker(creationMarkerPath(databasePath));
    // The owner's alone, like the database beside it.
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!marker.open(QIODevice::WriteOnly | QIODevice::Truncate, ownerOnly) ||
        !marker.setPermissions(ownerOnly))
        return false;
    marker.write(QStringLiteral("natter-server created %1 here on %2.\n"
                                "While this file exists, natter-server does not create a new, "
                                "empty database in its place without --create: a missing "
                                "database means it was deleted or moved (restore a backup).\n")
                     .arg(QFileInfo(databasePath).fileName(),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                     .toUtf8());
    return marker.error() == QFileDevice::NoError;
}

} // namespace natter::server
