// The natter-server command line: options, environment fallbacks and their errors.

#include "app/configcheck.h"
#include "config/configfile.h"
#include "config/serveroptions.h"

#include <QtTest>

using natter::server::LogLevel;
using natter::server::parseServerOptions;
using natter::server::PasswordCost;
using natter::server::ServerOptions;

class TestServerOptions final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeConfig(const QString &name, const QByteArray &text)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return file.fileName();
    }

    static ServerOptions parse(const QStringList &args,
                               const QProcessEnvironment &env = QProcessEnvironment())
    {
        return parseServerOptions(QStringList{QStringLiteral("natter-server")} + args, env);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultsAreLoopbackOnTheProtocolPort()
    {
        const ServerOptions o = parse({});
        QCOMPARE(o.action, ServerOptions::Action::Run);
        QCOMPARE(o.config.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(o.config.port, quint16(7467));
        QVERIFY(o.config.databasePath.endsWith(QStringLiteral("/natter.db")));
        QCOMPARE(o.config.passwordCost, PasswordCost::Interactive);
        QCOMPARE(o.config.logLevel, LogLevel::Info);
    }

    void optionsAreParsed()
    {
        const ServerOptions o = parse({"--listen", "0.0.0.0:9000", "--database", "/tmp/x.db",
                                       "--log-level", "debug", "--password-cost", "min"});
        QCOMPARE(o.action, ServerOptions::Action::Run);
        QCOMPARE(o.config.address, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(o.config.port, quint16(9000));
        QCOMPARE(o.config.databasePath, QStringLiteral("/tmp/x.db"));
        QCOMPARE(o.config.logLevel, LogLevel::Debug);
        QCOMPARE(o.config.passwordCost, PasswordCost::Min);

        const ServerOptions v6 = parse({"--listen", "[::1]:0"});
        QCOMPARE(v6.config.address, QHostAddress(QHostAddress::LocalHostIPv6));
        QCOMPARE(v6.config.port, quint16(0));
        QCOMPARE(parse({"--listen", "localhost:7000"}).config.address,
                 QHostAddress(QHostAddress::LocalHost));
    }

    void environmentFillsWhatTheCommandLineLeavesOut()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("NATTER_LISTEN"), QStringLiteral("127.0.0.1:8123"));
        env.insert(QStringLiteral("NATTER_DATABASE"), QStringLiteral("/tmp/env.db"));
        ServerOptions o = parse({}, env);
        QCOMPARE(o.config.port, quint16(8123));
        QCOMPARE(o.config.databasePath, QStringLiteral("/tmp/env.db"));
        o = parse({"--listen", "127.0.0.1:9"}, env);
        QCOMPARE(o.config.port, quint16(9));
    }

    void invalidValuesFailWithAClearMessage()
    {
        for (const QStringList &args :
             {QStringList{"--listen", "nonsense"}, QStringList{"--listen", "1.2.3.4:70000"},
              QStringList{"--listen", "example.org:80"}, QStringList{"--log-level", "loud"},
              QStringList{"--password-cost", "free"}, QStringList{"--frobnicate"},
              QStringList{"extra"}}) {
            const ServerOptions o = parse(args);
            QCOMPARE(o.action, ServerOptions::Action::Fail);
            QVERIFY(!o.text.isEmpty());
        }
        QVERIFY(parse({"--listen", "nonsense"}).text.contains(QStringLiteral("ADDR:PORT")));
    }

    void redisMakesAnInstanceOfSeveralAndIsCheckedUpFront()
    {
        QVERIFY(parse({}).config.redisUrl.isEmpty()); // a single instance: no bus at all
        QCOMPARE(parse({"--redis", "redis://10.0.0.5:6379/3"}).config.redisUrl,
                 QStringLiteral("redis://10.0.0.5:6379/3"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("NATTER_REDIS"), QStringLiteral("redis://cache:6379"));
        QCOMPARE(parse({}, env).config.redisUrl, QStringLiteral("redis://cache:6379"));
        // A bad URL stops the server before it serves, without echoing the password.
        const ServerOptions bad = parse({"--redis", "redis://:hunter2@cache/notanumber"});
        QCOMPARE(bad.action, ServerOptions::Action::Fail);
        QVERIFY2(bad.text.contains(QLatin1String("database number")), qPrintable(bad.text));
        QVERIFY2(!bad.text.contains(QLatin1String("hunter2")), qPrintable(bad.text));
        QCOMPARE(parse({"--redis", "http://cache:6379"}).action, ServerOptions::Action::Fail);
    }

    void helpExplainsEveryOption()
    {
        const ServerOptions o = parse({"--help"});
        QCOMPARE(o.action, ServerOptions::Action::ShowText);
        for (const char *option :
             {"--listen", "--database", "--log-level", "--password-cost", "--version",
              "NATTER_LISTEN", "--config", "--check-config", "--name", "--no-discovery", "--redis",
              "NATTER_REDIS", "backup", "--trusted-proxy", "NATTER_TRUSTED_PROXY"})
            QVERIFY2(o.text.contains(QLatin1String(option)), option);
    }

    void trustedProxiesAreAddressesOrSubnets()
    {
        using natter::server::isTrustedProxy;
        using natter::server::trustedProxiesText;
        // Off by default: no header is read from anyone.
        QVERIFY(parse({}).config.trustedProxies.isEmpty());
        // Repeated, or a comma-separated list; an address alone is one host.
        const ServerOptions o =
            parse({"--trusted-proxy", "10.0.0.5", "--trusted-proxy", "10.1.0.0/16, fd00::/8"});
        QCOMPARE(o.action, ServerOptions::Action::Run);
        const auto &proxies = o.config.trustedProxies;
        QCOMPARE(trustedProxiesText(proxies), QStringLiteral("10.0.0.5/32,10.1.0.0/16,fd00::/8"));
        QVERIFY(isTrustedProxy(proxies, QHostAddress(QStringLiteral("10.0.0.5"))));
        QVERIFY(!isTrustedProxy(proxies, QHostAddress(QStringLiteral("10.0.0.6"))));
        QVERIFY(isTrustedProxy(proxies, QHostAddress(QStringLiteral("10.1.200.3"))));
        QVERIFY(isTrustedProxy(proxies, QHostAddress(QStringLiteral("::ffff:10.1.0.9"))));
        QVERIFY(isTrustedProxy(proxies, QHostAddress(QStringLiteral("fd12::1"))));
        QVERIFY(!isTrustedProxy(proxies, QHostAddress(QStringLiteral("2001:db8::1"))));
        QProcessEnvironment env;
        env.insert(QStringLiteral("NATTER_TRUSTED_PROXY"), QStringLiteral("192.0.2.1"));
        QCOMPARE(trustedProxiesText(parse({}, env).config.trustedProxies),
                 QStringLiteral("192.0.2.1/32"));
        for (const char *bad : {"proxy.lan", "10.0.0.0/33", "10.0.0.1/x"}) {
            const ServerOptions failed = parse({"--trusted-proxy", bad});
            QCOMPARE(failed.action, ServerOptions::Action::Fail);
            QVERIFY2(failed.text.contains(QLatin1String("--trusted-proxy")),
                     qPrintable(failed.text));
        }
    }

    void configFileSetsEveryKeyAndTheCommandLineWins()
    {
        const QString path = writeConfig(
            QStringLiteral("full.conf"),
            "; comment\n[server]\nlisten = 0.0.0.0:7000\ndatabase = /tmp/conf.db\n"
            "name = \"Office, 2nd floor\"\nlog-level = warning\npassword-cost = moderate\n"
            "redis = redis://cache.lan:6380/2\ntrusted-proxy = 10.0.0.5, 10.1.0.0/16\n"
            "[discovery]\nenabled = false\nport = 9999\n"
            "[limits]\nauth-timeout-ms = 5000\nidle-timeout-ms = 60000\n"
            "requests-per-second = 10\nrequest-burst = 20\nuser-requests-per-second = 15\n"
            "user-request-burst = 25\nmax-unauthenticated-per-address = 4\n"
            "max-handshakes-per-address = 6\n"
            "max-sockets-per-user = 3\nmax-outbound-bytes = 1048576\nmax-frame-bytes = 4096\n"
            "max-message-bytes = 2000\nsend-pass-ms = 70\npresence-batch-ms = 250\n"
            "presence-grace-ms = 1000\ntyping-expiry-ms = 4000\ninstance-timeout-ms = 5000\n"
            "max-outbound-total-bytes = 268435456\nuser-read-bytes-per-second = 65536\n"
            "user-read-burst-bytes = 1048576\ngroup-max-members = 50\n"
            "group-max-name-chars = 40\ngroups-per-user = 20\ngroup-changes-per-minute = 5\n");
        ServerOptions o = parse({"--config", path});
        QCOMPARE(o.action, ServerOptions::Action::Run);
        const auto &c = o.config;
        QCOMPARE(c.address, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(c.port, quint16(7000));
        QCOMPARE(c.databasePath, QStringLiteral("/tmp/conf.db"));
        QCOMPARE(c.serverName, QStringLiteral("Office, 2nd floor"));
        QCOMPARE(c.logLevel, LogLevel::Warning);
        QCOMPARE(c.passwordCost, PasswordCost::Moderate);
        QCOMPARE(c.discoveryEnabled, false);
        QCOMPARE(c.discoveryPort, quint16(9999));
        QCOMPARE(c.authTimeoutMs, 5000);
        QCOMPARE(c.idleTimeoutMs, 60000);
        QCOMPARE(c.requestsPerSecond, 10);
        QCOMPARE(c.requestBurst, 20);
        QCOMPARE(c.userRequestsPerSecond, 15);
        QCOMPARE(c.userRequestBurst, 25);
        QCOMPARE(c.maxUnauthenticatedPerAddress, 4);
        QCOMPARE(c.maxSocketsPerUser, 3);
        QCOMPARE(c.maxOutboundBytes, qint64(1048576));
        QCOMPARE(c.maxFrameBytes, 4096);
        QCOMPARE(c.maxMessageBytes, 2000);
        QCOMPARE(c.sendPassMs, 70);
        QCOMPARE(c.presenceBatchMs, 250);
        QCOMPARE(c.presenceGraceMs, 1000);
        QCOMPARE(c.typingExpiryMs, 4000);
        QCOMPARE(c.redisUrl, QStringLiteral("redis://cache.lan:6380/2"));
        QCOMPARE(c.instanceTimeoutMs, 5000);
        QCOMPARE(c.maxHandshakesPerAddress, 6);
        QCOMPARE(natter::server::trustedProxiesText(c.trustedProxies),
                 QStringLiteral("10.0.0.5/32,10.1.0.0/16"));
        QCOMPARE(c.maxOutboundTotalBytes, qint64(268435456));
        QCOMPARE(c.userReadBytesPerSecond, qint64(65536));
        QCOMPARE(c.userReadBurstBytes, qint64(1048576));
        QCOMPARE(c.groupMaxMembers, 50);
        QCOMPARE(c.groupMaxNameChars, 40);
        QCOMPARE(c.groupsPerUser, 20);
        QCOMPARE(c.groupChangesPerMinute, 5);
        // The test covers every key (the sign-up keys in registrationIsOpenUnlessClosed, the
        // files keys in filesKeysAreReadAndChecked).
        QCOMPARE(natter::server::configFileKeys().size(), 35 + 5 + 5);

        QProcessEnvironment env;
        env.insert(QStringLiteral("NATTER_CONFIG"), path);
        env.insert(QStringLiteral("NATTER_DATABASE"), QStringLiteral("/tmp/env.db"));
        o = parse({"--listen", "127.0.0.1:7100"}, env);
        QCOMPARE(o.config.port, quint16(7100));                         // command line
        QCOMPARE(o.config.databasePath, QStringLiteral("/tmp/env.db")); // environment
        QCOMPARE(o.config.requestBurst, 20);                            // file
    }

    void filesKeysAreReadAndChecked()
    {
        const ServerOptions defaults = parse({});
        QVERIFY(defaults.config.filesDirectory.isEmpty());
        QCOMPARE(defaults.config.maxFileBytes, qint64(1) << 30);
        QCOMPARE(defaults.config.userQuotaBytes, qint64(10) << 30);
        QCOMPARE(defaults.config.filesMaxTotalBytes, qint64(1) << 40);
        QCOMPARE(defaults.config.filesFreeReserveBytes, qint64(1) << 30);
        const QString path = writeConfig(QStringLiteral("files.conf"),
                                         "[files]\ndirectory = /srv/natter-files\n"
                                         "max-file-bytes = 1000\nuser-quota-bytes = 2000\n"
                                         "max-total-bytes = 3000\nfree-reserve-bytes = 0\n");
        ServerOptions o = parse({"--config", path});
        QCOMPARE(o.action, ServerOptions::Action::Run);
        QCOMPARE(o.config.filesDirectory, QStringLiteral("/srv/natter-files"));
        QCOMPARE(o.config.maxFileBytes, qint64(1000));
        QCOMPARE(o.config.userQuotaBytes, qint64(2000));
        QCOMPARE(o.config.filesMaxTotalBytes, qint64(3000));
        QCOMPARE(o.config.filesFreeReserveBytes, qint64(0));
        const QString bad =
            writeConfig(QStringLiteral("files-bad.conf"), "[files]\nmax-file-bytes = 0\n");
        o = parse({"--config", bad});
        QCOMPARE(o.action, ServerOptions::Action::Fail);
        QVERIFY2(o.text.contains(QLatin1String("files/max-file-bytes")), qPrintable(o.text));
    }

    void packagedConfigFileIsValidAsShipped()
    {
        const ServerOptions o =
            parse({"--config", QStringLiteral(NATTER_SOURCE_DIR "/packaging/server.conf")});
        QVERIFY2(o.action == ServerOptions::Action::Run, qPrintable(o.text));
        QCOMPARE(o.config.address, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(o.config.databasePath, QStringLiteral("/var/lib/natter/natter.db"));
        QVERIFY(o.config.discoveryEnabled);
    }

    void outboundBudgetDefaultsToAQuarterOfMemoryWithinBounds()
    {
        const qint64 budget = natter::server::ServerConfig().maxOutboundTotalBytes;
        QCOMPARE(budget, natter::server::defaultMaxOutboundTotalBytes());
        QVERIFY(budget >= qint64(64) << 20 && budget <= qint64(1) << 30);
        const QString tooSmall = writeConfig(QStringLiteral("budget.conf"),
                                             "[limits]\nmax-outbound-total-bytes = 1000\n");
        const ServerOptions o = parse({"--config", tooSmall});
        QCOMPARE(o.action, ServerOptions::Action::Fail);
        QVERIFY2(o.text.contains(QLatin1String("limits/max-outbound-total-bytes")),
                 qPrintable(o.text));
    }

    void badConfigFilesFailNamingTheKey()
    {
        const QString typo = writeConfig(QStringLiteral("typo.conf"), "[server]\nlisen = 1\n");
        ServerOptions o = parse({"--config", typo});
        QCOMPARE(o.action, ServerOptions::Action::Fail);
        QVERIFY2(o.text.contains(QLatin1String("unknown key \"server/lisen\"")),
                 qPrintable(o.text));
        const QString bad =
            writeConfig(QStringLiteral("bad.conf"), "[limits]\nrequests-per-second = lots\n");
        o = parse({"--config", bad});
        QCOMPARE(o.action, ServerOptions::Action::Fail);
        QVERIFY2(o.text.contains(QLatin1String("limits/requests-per-second")), qPrintable(o.text));
        QVERIFY(o.text.contains(QLatin1String("lots")));
        // Limits can be lowered, never raised past the protocol's maxima.
        const QString tooBig =
            writeConfig(QStringLiteral("big.conf"), "[limits]\nmax-message-bytes = 20000\n");
        o = parse({"--config", tooBig});
        QCOMPARE(o.action, ServerOptions::Action::Fail);
        QVERIFY2(o.text.contains(QLatin1String("limits/max-message-bytes")), qPrintable(o.text));
        o = parse({"--config", m_dir.filePath(QStringLiteral("missing.conf"))});
        QCOMPARE(o.action, ServerOptions::Action::Fail);
        QVERIFY(o.text.contains(QLatin1String("cannot read")));
        const QString comma = writeConfig(QStringLiteral("comma.conf"), "[server]\nname = a, b\n");
        QVERIFY(parse({"--config", comma}).text.contains(QLatin1String("double quotes")));
        const QString half =
            writeConfig(QStringLiteral("half.conf"), "[server]\ntls-cert = /etc/natter/cert.pem\n");
        QCOMPARE(parse({"--config", half}).action, ServerOptions::Action::Fail);
        // Not INI at all: the offending line is named.
        const struct
        {
            const char *content;
            const char *expected;
        } garbage[] = {
            {"#!/bin/sh\necho hi\n", ":1: \"#!/bin/sh\": comments start with ';'"},
            {"[server]\nlisten = 127.0.0.1:1\nhello world\n",
             ":3: \"hello world\" is not a key = value line"},
            {"listen = 127.0.0.1:1\n", ":1: \"listen = 127.0.0.1:1\" comes before any section"},
            {"; fine\n[servr]\n", ":2: unknown section [servr]"},
            {"[server]\n\xff\xfe\x01\n", ":2: not text"},
            {"[limits]\nlisen = 1\n", ":2: unknown key \"limits/lisen\""},
        };
        for (const auto &g : garbage) {
            const QString path = writeConfig(QStringLiteral("garbage.conf"), g.content);
            o = parse({"--config", path});
            QCOMPARE(o.action, ServerOptions::Action::Fail);
            QVERIFY2(o.text.contains(path + QLatin1String(g.expected)), qPrintable(o.text));
        }
    }

    void checkConfigReportsProblems()
    {
        QCOMPARE(parse({"--check-config"}).action, ServerOptions::Action::CheckConfig);
        natter::server::ServerConfig config;
        config.databasePath = m_dir.filePath(QStringLiteral("new.db"));
        // m_dir holds other files: a new database there needs --create.
        QVERIFY(
            natter::server::checkConfig(config).value(0).contains(QLatin1String("pass --create")));
        QVERIFY(parse({"--create"}).config.createDatabase);
        QVERIFY(!parse({}).config.createDatabase);
        config.createDatabase = true;
        QVERIFY(natter::server::checkConfig(config).isEmpty());
        config.databasePath = QStringLiteral("/nonexistent-dir/natter.db");
        QVERIFY(natter::server::checkConfig(config).value(0).contains(
            QLatin1String("/nonexistent-dir")));
        config.databasePath = QStringLiteral("postgresql://natter@db.lan:5432/natter");
        QVERIFY(natter::server::checkConfig(config).isEmpty());
        config.tlsCertPath = writeConfig(QStringLiteral("cert.pem"), "not a certificate");
        config.tlsKeyPath = config.tlsCertPath;
        QVERIFY(natter::server::checkConfig(config).value(0).contains(QLatin1String("tls-cert")));
        config.databasePath = QStringLiteral("postgresql://natter:secret@db.lan:5432/natter");
        config.redisUrl = QStringLiteral("redis://:hunter2@cache.lan:6379/2");
        const QString description = natter::server::describeConfig(config);
        QVERIFY(description.contains(QLatin1String("db.lan")));
        QVERIFY(!description.contains(QLatin1String("secret")));
        QVERIFY(description.contains(QLatin1String("redis = redis://cache.lan:6379/2")));
        QVERIFY(description.contains(QLatin1String("instance-timeout-ms = 15000")));
        QVERIFY(!description.contains(QLatin1String("hunter2")));
    }

    void registrationIsOpenUnlessClosed()
    {
        using natter::server::Registration;
        const ServerOptions defaults = parse({});
        QCOMPARE(defaults.config.registration.mode, Registration::Open);
        QCOMPARE(defaults.config.registration.perAddressBurst, 5);
        QCOMPARE(defaults.config.registration.perAddressPerHour, 30);
        QCOMPARE(defaults.config.registration.burst, 10);
        QCOMPARE(defaults.config.registration.perMinute, 30);
        QVERIFY(parse({"--help"}).text.contains(QLatin1String("--registration")));
        QVERIFY(parse({"--help"}).text.contains(QLatin1String("NATTER_REGISTRATION")));

        const QString path = writeConfig(QStringLiteral("signups.conf"),
                                         "[server]\nregistration = closed\n"
                                         "[limits]\nregister-per-address-burst = 2\n"
                                         "register-per-address-per-hour = 12\n"
                                         "register-burst = 0\nregister-per-minute = 90\n");
        ServerOptions o = parse({"--config", path});
        QVERIFY2(o.action == ServerOptions::Action::Run, qPrintable(o.text));
        QCOMPARE(o.config.registration.mode, Registration::Closed);
        QCOMPARE(o.config.registration.perAddressBurst, 2);
        QCOMPARE(o.config.registration.perAddressPerHour, 12);
        QCOMPARE(o.config.registration.burst, 0);
        QCOMPARE(o.config.registration.perMinute, 90);
        const QString description = natter::server::describeConfig(o.config);
        QVERIFY(description.contains(QLatin1String("registration = closed")));
        QVERIFY(description.contains(QLatin1String("register-per-address-burst = 2")));
        QVERIFY(description.contains(QLatin1String("register-per-minute = 90")));

        // Command line, then environment, then file.
        QProcessEnvironment env;
        env.insert(QStringLiteral("NATTER_REGISTRATION"), QStringLiteral("open"));
        QCOMPARE(parse({"--config", path}, env).config.registration.mode, Registration::Open);
        QCOMPARE(
            parse({"--config", path, "--registration", "closed"}, env).config.registration.mode,
            Registration::Closed);
        QCOMPARE(parse({"--registration", "CLOSED"}).config.registration.mode,
                 Registration::Closed);

        const ServerOptions bad = parse({"--registration", "invite"});
        QCOMPARE(bad.action, ServerOptions::Action::Fail);
        QVERIFY2(bad.text.contains(QLatin1String("--registration")), qPrintable(bad.text));
        const QString badKey =
            writeConfig(QStringLiteral("bad-signups.conf"), "[limits]\nregister-per-minute = 0\n");
        const ServerOptions badFile = parse({"--config", badKey});
        QCOMPARE(badFile.action, ServerOptions::Action::Fail);
        QVERIFY2(badFile.text.contains(QLatin1String("register-per-minute")),
                 qPrintable(badFile.text));
    }
};

QTEST_GUILESS_MAIN(TestServerOptions)
#include "tst_serveroptions.moc"
