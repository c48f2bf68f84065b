#include "configfile.h"

#include "redisurl.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringDecoder>

#include <functional>

namespace natter::server {
namespace {

// One accepted key: how to apply its text to the configuration; false when invalid, with
// what was expected.
struct Key
{
    const char *name;
    std::function<bool(const QString &, ServerConfig *)> apply;
    const char *expected;
};

std::function<bool(const QString &, ServerConfig *)> intIn(int ServerConfig::*field, int min,
                                                           int max)
{
    return [field, min, max](const QString &text, ServerConfig *config) {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < min || value > max)
            return false;
        config->*field = value;
        return true;
    };
}

std::function<bool(const QString &, ServerConfig *)> bytesIn(qint64 ServerConfig::*field,
                                                             qint64 min, qint64 max)
{
    return [field, min, max](const QString &text, ServerConfig *config) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (!ok || value < min || value > max)
            return false;
        config->*field = value;
        return true;
    };
}

std::function<bool(const QString &, ServerConfig *)>
registrationInt(int RegistrationSettings::*field, int min, int max)
{
    return [field, min, max](const QString &text, ServerConfig *config) {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok || value < min || value > max)
            return false;
        config->registration.*field = value;
        return true;
    };
}

bool parseBool(const QString &text, bool *value)
{
    const QString t = text.toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("on") ||
        t == QLatin1String("1")) {
        *value = true;
        return true;
    }
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("off") ||
        t == QLatin1String("0")) {
        *value = false;
        return true;
    }
    return false;
}

const QList<Key> &keys()
{
    static const QList<Key> all = {
        {"server/listen",
         [](const QString &t, ServerConfig *c) {
             return parseListenAddress(t, &c->address, &c->port);
         },
         "ADDR:PORT, e.g. 0.0.0.0:7467"},
        {"server/database",
         [](const QString &t, ServerConfig *c) {
             c->databasePath = t;
             return !t.isEmpty();
         },
         "an SQLite file path or postgresql://user@host:port/db"},
        {"server/name",
         [](const QString &t, ServerConfig *c) {
             c->serverName = t;
             return t.size() <= 64;
         },
         "a name of at most 64 characters"},
        {"server/log-level",
         [](const QString &t, ServerConfig *c) { return logLevelFromName(t, &c->logLevel); },
         "debug, info, warning or error"},
        {"server/password-cost",
         [](const QString &t, ServerConfig *c) {
             return passwordCostFromName(t, &c->passwordCost);
         },
         "interactive, moderate or min"},
        {"server/redis",
         [](const QString &t, ServerConfig *c) {
             c->redisUrl = t;
             return t.isEmpty() || RedisUrl::parse(t, nullptr).has_value();
         },
         "redis://host:port[/db]"},
        {"server/tls-cert",
         [](const QString &t, ServerConfig *c) {
             c->tlsCertPath = t;
             return true;
         },
         "a PEM file"},
        {"server/tls-key",
         [](const QString &t, ServerConfig *c) {
             c->tlsKeyPath = t;
             return true;
         },
         "a PEM file"},
        {"server/trusted-proxy",
         [](const QString &t, ServerConfig *c) {
             return parseTrustedProxies(t, &c->trustedProxies);
         },
         "addresses or subnets of load balancers that send a PROXY v2 header, e.g. "
         "\"10.0.0.5, 10.1.0.0/16\""},
        {"server/registration",
         [](const QString &t, ServerConfig *c) {
             return registrationFromName(t, &c->registration.mode);
         },
         "open or closed"},
        {"discovery/enabled",
         [](const QString &t, ServerConfig *c) { return parseBool(t, &c->discoveryEnabled); },
         "true or false"},
        {"discovery/port",
         [](const QString &t, ServerConfig *c) {
             bool ok = false;
             const uint port = t.toUInt(&ok);
             c->discoveryPort = quint16(port);
             return ok && port <= 65535;
         },
         "a UDP port (0-65535)"},
        {"limits/auth-timeout-ms", intIn(&ServerConfig::authTimeoutMs, 100, 600'000), "100-600000"},
        {"limits/idle-timeout-ms", intIn(&ServerConfig::idleTimeoutMs, 1'000, 86'400'000),
         "1000-86400000"},
        {"limits/requests-per-second", intIn(&ServerConfig::requestsPerSecond, 1, 100'000),
         "1-100000"},
        {"limits/request-burst", intIn(&ServerConfig::requestBurst, 1, 100'000), "1-100000"},
        {"limits/user-requests-per-second", intIn(&ServerConfig::userRequestsPerSecond, 1, 100'000),
         "1-100000"},
        {"limits/user-request-burst", intIn(&ServerConfig::userRequestBurst, 1, 100'000),
         "1-100000"},
        {"limits/max-unauthenticated-per-address",
         intIn(&ServerConfig::maxUnauthenticatedPerAddress, 1, 100'000), "1-100000"},
        {"limits/max-handshakes-per-address",
         intIn(&ServerConfig::maxHandshakesPerAddress, 1, 100'000), "1-100000"},
        {"limits/max-sockets-per-user", intIn(&ServerConfig::maxSocketsPerUser, 1, 1'000),
         "1-1000"},
        {"limits/max-outbound-bytes",
         [](const QString &t, ServerConfig *c) {
             bool ok = false;
             const qint64 value = t.toLongLong(&ok);
             c->maxOutboundBytes = value;
             return ok && value >= 64 * 1024 && value <= qint64(1) << 32;
         },
         "65536-4294967296"},
        {"limits/max-frame-bytes",
         intIn(&ServerConfig::maxFrameBytes, 1024, int(limits::kMaxFrameBytes)), "1024-65536"},
        {"limits/max-message-bytes",
         intIn(&ServerConfig::maxMessageBytes, 1, limits::kMaxContentBytes), "1-16384"},
        {"limits/send-pass-ms", intIn(&ServerConfig::sendPassMs, 0, 60'000), "0-60000"},
        {"limits/presence-batch-ms", intIn(&ServerConfig::presenceBatchMs, 10, 10'000), "10-10000"},
        {"limits/presence-grace-ms", intIn(&ServerConfig::presenceGraceMs, 0, 600'000), "0-600000"},
        {"limits/instance-timeout-ms", intIn(&ServerConfig::instanceTimeoutMs, 1'000, 600'000),
         "1000-600000"},
        {"limits/typing-expiry-ms", intIn(&ServerConfig::typingExpiryMs, 1'000, 60'000),
         "1000-60000"},
        {"limits/group-max-members",
         intIn(&ServerConfig::groupMaxMembers, limits::kMinGroupMembers, limits::kMaxGroupMembers),
         "2-256"},
        {"limits/group-max-name-chars",
         intIn(&ServerConfig::groupMaxNameChars, 1, limits::kMaxGroupNameChars), "1-64"},
        {"limits/groups-per-user", intIn(&ServerConfig::groupsPerUser, 1, 100'000), "1-100000"},
        {"limits/group-changes-per-minute", intIn(&ServerConfig::groupChangesPerMinute, 1, 100'000),
         "1-100000"},
        // Memory and read cost across connections (outbound budget, per-account read bytes).
        {"limits/max-outbound-total-bytes",
         bytesIn(&ServerConfig::maxOutboundTotalBytes, qint64(1) << 20, qint64(1) << 40),
         "1048576-1099511627776"},
        {"limits/user-read-bytes-per-second",
         bytesIn(&ServerConfig::userReadBytesPerSecond, 1024, qint64(1) << 40),
         "1024-1099511627776"},
        {"limits/user-read-burst-bytes",
         bytesIn(&ServerConfig::userReadBurstBytes, 65536, qint64(1) << 40), "65536-1099511627776"},
        // Sign-ups: `register` per address and for the whole server (0 burst: no limit).
        {"limits/register-per-address-burst",
         registrationInt(&RegistrationSettings::perAddressBurst, 0, 100'000), "0-100000"},
        {"limits/register-per-address-per-hour",
         registrationInt(&RegistrationSettings::perAddressPerHour, 1, 1'000'000), "1-1000000"},
        {"limits/register-burst", registrationInt(&RegistrationSettings::burst, 0, 100'000),
         "0-100000"},
        {"limits/register-per-minute",
         registrationInt(&RegistrationSettings::perMinute, 1, 1'000'000), "1-1000000"},
        // Files: their folder and the limits checked at file_begin.
        {"files/directory",
         [](const QString &t, ServerConfig *c) {
             c->filesDirectory = t;
             return !t.isEmpty();
         },
         "a folder"},
        {"files/max-file-bytes", bytesIn(&ServerConfig::maxFileBytes, 1, qint64(1) << 40),
         "1-1099511627776"},
        {"files/user-quota-bytes", bytesIn(&ServerConfig::userQuotaBytes, 0, qint64(1) << 50),
         "0-1125899906842624"},
        {"files/max-total-bytes", bytesIn(&ServerConfig::filesMaxTotalBytes, 0, qint64(1) << 50),
         "0-1125899906842624"},
        {"files/free-reserve-bytes",
         bytesIn(&ServerConfig::filesFreeReserveBytes, 0, qint64(1) << 50), "0-1125899906842624"},
    };
    return all;
}

// QSettings reads nearly anything as INI (a binary file, a shell script, a line without "="
// all give keys or nothing, without an error): every line must be blank, a ';' comment, a
// known [section] or a known key = value inside one. Empty when so, else "LINE: problem".
QString checkLines(const QByteArray &content)
{
    QStringList sections;
    for (const Key &key : keys()) {
        const QString section = QString::fromLatin1(key.name).section(QLatin1Char('/'), 0, 0);
        if (!sections.contains(section))
            sections.append(section);
    }
    QString section;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &raw = lines[i];
        const QString where = QString::number(i + 1);
        QStringDecoder decode(QStringDecoder::Utf8);
        const QString line = QString(decode(raw)).trimmed();
        if (decode.hasError() || raw.contains('\0'))
            return where + QStringLiteral(": not text (a configuration file is UTF-8 text)");
        const QString shown = line.left(60);
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('#')))
            return where + QStringLiteral(": \"%1\": comments start with ';'").arg(shown);
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')))
                return where + QStringLiteral(": \"%1\": a section is [NAME]").arg(shown);
            section = line.mid(1, line.size() - 2).trimmed();
            if (!sections.contains(section))
                return where + QStringLiteral(": unknown section [%1] (known: [%2])")
                                   .arg(section.left(60), sections.join(QStringLiteral("], [")));
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return where + QStringLiteral(": \"%1\" is not a key = value line").arg(shown);
        if (section.isEmpty())
            return where + QStringLiteral(": \"%1\" comes before any section: put it under [%2]")
                               .arg(shown, sections.join(QStringLiteral("], [")));
        const QString name = section + QLatin1Char('/') + line.left(equals).trimmed();
        if (!configFileKeys().contains(name))
            return where + QStringLiteral(": unknown key \"%1\" (known keys: %2)")
                               .arg(name.left(80), configFileKeys().join(QStringLiteral(", ")));
    }
    return {};
}

} // namespace

QStringList configFileKeys()
{
    QStringList names;
    for (const Key &key : keys())
        names.append(QString::fromLatin1(key.name));
    return names;
}

bool applyConfigFile(const QString &path, ServerConfig *config, QString *error)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = QStringLiteral("cannot read the configuration file %1").arg(path);
        return false;
    }
    QFile lines(path);
    if (!lines.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the configuration file %1").arg(path);
        return false;
    }
    if (const QString problem = checkLines(lines.readAll()); !problem.isEmpty()) {
        *error = path + QLatin1Char(':') + problem;
        return false;
    }
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        *error = QStringLiteral("%1: not a valid INI file").arg(path);
        return false;
    }
    const QStringList present = file.allKeys();
    for (const QString &name : present) {
        const auto it = std::find_if(keys().cbegin(), keys().cend(), [&](const Key &key) {
            return name == QLatin1String(key.name);
        });
        if (it == keys().cend() && name.contains(QLatin1Char('#'))) {
            *error =
                QStringLiteral("%1: \"%2\" is not a key: comments start with ';'").arg(path, name);
            return false;
        }
        if (it == keys().cend()) {
            *error = QStringLiteral("%1: unknown key \"%2\" (known keys: %3)")
                         .arg(path, name, configFileKeys().join(QStringLiteral(", ")));
            return false;
        }
        // QSettings reads an unquoted value with a comma as a list.
        QVariant raw = file.value(name);
        if (raw.typeId() == QMetaType::QStringList && name == QLatin1String("server/trusted-proxy"))
            raw = raw.toStringList().join(QLatin1Char(',')); // a list is what it is
        if (raw.typeId() == QMetaType::QStringList) {
            *error = QStringLiteral("%1: %2 has a comma: put the value in double quotes")
                         .arg(path, name);
            return false;
        }
        const QString text = raw.toString().trimmed();
        if (!it->apply(text, config)) {
            *error = QStringLiteral("%1: invalid %2 \"%3\": expected %4")
                         .arg(path, name, text, QString::fromLatin1(it->expected));
            return false;
        }
    }
    return true;
}

} // namespace natter::server
