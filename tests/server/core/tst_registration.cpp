// Sign-ups on the wire: `register` is throttled per address and for the whole server, and a
// server with registration closed refuses it with `forbidden` (accounts come from
// `natter-server user add`) while existing accounts still sign in.

#include "testserver.h"

#include <QJsonDocument>
#include <QtTest>

using natter::server::Registration;

class TestRegistration final : public QObject
{
    Q_OBJECT

private:
    static QJsonObject registerReply(TestServer &server, const QString &username)
    {
        auto client = server.connect();
        if (!client)
            return {};
        return client->request(QStringLiteral("register"),
                               {{QStringLiteral("username"), username},
                                {QStringLiteral("password"), QStringLiteral("secret-pass-1")}});
    }

    static QString describe(const QJsonObject &reply)
    {
        return QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact));
    }

private slots:
    // The refill arithmetic is tst_throttles's; here the refill is slow enough not to
    // matter however long the sign-ups take.
    void oneAddressGetsABurstThenWaits()
    {
        TestServer server;
        server.config().registration.perAddressBurst = 3;
        server.config().registration.perAddressPerHour = 60; // one more a minute
        QVERIFY(server.start());
        for (int i = 0; i < 3; ++i) {
            const QJsonObject reply = registerReply(server, QStringLiteral("user%1").arg(i));
            QVERIFY2(TestClient::isOk(reply), qPrintable(describe(reply)));
        }
        const QJsonObject limited = registerReply(server, QStringLiteral("user3"));
        QCOMPARE(TestClient::errorCode(limited), QStringLiteral("rate_limited"));
        QCOMPARE(limited.value("message").toString(),
                 QStringLiteral("too many new accounts; try again later"));
        const int wait = limited.value("retry_after_ms").toInt();
        QVERIFY2(wait > 50'000 && wait <= 60'000, qPrintable(describe(limited)));
        // Nothing was created: the name is still free.
        auto probe = server.connect();
        QCOMPARE(TestClient::errorCode(probe->request(
                     QStringLiteral("login"), {{QStringLiteral("username"), "user3"},
                                               {QStringLiteral("password"), "secret-pass-1"}})),
                 QStringLiteral("unauthorized"));
    }

    void theWholeServerHasALimitToo()
    {
        TestServer server;
        server.config().registration.burst = 2;
        server.config().registration.perMinute = 1;
        QVERIFY(server.start());
        QVERIFY(TestClient::isOk(registerReply(server, QStringLiteral("ann"))));
        QVERIFY(TestClient::isOk(registerReply(server, QStringLiteral("ben"))));
        const QJsonObject limited = registerReply(server, QStringLiteral("cat"));
        QCOMPARE(TestClient::errorCode(limited), QStringLiteral("rate_limited"));
        const int wait = limited.value("retry_after_ms").toInt();
        QVERIFY2(wait > 50'000 && wait <= 60'000, qPrintable(describe(limited)));
        // Signing in is not a sign-up: it is not held back.
        auto ann = server.connect();
        QVERIFY(ann->loginAs(QStringLiteral("ann")));
    }

    void aTakenNameCostsNoSignUp()
    {
        TestServer server;
        server.config().registration.perAddressBurst = 2;
        QVERIFY(server.start());
        QVERIFY(TestClient::isOk(registerReply(server, QStringLiteral("dora"))));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(TestClient::errorCode(registerReply(server, QStringLiteral("DORA"))),
                     QStringLiteral("conflict"));
        QVERIFY(TestClient::isOk(registerReply(server, QStringLiteral("emil"))));
        QCOMPARE(TestClient::errorCode(registerReply(server, QStringLiteral("fred"))),
                 QStringLiteral("rate_limited"));
    }

    void closedRegistrationIsForbiddenButSignInWorks()
    {
        TestServer server;
        QVERIFY(server.start());
        QVERIFY(TestClient::isOk(registerReply(server, QStringLiteral("olga"))));
        // The same database, now closed: as if the admin had created olga with `user add`.
        server.config().registration.mode = Registration::Closed;
        QVERIFY(server.start());
        const QJsonObject refused = registerReply(server, QStringLiteral("pete"));
        QCOMPARE(TestClient::errorCode(refused), QStringLiteral("forbidden"));
        QCOMPARE(refused.value("message").toString(),
                 QStringLiteral("this server does not take new accounts; ask its admin for one"));
        QVERIFY(!refused.contains("field"));
        // Closed is closed for every name, taken or not (no hint which names exist).
        QCOMPARE(TestClient::errorCode(registerReply(server, QStringLiteral("olga"))),
                 QStringLiteral("forbidden"));
        auto olga = server.connect();
        QVERIFY(olga->loginAs(QStringLiteral("olga")));
        QVERIFY(TestClient::isOk(olga->request(QStringLiteral("conversations"))));
    }
};

QTEST_GUILESS_MAIN(TestRegistration)
#include "tst_registration.moc"
