// Hostile and broken input: every malformed frame gets a typed error, the socket survives
// whatever the protocol says it survives, and a well-behaved client is served afterwards.

#include "testserver.h"

#include <QtTest>

class TestBadInput final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client; // authenticated as "mallory"

    // The first frame in the log after `from` frames; empty on timeout.
    static QJsonObject errorAfter(TestClient &client, qsizetype from)
    {
        if (!QTest::qWaitFor([&]() { return client.frameLog().size() > from; }, 5000))
            return {};
        return client.frameLog().at(from);
    }
    QJsonObject rawError(const QString &text)
    {
        const qsizetype before = m_client->frameLog().size();
        m_client->sendText(text);
        return errorAfter(*m_client, before);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        m_client = m_server->user(QStringLiteral("mallory"));
        QVERIFY(m_client);
        m_client->clearEvents();
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void malformedJsonIsBadRequestWithNullRe()
    {
        const QJsonObject error = rawError(QStringLiteral("{\"type\":\"ping\",\"id\":"));
        QCOMPARE(error.value("type").toString(), QStringLiteral("error"));
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        QVERIFY(error.contains("re") && error.value("re").isNull());
        QVERIFY(!error.value("message").toString().isEmpty());
    }

    void nonObjectsAreBadRequest()
    {
        for (const QString &text : {QStringLiteral("[1,2,3]"), QStringLiteral("\"ping\""),
                                    QStringLiteral("42"), QStringLiteral("null"), QString()}) {
            const QJsonObject error = rawError(text);
            QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        }
    }

    void unknownTypeKeepsTheId()
    {
        const QJsonObject error = rawError(QStringLiteral("{\"type\":\"fly\",\"id\":\"x1\"}"));
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("unknown_type"));
        QCOMPARE(error.value("re").toString(), QStringLiteral("x1"));
        // An event name is not a request either.
        QCOMPARE(TestClient::errorCode(
                     rawError(QStringLiteral("{\"type\":\"presence\",\"id\":\"x2\"}"))),
                 QStringLiteral("unknown_type"));
    }

    void missingOrInvalidIdIsBadRequest()
    {
        QJsonObject error = rawError(QStringLiteral("{\"type\":\"ping\"}"));
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        QVERIFY(error.value("re").isNull());
        QCOMPARE(error.value("field").toString(), QStringLiteral("id"));
        error = rawError(QStringLiteral("{\"type\":\"ping\",\"id\":7}"));
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        error = rawError(QStringLiteral("{\"type\":\"ping\",\"id\":\"\"}"));
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        error =
            rawError(QStringLiteral("{\"type\":\"ping\",\"id\":\"%1\"}").arg(QString(65, u'a')));
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        QVERIFY(error.value("re").isNull());
        QCOMPARE(TestClient::errorCode(rawError(QStringLiteral("{\"id\":\"x\"}"))),
                 QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(rawError(QStringLiteral("{\"type\":5,\"id\":\"x\"}"))),
                 QStringLiteral("bad_request"));
    }

    void wrongFieldTypesNameTheField()
    {
        struct Case
        {
            QString type;
            QJsonObject fields;
            QString field;
        };
        const QList<Case> cases = {
            {"history", {{"conversation_id", "1"}}, "conversation_id"},
            {"history", {{"conversation_id", 1.5}}, "conversation_id"},
            {"history", {{"conversation_id", 1}, {"before", true}}, "before"},
            {"typing", {{"conversation_id", 1}, {"active", "yes"}}, "active"},
            {"read", {{"conversation_id", 1}, {"up_to", QJsonArray{1}}}, "up_to"},
            {"edit", {{"message_id", 1}, {"content", 5}}, "content"},
            {"users", {{"query", 12}}, "query"},
            {"sync", {{"since", "0"}}, "since"},
            {"sync", {{"since", 9007199254740993.0}}, "since"},
            {"login", {{"username", QJsonObject{}}, {"password", "x"}}, "username"},
        };
        for (const Case &c : cases) {
            const QJsonObject reply = m_client->request(c.type, c.fields);
            QCOMPARE(TestClient::errorCode(reply), QStringLiteral("bad_request"));
            QCOMPARE(reply.value("field").toString(), c.field);
            QVERIFY(!reply.value("re").toString().isEmpty());
        }
    }

    void oversizeFrameIsTooLargeAndSocketStaysOpen()
    {
        const QString big = QStringLiteral("{\"type\":\"ping\",\"id\":\"big\",\"pad\":\"%1\"}")
                                .arg(QString(70 * 1024, u'x'));
        const QJsonObject error = rawError(big);
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("too_large"));
        QVERIFY(error.value("re").isNull());
        QVERIFY(m_client->isConnected());
        QVERIFY(TestClient::isOk(m_client->request(QStringLiteral("ping"))));
    }

    void frameOverTheHardLimitClosesWith1009()
    {
        m_client->sendText(QString(1100 * 1024, u'x'));
        QVERIFY(m_client->waitDisconnected(5000));
        QCOMPARE(m_client->closeCode(), 1009);
        // The server itself is fine.
        auto other = m_server->connect();
        QVERIFY(other && TestClient::isOk(other->request(QStringLiteral("ping"))));
    }

    void binaryFrameIsBadRequest()
    {
        const qsizetype before = m_client->frameLog().size();
        m_client->sendBinary(QByteArray("{\"type\":\"ping\",\"id\":\"b\"}"));
        const QJsonObject error = errorAfter(*m_client, before);
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        QVERIFY(error.value("re").isNull());
        QVERIFY(TestClient::isOk(m_client->request(QStringLiteral("ping"))));
    }

    void deepNestingIsBadRequest()
    {
        const QString deep = QStringLiteral("{\"type\":\"ping\",\"id\":\"d\",\"x\":%1%2}")
                                 .arg(QString(9, u'['), QString(9, u']'));
        const QJsonObject error = rawError(deep);
        QCOMPARE(TestClient::errorCode(error), QStringLiteral("bad_request"));
        // Eight levels are still fine (the frame object is level one).
        const QString ok = QStringLiteral("{\"type\":\"ping\",\"id\":\"e\",\"x\":%1%2}")
                               .arg(QString(7, u'['), QString(7, u']'));
        m_client->sendText(ok);
        QVERIFY(TestClient::isOk(m_client->waitReply(QStringLiteral("e"))));
    }

    void wrongPathGetsUnsupportedVersionAndClose4400()
    {
        for (const QString &path :
             {QStringLiteral("/v2"), QStringLiteral("/"), QStringLiteral("/v1/x")}) {
            auto client = m_server->connect(path);
            QVERIFY(client);
            const QJsonObject error = client->waitEvent(QStringLiteral("error"));
            QCOMPARE(TestClient::errorCode(error), QStringLiteral("unsupported_version"));
            QVERIFY(error.value("re").isNull());
            QVERIFY(client->waitDisconnected());
            QCOMPARE(client->closeCode(), 4400);
        }
    }

    void unknownFieldsAreIgnored()
    {
        QVERIFY(TestClient::isOk(m_client->request(
            QStringLiteral("ping"), {{"future_field", QJsonObject{{"a", 1}}}, {"x", "y"}})));
    }

    void serverStillServesAWellBehavedClientAfterAbuse()
    {
        for (const QString &text :
             {QStringLiteral("{"), QStringLiteral("[]"),
              QStringLiteral("{\"type\":\"send\",\"id\":\"s\"}"),
              QStringLiteral("{\"type\":\"history\",\"id\":\"h\",\"conversation_id\":-5}"),
              QString(70 * 1024, u'{'), QStringLiteral("\"unterminated")})
            m_client->sendText(text);
        m_client->sendBinary(QByteArray(100, '\0'));
        QVERIFY(TestClient::isOk(m_client->request(QStringLiteral("ping"))));

        auto alice = m_server->user(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(alice && bob);
        QVERIFY(TestClient::isOk(alice->sendTo(bob->userId(), QStringLiteral("all good"))));
        QCOMPARE(bob->waitEvent(QStringLiteral("message"))
                     .value("message")
                     .toObject()
                     .value("content")
                     .toString(),
                 QStringLiteral("all good"));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
