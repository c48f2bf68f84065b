// search and the history pages a jump to a hit needs (after, around), through the protocol:
// who finds what, bad queries, and the read budget a search is charged.

#include "aliceandbob.h"

#include <QtTest>

class TestSearch final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    static QStringList contentsOf(const QJsonObject &reply)
    {
        QStringList out;
        for (const QJsonValue &v : reply.value("messages").toArray())
            out.append(v.toObject().value("content").toString());
        return out;
    }

    static QList<qint64> idsOf(const QJsonObject &reply)
    {
        QList<qint64> ids;
        for (const QJsonValue &v : reply.value("messages").toArray())
            ids.append(qint64(v.toObject().value("id").toDouble()));
        return ids;
    }

private slots:
    void init() { QVERIFY(startAliceAndBob()); }
    void cleanup() { stopAliceAndBob(); }

    void findsWhatTheCallerMaySee()
    {
        m_alice->sendTo(m_bob->userId(), QStringLiteral("the printer link is on the wiki"));
        m_bob->sendTo(m_alice->userId(), QStringLiteral("Printers are jammed again"));
        QJsonObject reply = m_bob->request(QStringLiteral("search"), {{"query", "print"}});
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(contentsOf(reply),
                 QStringList({QStringLiteral("Printers are jammed again"),
                              QStringLiteral("the printer link is on the wiki")}));
        QCOMPARE(reply.value("has_more").toBool(), false);
        QVERIFY(!reply.contains("next_before"));

        // carol is in neither conversation: she finds nothing, and naming one is not_found.
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(carol);
        reply = carol->request(QStringLiteral("search"), {{"query", "printer"}});
        QVERIFY(TestClient::isOk(reply));
        QVERIFY(contentsOf(reply).isEmpty());
        const double conversation = m_alice->sendTo(m_bob->userId(), QStringLiteral("x"))
                                        .value("message")
                                        .toObject()
                                        .value("conversation_id")
                                        .toDouble();
        reply = carol->request(QStringLiteral("search"),
                               {{"query", "printer"}, {"conversation_id", conversation}});
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("not_found"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("conversation_id"));
    }

    void badQueriesAreRefusedAndTheServerStaysUp_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("star alone") << QJsonObject{{"query", "*"}} << "bad_request"
                                    << "query";
        QTest::newRow("empty") << QJsonObject{{"query", ""}} << "bad_request"
                               << "query";
        QTest::newRow("missing") << QJsonObject{} << "bad_request"
                                 << "query";
        QTest::newRow("not a string") << QJsonObject{{"query", 5}} << "bad_request"
                                      << "query";
        QTest::newRow("too long") << QJsonObject{{"query", QString(201, QLatin1Char('a'))}}
                                  << "too_large"
                                  << "query";
        QStringList many;
        for (int i = 0; i < 17; ++i)
            many.append(QStringLiteral("w%1").arg(i));
        QTest::newRow("too many words") << QJsonObject{{"query", many.join(' ')}} << "bad_request"
                                        << "query";
        QTest::newRow("limit") << QJsonObject{{"query", "a"}, {"limit", 51}} << "bad_request"
                               << "limit";
        QTest::newRow("cursor") << QJsonObject{{"query", "a"}, {"before", -3}} << "bad_request"
                                << "before";
    }

    void badQueriesAreRefusedAndTheServerStaysUp()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QJsonObject reply = m_alice->request(QStringLiteral("search"), fields);
        QCOMPARE(TestClient::errorCode(reply), code);
        QCOMPARE(reply.value("field").toString(), field);
        QVERIFY(TestClient::isOk(m_alice->request(QStringLiteral("ping"))));
    }

    void aroundAndAfterPageAJump()
    {
        qint64 conversation = 0;
        const QList<qint64> sent = aliceSendsToBob(9, &conversation);
        QJsonObject page = m_bob->request(
            QStringLiteral("history"),
            {{"conversation_id", double(conversation)}, {"around", double(sent[4])}, {"limit", 4}});
        QVERIFY(TestClient::isOk(page));
        QCOMPARE(idsOf(page), (QList<qint64>{sent[6], sent[5], sent[4], sent[3]}));
        QCOMPARE(page.value("has_more").toBool(), true);
        QCOMPARE(page.value("has_newer").toBool(), true);

        page = m_bob->request(
            QStringLiteral("history"),
            {{"conversation_id", double(conversation)}, {"after", double(sent[6])}, {"limit", 4}});
        QCOMPARE(idsOf(page), (QList<qint64>{sent[8], sent[7]}));
        QCOMPARE(page.value("has_newer").toBool(), false);
        QCOMPARE(page.value("has_more").toBool(), true);
        // A plain page says nothing about newer ones.
        page =
            m_bob->request(QStringLiteral("history"), {{"conversation_id", double(conversation)}});
        QVERIFY(!page.contains("has_newer"));

        // A message of another conversation, one hidden for the caller, or two cursors.
        auto carol = m_server->user(QStringLiteral("carol"));
        const qint64 other = qint64(carol->sendTo(m_alice->userId(), QStringLiteral("hi"))
                                        .value("message")
                                        .toObject()
                                        .value("id")
                                        .toDouble());
        page = m_bob->request(QStringLiteral("history"), {{"conversation_id", double(conversation)},
                                                          {"around", double(other)}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("not_found"));
        QCOMPARE(page.value("field").toString(), QStringLiteral("around"));
        QVERIFY(TestClient::isOk(m_bob->request(
            QStringLiteral("delete"), {{"message_id", double(sent[2])}, {"scope", "me"}})));
        page = m_bob->request(QStringLiteral("history"), {{"conversation_id", double(conversation)},
                                                          {"around", double(sent[2])}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("not_found"));
        page = m_bob->request(QStringLiteral("history"), {{"conversation_id", double(conversation)},
                                                          {"around", double(sent[2])},
                                                          {"before", double(sent[3])}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("bad_request"));
        page = carol->request(QStringLiteral("history"), {{"conversation_id", double(conversation)},
                                                          {"around", double(sent[4])}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("not_found"));
        QCOMPARE(page.value("field").toString(), QStringLiteral("conversation_id"));
        // No such message: the field says which id is unknown.
        page = m_bob->request(QStringLiteral("history"), {{"conversation_id", double(conversation)},
                                                          {"around", double(sent[8] + 1000)}});
        QCOMPARE(TestClient::errorCode(page), QStringLiteral("not_found"));
        QCOMPARE(page.value("field").toString(), QStringLiteral("around"));
        page = carol->request(QStringLiteral("history"), {{"conversation_id", double(conversation)},
                                                          {"around", double(sent[8] + 1000)}});
        QCOMPARE(page.value("field").toString(), QStringLiteral("around"));
    }
};

// A search that finds nothing still costs from the read budget: they cannot be fired without
// limit.
class TestSearchBudget final : public QObject
{
    Q_OBJECT

private slots:
    void emptySearchesUseUpTheReadBudget()
    {
        TestServer server;
        server.config().userReadBurstBytes = 64 * 1024;
        server.config().userReadBytesPerSecond = 1024;
        QVERIFY(server.start());
        auto alice = server.user(QStringLiteral("alice"));
        QVERIFY(alice);
        int served = 0;
        QJsonObject reply;
        for (int i = 0; i < 20; ++i) {
            reply = alice->request(QStringLiteral("search"), {{"query", "nothing here"}});
            if (!TestClient::isOk(reply))
                break;
            ++served;
        }
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("rate_limited"));
        QVERIFY(reply.value("retry_after_ms").toDouble() > 0);
        QVERIFY2(served >= 4 && served <= 6, qPrintable(QString::number(served)));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestSearch search;
    TestSearchBudget budget;
    return QTest::qExec(&search, argc, argv) | QTest::qExec(&budget, argc, argv);
}

#include "tst_search.moc"
