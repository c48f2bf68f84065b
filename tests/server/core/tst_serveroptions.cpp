// The natter-server command line: options, environment fallbacks and their errors.

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

    void helpExplainsEveryOption()
    {
        const ServerOptions o = parse({"--help"});
        QCOMPARE(o.action, ServerOptions::Action::ShowText);
        for (const char *option : {"--listen", "--database", "--log-level", "--password-cost",
                                   "--version", "NATTER_LISTEN"})
            QVERIFY2(o.text.contains(QLatin1String(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestServerOptions)
#include "tst_serveroptions.moc"
