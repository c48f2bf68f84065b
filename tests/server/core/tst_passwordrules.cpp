// New passwords: whitespace-only ones and the shipped list of common passwords are refused
// with bad_request (field "password"), on the wire (`register`) and by the admin commands
// `natter-server user add` / `user reset-password`. Signing in never applies the rule.

#include "app/usercommand.h"
#include "testserver.h"
#include "validation.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using natter::server::runUserCommand;
using natter::server::ServerConfig;

class TestPasswordRules final : public QObject
{
    Q_OBJECT

private:
    static QString describe(const QJsonObject &reply)
    {
        return QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
    }

    // `natter-server user VERB NAME` in-process with `password` on stdin; the exit code.
    static int admin(const ServerConfig &config, const QString &verb, const QString &name,
                     const QString &password, QString *errors = nullptr)
    {
        QString input = password + u'\n';
        QString output;
        QString errorText;
        QTextStream in(&input);
        QTextStream out(&output);
        QTextStream err(&errorText);
        const int code = runUserCommand({QStringLiteral("user"), verb, name}, config, in, out, err);
        err.flush();
        if (errors)
            *errors = errorText;
        return code;
    }

private slots:
    void weakPasswords_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("message");
        const QString common =
            QStringLiteral("password is one of the most common passwords; choose another");
        const QString blank = QStringLiteral("password must not be only spaces");
        QTest::newRow("password") << QStringLiteral("password") << common;
        QTest::newRow("mixed case") << QStringLiteral("PassWord123") << common;
        QTest::newRow("digits") << QStringLiteral("12345678") << common;
        QTest::newRow("keyboard") << QStringLiteral("qwertyuiop") << common;
        QTest::newRow("eight spaces") << QStringLiteral("        ") << blank;
        QTest::newRow("tabs and spaces") << QStringLiteral(" \t \t \t \t ") << blank;
    }

    void weakPasswords()
    {
        QFETCH(QString, password);
        QFETCH(QString, message);
        const auto problem = natter::validation::checkPassword(password);
        QVERIFY(problem.has_value());
        QCOMPARE(problem->code, natter::ErrorCode::BadRequest);
        QCOMPARE(problem->message, message);
        QCOMPARE(problem->field, QStringLiteral("password"));
    }

    void ordinaryPasswordsPass()
    {
        for (const char *ok : {"correct horse battery", "secret-pass-1", "  padded but real  ",
                               "password-for-natter-2026"})
            QVERIFY2(!natter::validation::checkPassword(QString::fromUtf8(ok)), ok);
    }

    void registerRefusesWeakPasswords_data() { weakPasswords_data(); }

    void registerRefusesWeakPasswords()
    {
        QFETCH(QString, password);
        QFETCH(QString, message);
        TestServer server;
        QVERIFY(server.start());
        auto client = server.connect();
        QVERIFY(client);
        const QJsonObject reply =
            client->request(QStringLiteral("register"), {{QStringLiteral("username"), "weakling"},
                                                         {QStringLiteral("password"), password}});
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("bad_request"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("password"));
        QCOMPARE(reply.value("message").toString(), message);
        // No account was made: the name is still free for a good password.
        const QJsonObject good = client->request(
            QStringLiteral("register"), {{QStringLiteral("username"), "weakling"},
                                         {QStringLiteral("password"), "a-less-common-pass"}});
        QVERIFY2(TestClient::isOk(good), qPrintable(describe(good)));
    }

    void userAddAndResetPasswordRefuseWeakPasswords()
    {
        QTemporaryDir dir;
        ServerConfig config;
        config.databasePath = dir.filePath(QStringLiteral("admin.db"));
        config.passwordCost = natter::server::PasswordCost::Min;
        QString errors;
        QCOMPARE(admin(config, QStringLiteral("add"), QStringLiteral("eve"),
                       QStringLiteral("password1"), &errors),
                 1);
        QVERIFY2(errors.contains(QLatin1String("most common passwords")), qPrintable(errors));
        QCOMPARE(admin(config, QStringLiteral("add"), QStringLiteral("eve"),
                       QStringLiteral("        "), &errors),
                 1);
        QVERIFY2(errors.contains(QLatin1String("only spaces")), qPrintable(errors));
        QCOMPARE(admin(config, QStringLiteral("add"), QStringLiteral("eve"),
                       QStringLiteral("eves-own-phrase")),
                 0);
        QCOMPARE(admin(config, QStringLiteral("reset-password"), QStringLiteral("eve"),
                       QStringLiteral("iloveyou"), &errors),
                 1);
        QVERIFY2(errors.contains(QLatin1String("most common passwords")), qPrintable(errors));
        QCOMPARE(admin(config, QStringLiteral("reset-password"), QStringLiteral("eve"),
                       QStringLiteral("eves-next-phrase")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestPasswordRules)
#include "tst_passwordrules.moc"
