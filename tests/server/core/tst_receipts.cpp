// Read receipts: moving the read position, the events both sides get, clamping, never going
// backwards, and unread counts.

#include "aliceandbob.h"

#include <QtTest>

class TestReceipts final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    qint64 m_conversation = 0;
    QList<qint64> m_sent; // alice -> bob, oldest first

    QJsonObject read(TestClient &client, qint64 upTo)
    {
        return client.request(QStringLiteral("read"), {{"conversation_id", double(m_conversation)},
                                                       {"up_to", double(upTo)}});
    }
    int unreadOf(TestClient &client)
    {
        return client.request(QStringLiteral("conversations"))
            .value("conversations")
            .toArray()
            .first()
            .toObject()
            .value("unread")
            .toInt(-1);
    }

private slots:
    void init()
    {
        QVERIFY(startAliceAndBob());
        m_sent = aliceSendsToBob(3, &m_conversation);
        // Drop the delivered receipts of the sends.
        QTRY_VERIFY(m_alice->eventCount(QStringLiteral("receipt")) >= 1);
        QTest::qWait(50);
        m_alice->clearEvents();
        m_bob->clearEvents();
    }
    void cleanup() { stopAliceAndBob(); }

    void readMovesPositionAndNotifiesBothSides()
    {
        auto bob2 = m_server->connect();
        QVERIFY(bob2->authWith(m_bob->token()));
        QCOMPARE(unreadOf(*m_bob), 3);

        const QJsonObject reply = read(*m_bob, m_sent[1]);
        QVERIFY(TestClient::isOk(reply));
        const QJsonObject receipt = reply.value("receipt").toObject();
        QCOMPARE(qint64(receipt.value("conversation_id").toDouble()), m_conversation);
        QCOMPARE(qint64(receipt.value("user_id").toDouble()), m_bob->userId());
        QCOMPARE(qint64(receipt.value("read_up_to").toDouble()), m_sent[1]);
        QVERIFY(receipt.value("rev").toDouble() >= 1);

        for (TestClient *side : {m_alice.get(), bob2.get()}) {
            const QJsonObject event = side->waitEvent(QStringLiteral("receipt"));
            QCOMPARE(qint64(event.value("user_id").toDouble()), m_bob->userId());
            QCOMPARE(qint64(event.value("read_up_to").toDouble()), m_sent[1]);
        }
        QCOMPARE(unreadOf(*m_bob), 1);
        const QJsonObject aliceView = m_alice->request(QStringLiteral("conversations"))
                                          .value("conversations")
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(qint64(aliceView.value("peer_read_up_to").toDouble()), m_sent[1]);
    }

    void readNeverMovesBackwards()
    {
        QVERIFY(TestClient::isOk(read(*m_bob, m_sent[2])));
        QVERIFY(!m_alice->waitEvent(QStringLiteral("receipt")).isEmpty());
        const QJsonObject reply = read(*m_bob, m_sent[0]);
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(qint64(reply.value("receipt").toObject().value("read_up_to").toDouble()),
                 m_sent[2]);
        QVERIFY(m_alice->noEvent(QStringLiteral("receipt"), 150)); // nothing moved
        QCOMPARE(unreadOf(*m_bob), 0);
    }

    void readBeyondNewestIsClamped()
    {
        const QJsonObject reply = read(*m_bob, m_sent[2] + 1000);
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(qint64(reply.value("receipt").toObject().value("read_up_to").toDouble()),
                 m_sent[2]);
        QCOMPARE(unreadOf(*m_bob), 0);
    }

    void unreadCountsOnlyThePeersMessages()
    {
        QVERIFY(TestClient::isOk(read(*m_bob, m_sent[2])));
        QVERIFY(TestClient::isOk(m_bob->sendIn(m_conversation, QStringLiteral("reply"))));
        QCOMPARE(unreadOf(*m_bob), 0);
        QCOMPARE(unreadOf(*m_alice), 1);
        QVERIFY(TestClient::isOk(m_alice->sendIn(m_conversation, QStringLiteral("more"))));
        QCOMPARE(unreadOf(*m_bob), 1);
    }

    void readInForeignConversationIsNotFound()
    {
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(carol);
        const QJsonObject reply = read(*carol, m_sent[0]);
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("not_found"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("conversation_id"));
        QVERIFY(m_alice->noEvent(QStringLiteral("receipt"), 100));
    }

    void readRequiresValidFields()
    {
        QCOMPARE(TestClient::errorCode(m_bob->request(
                     QStringLiteral("read"), {{"conversation_id", double(m_conversation)}})),
                 QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(
                     m_bob->request(QStringLiteral("read"),
                                    {{"conversation_id", double(m_conversation)}, {"up_to", 0}})),
                 QStringLiteral("bad_request"));
    }
};

QTEST_GUILESS_MAIN(TestReceipts)
#include "tst_receipts.moc"
