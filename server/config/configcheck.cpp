// --check-config: what can be checked without starting to serve.

#include "configfile.h"
#include "serveroptions.h"

#include "app/databasecreation.h"
#include "app/tlspaircheck.h"
#include "store/migrations.h"

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

QString describeConfig(const ServerConfig &config)
{
    QString database = config.databasePath;
    if (isDatabaseUrl(database)) {
        QUrl url(database);
        url.setPassword(QString()); // never print secrets
        database = url.toString();
    }
    QString out;
    const auto line = [&out](const char *key, const QString &value) {
        out += QLatin1String(key) + QLatin1String(" = ") + value + QLatin1Char('\n');
    };
    out += QLatin1String("[server]\n");
    line("listen", hostForUrl(config.address) + QLatin1Char(':') + QString::number(config.port));
    line("database", database);
    line("create",
         config.createDatabase ? QStringLiteral("true (--create)") : QStringLiteral("false"));
    line("name", config.serverName);
    line("log-level", logLevelName(config.logLevel));
    line("password-cost", passwordCostName(config.passwordCost));
    line("tls-cert", config.tlsCertPath);
    line("tls-key", config.tlsKeyPath);
    QString redis = config.redisUrl;
    if (!redis.isEmpty()) {
        QUrl url(redis);
        url.setPassword(QString()); // never print secrets
        if (url.userName().isEmpty())
            url.setUserInfo(QString()); // not "redis://@host"
        redis = url.toString();
    }
    line("redis", redis);
    line("trusted-proxy", trustedProxiesText(config.trustedProxies));
    line("registration", registrationName(config.registration.mode));
    out += QLatin1String("\n[discovery]\n");
    line("enabled", config.discoveryEnabled ? QStringLiteral("true") : QStringLiteral("false"));
    line("port", QString::number(config.discoveryPort));
    out += QLatin1String("\n[limits]\n");
    line("auth-timeout-ms", QString::number(config.authTimeoutMs));
    line("idle-timeout-ms", QString::number(config.idleTimeoutMs));
    line("requests-per-second", QString::number(config.requestsPerSecond));
    line("request-burst", QString::number(config.requestBurst));
    line("user-requests-per-second", QString::number(config.userRequestsPerSecond));
    line("user-request-burst", QString::number(config.userRequestBurst));
    line("max-unauthenticated-per-address", QString::number(config.maxUnauthenticatedPerAddress));
    line("max-handshakes-per-address", QString::number(config.maxHandshakesPerAddress));
    line("max-sockets-per-user", QString::number(config.maxSocketsPerUser));
    line("max-outbound-bytes", QString::number(config.maxOutboundBytes));
    line("presence-batch-ms", QString::number(config.presenceBatchMs));
    line("presence-grace-ms", QString::number(config.presenceGraceMs));
    line("typing-expiry-ms", QString::number(config.typingExpiryMs));
    line("instance-timeout-ms", QString::number(config.instanceTimeoutMs));
    line("max-outbound-total-bytes", QString::number(config.maxOutboundTotalBytes));
    line("user-read-bytes-per-second", QString::number(config.userReadBytesPerSecond));
    line("user-read-burst-bytes", QString::number(config.userReadBurstBytes));
    line("register-per-address-burst", QString::number(config.registration.perAddressBurst));
    line("register-per-address-per-hour", QString::number(config.registration.perAddressPerHour));
    line("register-burst", QString::number(config.registration.burst));
    line("register-per-minute", QString::number(config.registration.perMinute));
    return out;
}

} // namespace natter::server
