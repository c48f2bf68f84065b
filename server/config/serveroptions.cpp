#include "serveroptions.h"

#include "configfile.h"

#include "redisurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace natter::server {
namespace {

bool isDatabaseUrl(const QString &database)
{
    return database.startsWith(QLatin1String("postgresql://")) ||
           database.startsWith(QLatin1String("postgres://"));
}

QString valueOrEnv(const QCommandLineParser &parser, const QCommandLineOption &option,
                   const QProcessEnvironment &environment, const QString &variable)
{
    if (parser.isSet(option))
        return parser.value(option);
    return environment.value(variable);
}

ServerOptions failure(const QString &message)
{
    ServerOptions out;
    out.action = ServerOptions::Action::Fail;
    out.text = message;
    return out;
}

} // namespace

QString defaultDatabasePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/natter.db");
}

ServerOptions parseServerOptions(const QStringList &arguments,
                                 const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Natter chat server: serves the Natter WebSocket protocol (ws://ADDR:PORT/v1)\n"
        "and keeps users, conversations and messages in an SQLite (or PostgreSQL) database.\n"
        "Settings come from the command line, then NATTER_* environment variables, then the\n"
        "configuration file, then the defaults. Stops cleanly on SIGINT/SIGTERM."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to accept connections on; 0.0.0.0 serves the LAN, port 0 "
                       "picks a free port. Environment: NATTER_LISTEN. Default: 127.0.0.1:%1.")
            .arg(protocol::kDefaultPort),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("SQLite database file, migrated at start (created on a first run or "
                       "with --create), or postgresql://USER@HOST:PORT/DB. Environment: "
                       "NATTER_DATABASE. Default: <data dir>/natter-server/natter.db."),
        QStringLiteral("PATH"));
    const QCommandLineOption create(
        QStringLiteral("create"),
        QStringLiteral("Create the SQLite --database when it does not exist. Without it a new "
                       "database is created only in a directory that does not exist yet or is "
                       "empty (a first run): a database that was deleted or moved is not "
                       "silently replaced by an empty one."));
    const QCommandLineOption logLevel(
        QStringLiteral("log-level"),
        QStringLiteral("Least severe log messages written to stderr: debug, info, warning or "
                       "error. Environment: NATTER_LOG_LEVEL. Default: info."),
        QStringLiteral("LEVEL"));
    const QCommandLineOption passwordCost(
        QStringLiteral("password-cost"),
        QStringLiteral("Argon2id cost of new password hashes: interactive (default), moderate "
                       "(slower, stronger) or min (for tests only: weak). Existing hashes are "
                       "upgraded at the next login. Environment: NATTER_PASSWORD_COST."),
        QStringLiteral("COST"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral("PEM certificate (chain) to serve wss:// instead of ws://; needs "
                       "--tls-key. Environment: NATTER_TLS_CERT."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"),
        QStringLiteral("PEM private key of --tls-cert. Environment: NATTER_TLS_KEY."),
        QStringLiteral("FILE"));
    const QCommandLineOption configFile(
        QStringLiteral("config"),
        QStringLiteral("INI configuration file with [server], [discovery] and [limits] keys "
                       "(see /etc/natter/server.conf). Environment: NATTER_CONFIG."),
        QStringLiteral("FILE"));
    const QCommandLineOption checkConfigOption(
        QStringLiteral("check-config"),
        QStringLiteral("Validate the configuration (file, TLS files, database location), print "
                       "the effective settings and exit: 0 when valid, 1 when not."));
    const QCommandLineOption name(
        QStringLiteral("name"),
        QStringLiteral("Name shown to clients that find this server on the LAN. Environment: "
                       "NATTER_NAME. Default: the host name."),
        QStringLiteral("NAME"));
    const QCommandLineOption noDiscovery(
        QStringLiteral("no-discovery"),
        QStringLiteral("Do not answer LAN discovery queries (UDP port %1).")
            .arg(protocol::kDiscoveryPort));
    const QCommandLineOption redis(
        QStringLiteral("redis"),
        QStringLiteral("Run as one of several instances on one PostgreSQL --database: events "
                       "reach users connected to the others through this Redis server "
                       "(docs/scaling.md). Environment: NATTER_REDIS. Default: none, a single "
                       "instance."),
        QStringLiteral("redis://HOST:PORT[/DB]"));
    const QCommandLineOption trustedProxy(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("A load balancer (address or subnet; repeat or separate with commas) "
                       "whose connections start with a PROXY protocol v2 header (HAProxy's "
                       "send-proxy-v2): the address it names is the client's for every "
                       "per-address limit and log. Connections from other addresses are never "
                       "read for a header (docs/scaling.md). Environment: NATTER_TRUSTED_PROXY. "
                       "Default: none."),
        QStringLiteral("ADDR[/PREFIX]"));
    const QCommandLineOption registration(
        QStringLiteral("registration"),
        QStringLiteral("Who may create an account: open (anyone who can connect, the default) "
                       "or closed (accounts only through `natter-server user add`). "
                       "Environment: NATTER_REGISTRATION."),
        QStringLiteral("open|closed"));
    parser.addOptions({listen, database, create, logLevel, passwordCost, tlsCert, tlsKey,
                       configFile, checkConfigOption, name, noDiscovery, redis, trustedProxy,
                       registration});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("Administration instead of serving, on the same database: "
                       "user list | user add NAME | user disable NAME | user enable NAME | "
                       "user reset-password NAME | backup FILE. Passwords are read from "
                       "standard input (one line). Disabling or resetting a password revokes "
                       "the user's sessions. `backup` writes a consistent copy of the SQLite "
                       "database while the server runs."),
        QStringLiteral("[user COMMAND [NAME] | backup FILE]"));

    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(helpOption)) {
        ServerOptions out;
        out.action = ServerOptions::Action::ShowText;
        out.text = parser.helpText();
        return out;
    }
    if (parser.isSet(versionOption)) {
        ServerOptions out;
        out.action = ServerOptions::Action::ShowText;
        out.text = QCoreApplication::applicationName() + QLatin1Char(' ') +
                   QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return out;
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.constFirst() != QLatin1String("user") &&
        positional.constFirst() != QLatin1String("backup"))
        return failure(QStringLiteral("unexpected argument: %1").arg(positional.constFirst()));

    ServerOptions out;
    if (!positional.isEmpty()) {
        out.action = ServerOptions::Action::Admin;
        out.command = positional;
    }
    if (parser.isSet(checkConfigOption))
        out.action = ServerOptions::Action::CheckConfig;
    ServerConfig &config = out.config;
    const QString configPath =
        valueOrEnv(parser, configFile, environment, QStringLiteral("NATTER_CONFIG"));
    if (!configPath.isEmpty()) {
        QString error;
        if (!applyConfigFile(configPath, &config, &error))
            return failure(error);
    }
    if (parser.isSet(noDiscovery))
        config.discoveryEnabled = false;
    if (parser.isSet(create))
        config.createDatabase = true;
    const QString nameText = valueOrEnv(parser, name, environment, QStringLiteral("NATTER_NAME"));
    if (!nameText.isEmpty())
        config.serverName = nameText;
    const QString listenText =
        valueOrEnv(parser, listen, environment, QStringLiteral("NATTER_LISTEN"));
    if (!listenText.isEmpty() && !parseListenAddress(listenText, &config.address, &config.port))
        return failure(
            QStringLiteral("invalid --listen \"%1\": expected ADDR:PORT, e.g. 0.0.0.0:7467")
                .arg(listenText));
    const QString levelText =
        valueOrEnv(parser, logLevel, environment, QStringLiteral("NATTER_LOG_LEVEL"));
    if (!levelText.isEmpty() && !logLevelFromName(levelText, &config.logLevel))
        return failure(QStringLiteral("invalid --log-level \"%1\": expected debug, info, warning "
                                      "or error")
                           .arg(levelText));
    const QString costText =
        valueOrEnv(parser, passwordCost, environment, QStringLiteral("NATTER_PASSWORD_COST"));
    if (!costText.isEmpty() && !passwordCostFromName(costText, &config.passwordCost))
        return failure(QStringLiteral("invalid --password-cost \"%1\": expected interactive, "
                                      "moderate or min")
                           .arg(costText));
    const QString registrationText =
        valueOrEnv(parser, registration, environment, QStringLiteral("NATTER_REGISTRATION"));
    if (!registrationText.isEmpty() &&
        !registrationFromName(registrationText, &config.registration.mode))
        return failure(QStringLiteral("invalid --registration \"%1\": expected open or closed")
                           .arg(registrationText));
    const QString certText =
        valueOrEnv(parser, tlsCert, environment, QStringLiteral("NATTER_TLS_CERT"));
    if (!certText.isEmpty())
        config.tlsCertPath = certText;
    const QString keyText =
        valueOrEnv(parser, tlsKey, environment, QStringLiteral("NATTER_TLS_KEY"));
    if (!keyText.isEmpty())
        config.tlsKeyPath = keyText;
    if (config.tlsCertPath.isEmpty() != config.tlsKeyPath.isEmpty())
        return failure(QStringLiteral("--tls-cert and --tls-key go together"));
    const QString proxiesText = parser.isSet(trustedProxy)
                                    ? parser.values(trustedProxy).join(QLatin1Char(','))
                                    : environment.value(QStringLiteral("NATTER_TRUSTED_PROXY"));
    if (!proxiesText.isEmpty() && !parseTrustedProxies(proxiesText, &config.trustedProxies))
        return failure(QStringLiteral("invalid --trusted-proxy \"%1\": expected addresses or "
                                      "subnets, e.g. 10.0.0.5 or 10.1.0.0/16")
                           .arg(proxiesText));
    const QString databaseText =
        valueOrEnv(parser, database, environment, QStringLiteral("NATTER_DATABASE"));
    if (!databaseText.isEmpty())
        config.databasePath = databaseText;
    if (config.databasePath.isEmpty())
        config.databasePath = defaultDatabasePath();
    const QString redisText =
        valueOrEnv(parser, redis, environment, QStringLiteral("NATTER_REDIS"));
    if (!redisText.isEmpty())
        config.redisUrl = redisText;
    if (!config.redisUrl.isEmpty()) {
        QString error;
        if (!RedisUrl::parse(config.redisUrl, &error))
            return failure(error);
    }
    return out;
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
    line("send-pass-ms", QString::number(config.sendPassMs));
    line("presence-batch-ms", QString::number(config.presenceBatchMs));
    line("presence-grace-ms", QString::number(config.presenceGraceMs));
    line("typing-expiry-ms", QString::number(config.typingExpiryMs));
    line("group-max-members", QString::number(config.groupMaxMembers));
    line("group-max-name-chars", QString::number(config.groupMaxNameChars));
    line("groups-per-user", QString::number(config.groupsPerUser));
    line("group-changes-per-minute", QString::number(config.groupChangesPerMinute));
    line("instance-timeout-ms", QString::number(config.instanceTimeoutMs));
    line("max-outbound-total-bytes", QString::number(config.maxOutboundTotalBytes));
    line("user-read-bytes-per-second", QString::number(config.userReadBytesPerSecond));
    line("user-read-burst-bytes", QString::number(config.userReadBurstBytes));
    line("register-per-address-burst", QString::number(config.registration.perAddressBurst));
    line("register-per-address-per-hour", QString::number(config.registration.perAddressPerHour));
    line("register-burst", QString::number(config.registration.burst));
    line("register-per-minute", QString::number(config.registration.perMinute));
    out += QLatin1String("\n[files]\n");
    line("directory", config.filesDirectory.isEmpty() ? QStringLiteral("(next to the database)")
                                                      : config.filesDirectory);
    line("max-file-bytes", QString::number(config.maxFileBytes));
    line("user-quota-bytes", QString::number(config.userQuotaBytes));
    line("max-total-bytes", QString::number(config.filesMaxTotalBytes));
    line("free-reserve-bytes", QString::number(config.filesFreeReserveBytes));
    return out;
}

} // namespace natter::server
