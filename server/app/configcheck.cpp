#include "configcheck.h"

#include "databasecreation.h"
#include "store/migrations.h"
#include "tlspaircheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace natter::server {
namespace {

bool isDatabaseUrl(const QString &database)
{
    return database.startsWith(QLatin1String("postgresql://")) ||
           database.startsWith(QLatin1String("postgres://"));
}

QString checkTls(const ServerConfig &config)
{
    if (QSslCertificate::fromPath(config.tlsCertPath).isEmpty())
        return QStringLiteral("tls-cert %1: no PEM certificate could be read")
            .arg(config.tlsCertPath);
    QFile keyFile(config.tlsKeyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("tls-key %1: cannot be read (%2)")
            .arg(config.tlsKeyPath, keyFile.errorString());
    const QByteArray pem = keyFile.readAll();
    bool loaded = false;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa})
        loaded = loaded || !QSslKey(pem, algorithm).isNull();
    if (!loaded)
        return QStringLiteral("tls-key %1: not an unencrypted PEM private key")
            .arg(config.tlsKeyPath);
    return checkTlsPair(config.tlsCertPath, config.tlsKeyPath);
}

// An existing SQLite file: a database this server can run on (read-only: nothing is created
// or migrated here).
QString checkSqliteFile(const QString &path)
{
    const QString connection = QStringLiteral("natter-check-config");
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        QSqlQuery query(db);
        const int latest = Migrations::latestVersion(QStringLiteral("sqlite"));
        if (!db.open() || !query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
            problem =
                QStringLiteral("database %1: not an SQLite database this server can read (%2)")
                    .arg(path, db.isOpen() ? query.lastError().text() : db.lastError().text());
        } else if (const int version = query.value(0).toInt(); version > latest) {
            // The words start-up uses (store/migrations.cpp).
            problem = QStringLiteral("database %1 has schema %2, newer than this server knows "
                                     "(%3): upgrade natter-server, or restore a backup taken "
                                     "before the upgrade")
                          .arg(path)
                          .arg(version)
                          .arg(latest);
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return problem;
}

QString checkDatabase(const ServerConfig &config)
{
    const QString &database = config.databasePath;
    if (isDatabaseUrl(database)) {
        const QUrl url(database);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return QStringLiteral("database: expected postgresql://user@host:port/dbname");
        return {};
    }
    const QFileInfo file(database);
    if (file.exists())
        return file.isFile() && file.isWritable()
                   ? checkSqliteFile(database)
                   : QStringLiteral("database %1: not a writable file").arg(database);
    if (const DatabaseCreation creation = databaseCreation(config); !creation.error.isEmpty())
        return creation.error;
    const QFileInfo dir(file.absolutePath());
    if (!dir.isDir() || !dir.isWritable())
        return QStringLiteral("database %1: directory %2 does not exist or is not writable")
            .arg(database, dir.filePath());
    return {};
}

} // namespace

QStringList checkConfig(const ServerConfig &config)
{
    QStringList problems;
    if (!config.tlsCertPath.isEmpty()) {
        const QString tls = checkTls(config);
        if (!tls.isEmpty())
            problems.append(tls);
    }
    const QString database = checkDatabase(config);
    if (!database.isEmpty())
        problems.append(database);
    return problems;
}

} // namespace natter::server
