// Reconnect sync: exactly the changes after a revision, in pages, with delivered receipts.

#include "aliceandbob.h"

#include <QtTest>

class TestSync final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    static qint64 maxRev(const QList<QJsonObject> &frames)
    {
        double rev = 0;
        const auto visit = [&rev](const QJsonObject &o) {
            rev = qMax(rev, o.value("rev").toDouble());
        };
        for (const QJsonObject &f : frames) {
            visit(f);
            visit(f.value("message").toObject());
            visit(f.value("receipt").toObject());
        }
        return qint64(rev);
    }
    QJsonObject sync(TestClient &client, qint64 since, int limit = 0)
    {
        QJsonObject fields{{"since", double(since)}};
        if (limit > 0)
            fields.insert("limit", limit);
        return client.request(QStringLiteral("sync"), fields);
    }
    static QSet<qint64> messageIds(const QJsonObject &reply)
    {
        QSet<qint64> ids;
        for (const QJsonValue &v : reply.value("messages").toArray())
            ids.insert(qint64(v.toObject().value("id").toDouble()));
        return ids;
    }
    static qint64 idOf(const QJsonObject &reply)
    {
        return qint64(reply.value("message").toObject().value("id").toDouble());
    }

private slots:
    void init() { QVERIFY(startAliceAndBob()); }
    void cleanup() { stopAliceAndBob(); }

    void syncFromZeroReturnsEverything()
    {
        const qint64 a = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("one")));
        const qint64 b = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("two")));
        const QJsonObject reply = sync(*m_bob, 0);
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(messageIds(reply), (QSet<qint64>{a, b}));
        QVERIFY(reply.value("rev").toDouble() > 0);
        QCOMPARE(reply.value("has_more").toBool(), false);
        QVERIFY(reply.value("receipts").isArray());
        QVERIFY(reply.value("hidden").isArray());
        // Oldest first.
        const QJsonArray messages = reply.value("messages").toArray();
        QCOMPARE(qint64(messages.first().toObject().value("id").toDouble()), a);
    }

    void syncAfterReconnectReturnsExactlyTheGap()
    {
        const qint64 early = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("before")));
        const qint64 conversation = qint64(m_bob->waitEvent(QStringLiteral("message"))
                                               .value("message")
                                               .toObject()
                                               .value("conversation_id")
                                               .toDouble());
        QTest::qWait(100); // the delivered receipt arrives too
        const qint64 seen =
            qMax(maxRev(m_bob->frameLog()), qint64(sync(*m_bob, 0).value("rev").toDouble()));
        const QString token = m_bob->token();
        m_bob->close();
        QVERIFY(m_bob->waitDisconnected());
        QTRY_COMPARE(m_server->server().connectionCount(), 1);

        // While bob is away: two new messages and an edit of an old one.
        const qint64 gap1 = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("gap 1")));
        const qint64 gap2 = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("gap 2")));
        QVERIFY(TestClient::isOk(
            m_alice->request(QStringLiteral("edit"),
                             {{"message_id", double(early)}, {"content", "before (edited)"}})));

        m_alice->clearEvents(); // only receipts caused by the sync below matter now
        auto bob = m_server->connect();
        QVERIFY(bob->authWith(token));
        const QJsonObject reply = sync(*bob, seen);
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(messageIds(reply), (QSet<qint64>{gap1, gap2, early}));
        for (const QJsonValue &v : reply.value("messages").toArray()) {
            const QJsonObject m = v.toObject();
            QVERIFY(m.value("rev").toDouble() > double(seen));
            if (qint64(m.value("id").toDouble()) == early)
                QCOMPARE(m.value("content").toString(), QStringLiteral("before (edited)"));
        }
        const qint64 cursor = qint64(reply.value("rev").toDouble());
        QVERIFY(cursor > seen);
        QCOMPARE(reply.value("has_more").toBool(), false);

        // Fetching the gap counts as delivery.
        const QJsonObject receipt = m_alice->waitEvent(QStringLiteral("receipt"));
        QCOMPARE(qint64(receipt.value("user_id").toDouble()), bob->userId());
        QCOMPARE(qint64(receipt.value("conversation_id").toDouble()), conversation);
        QCOMPARE(qint64(receipt.value("delivered_up_to").toDouble()), gap2);

        // Nothing new after the cursor but that receipt; the cursor never goes back.
        const QJsonObject again = sync(*bob, qint64(receipt.value("rev").toDouble()));
        QVERIFY(TestClient::isOk(again));
        QCOMPARE(again.value("messages").toArray().size(), 0);
        QVERIFY(again.value("rev").toDouble() >= receipt.value("rev").toDouble());
    }

    void syncPagesUntilHasMoreIsFalse()
    {
        QSet<qint64> sent;
        for (int i = 0; i < 7; ++i)
            sent.insert(idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("m%1").arg(i))));
        QSet<qint64> received;
        qint64 since = 0;
        int pages = 0;
        bool more = true;
        while (more && pages < 50) {
            const QJsonObject reply = sync(*m_alice, since, 2);
            QVERIFY(TestClient::isOk(reply));
            const int items = int(reply.value("messages").toArray().size() +
                                  reply.value("receipts").toArray().size() +
                                  reply.value("hidden").toArray().size());
            QVERIFY(items <= 2);
            for (const qint64 id : messageIds(reply)) {
                QVERIFY2(!received.contains(id), "a message came twice");
                received.insert(id);
            }
            QVERIFY(qint64(reply.value("rev").toDouble()) >= since);
            since = qint64(reply.value("rev").toDouble());
            more = reply.value("has_more").toBool();
            ++pages;
        }
        QCOMPARE(received, sent);
        QVERIFY(pages >= 4);
    }

    void syncIncludesOwnHiddenMessages()
    {
        const qint64 id = idOf(m_alice->sendTo(m_bob->userId(), QStringLiteral("hide me")));
        const qint64 before = qint64(sync(*m_bob, 0).value("rev").toDouble());
        QVERIFY(TestClient::isOk(m_bob->request(QStringLiteral("delete"),
                                                {{"message_id", double(id)}, {"scope", "me"}})));
        const QJsonObject reply = sync(*m_bob, before);
        const QJsonArray hidden = reply.value("hidden").toArray();
        QCOMPARE(hidden.size(), 1);
        QCOMPARE(qint64(hidden.first().toObject().value("message_id").toDouble()), id);
        QVERIFY(!messageIds(reply).contains(id));
        // The other side is not told.
        QCOMPARE(sync(*m_alice, before).value("hidden").toArray().size(), 0);
    }

    void syncValidatesItsFields()
    {
        QCOMPARE(TestClient::errorCode(m_bob->request(QStringLiteral("sync"))),
                 QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(sync(*m_bob, -1)), QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(
                     m_bob->request(QStringLiteral("sync"), {{"since", 0}, {"limit", 501}})),
                 QStringLiteral("bad_request"));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
