// Sending: acknowledgement after commit, fan-out to every socket that should see the
// message, idempotent re-sends, identity from the session only, and the send error paths.

#include "aliceandbob.h"
#include "app/storefactory.h"
#include "faultystore.h"

#include <QtTest>

class TestMessaging final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    FaultyStore *m_store = nullptr;

    static QJsonObject messageOf(const QJsonObject &frame)
    {
        return frame.value("message").toObject();
    }
    static QString newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

private slots:
    void init()
    {
        QVERIFY(startAliceAndBob([this](TestServer &server) {
            auto store =
                std::make_unique<FaultyStore>(natter::server::createStore(server.config()));
            m_store = store.get();
            return store;
        }));
    }
    void cleanup() { stopAliceAndBob(); }

    void sendIsAckedAndDeliveredToEverySocketButTheSendingOne()
    {
        auto alice2 = m_server->connect();
        QVERIFY(alice2->authWith(m_alice->token()));
        auto bob2 = m_server->connect();
        QVERIFY(bob2->authWith(m_bob->token()));

        const QString clientId = newUuid();
        const QJsonObject ack =
            m_alice->sendTo(m_bob->userId(), QStringLiteral("hello bob"), clientId);
        QVERIFY2(TestClient::isOk(ack), qPrintable(ack.value("message").toString()));
        const QJsonObject message = messageOf(ack);
        QVERIFY(message.value("id").toDouble() >= 1);
        QVERIFY(message.value("conversation_id").toDouble() >= 1);
        QCOMPARE(qint64(message.value("sender_id").toDouble()), m_alice->userId());
        QCOMPARE(message.value("client_id").toString(), clientId);
        QCOMPARE(message.value("content").toString(), QStringLiteral("hello bob"));
        QCOMPARE(message.value("deleted").toBool(), false);
        QVERIFY(message.value("edited_at").isNull());
        QVERIFY(message.value("rev").toDouble() >= 1);
        QVERIFY(message.value("created_at").toDouble() > 1.7e12);

        for (TestClient *target : {m_bob.get(), bob2.get(), alice2.get()}) {
            const QJsonObject event = target->waitEvent(QStringLiteral("message"));
            QCOMPARE(messageOf(event), message);
        }
        QVERIFY(m_alice->noEvent(QStringLiteral("message")));
    }

    void sendIntoExistingConversation()
    {
        const QJsonObject first = m_alice->sendTo(m_bob->userId(), QStringLiteral("one"));
        const double conversation = messageOf(first).value("conversation_id").toDouble();
        const QJsonObject reply = m_bob->sendIn(qint64(conversation), QStringLiteral("two"));
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(messageOf(reply).value("conversation_id").toDouble(), conversation);
        QCOMPARE(qint64(messageOf(reply).value("sender_id").toDouble()), m_bob->userId());
        QVERIFY(messageOf(reply).value("id").toDouble() > messageOf(first).value("id").toDouble());
        QCOMPARE(
            messageOf(m_alice->waitEvent(QStringLiteral("message"))).value("content").toString(),
            QStringLiteral("two"));
    }

    void resentClientIdReturnsOriginalWithoutSecondDelivery()
    {
        const QString clientId = newUuid();
        const QJsonObject first =
            m_alice->sendTo(m_bob->userId(), QStringLiteral("once"), clientId);
        QVERIFY(TestClient::isOk(first));
        QVERIFY(!m_bob->waitEvent(QStringLiteral("message")).isEmpty());
        const QJsonObject again =
            m_alice->sendTo(m_bob->userId(), QStringLiteral("once"), clientId);
        QVERIFY(TestClient::isOk(again));
        QCOMPARE(messageOf(again), messageOf(first));
        QVERIFY(m_bob->noEvent(QStringLiteral("message")));
        const QJsonObject history =
            m_bob->request(QStringLiteral("history"),
                           {{"conversation_id", messageOf(first).value("conversation_id")}});
        QCOMPARE(history.value("messages").toArray().size(), 1);
    }

    void senderNamedInPayloadIsIgnored()
    {
        const QJsonObject reply =
            m_alice->request(QStringLiteral("send"), {{"to", double(m_bob->userId())},
                                                      {"client_id", newUuid()},
                                                      {"content", "who am i"},
                                                      {"sender_id", double(m_bob->userId())},
                                                      {"sender", double(m_bob->userId())},
                                                      {"from", double(m_bob->userId())},
                                                      {"user_id", double(m_bob->userId())}});
        QVERIFY(TestClient::isOk(reply));
        QCOMPARE(qint64(messageOf(reply).value("sender_id").toDouble()), m_alice->userId());
        QCOMPARE(qint64(messageOf(m_bob->waitEvent(QStringLiteral("message")))
                            .value("sender_id")
                            .toDouble()),
                 m_alice->userId());
    }

    void sendToSelfIsBadRequest()
    {
        const QJsonObject reply = m_alice->sendTo(m_alice->userId(), QStringLiteral("me"));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("bad_request"));
        QCOMPARE(reply.value("field").toString(), QStringLiteral("to"));
    }

    void sendToUnknownUserIsNotFound()
    {
        const QJsonObject reply = m_alice->sendTo(987654, QStringLiteral("anyone?"));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("not_found"));
    }

    void sendIntoSomeoneElsesConversationIsNotFound()
    {
        const QJsonObject first = m_alice->sendTo(m_bob->userId(), QStringLiteral("private"));
        const qint64 conversation = qint64(messageOf(first).value("conversation_id").toDouble());
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(carol);
        const QJsonObject reply = carol->sendIn(conversation, QStringLiteral("let me in"));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(carol->sendIn(conversation + 1000, QStringLiteral("x"))),
                 QStringLiteral("not_found"));
        QVERIFY(m_bob->waitEvent(QStringLiteral("message"))
                    .value("message")
                    .toObject()
                    .value("content") == QStringLiteral("private"));
        QVERIFY(m_bob->noEvent(QStringLiteral("message")));
    }

    void invalidSendsAreRejected()
    {
        const double bob = double(m_bob->userId());
        struct Case
        {
            QJsonObject fields;
            QString code;
            QString field;
        };
        const QList<Case> cases = {
            {{{"to", bob}, {"client_id", newUuid()}, {"content", "   \n\t "}},
             "bad_request",
             "content"},
            {{{"to", bob}, {"client_id", newUuid()}, {"content", ""}}, "bad_request", "content"},
            {{{"to", bob}, {"client_id", newUuid()}, {"content", QString(16385, u'x')}},
             "too_large",
             "content"},
            {{{"to", bob}, {"client_id", newUuid()}, {"content", QString(6000, QChar(0x20AC))}},
             "too_large",
             "content"},
            {{{"to", bob}, {"client_id", newUuid()}, {"content", QStringLiteral("bell\x07")}},
             "bad_request",
             "content"},
            {{{"to", bob}, {"client_id", "not-a-uuid"}, {"content", "x"}},
             "bad_request",
             "client_id"},
            {{{"to", bob}, {"content", "x"}}, "bad_request", "client_id"},
            {{{"client_id", newUuid()}, {"content", "x"}}, "bad_request", "to"},
            {{{"to", bob}, {"conversation_id", 1}, {"client_id", newUuid()}, {"content", "x"}},
             "bad_request",
             "to"},
            {{{"to", "2"}, {"client_id", newUuid()}, {"content", "x"}}, "bad_request", "to"},
            {{{"to", -1}, {"client_id", newUuid()}, {"content", "x"}}, "bad_request", "to"},
        };
        for (const Case &c : cases) {
            const QJsonObject reply = m_alice->request(QStringLiteral("send"), c.fields);
            QCOMPARE(TestClient::errorCode(reply), c.code);
            QCOMPARE(reply.value("field").toString(), c.field);
        }
        QVERIFY(m_bob->noEvent(QStringLiteral("message"), 100));
        // Exactly 16384 bytes is fine; multi-byte characters are counted as UTF-8.
        QVERIFY(TestClient::isOk(m_alice->sendTo(m_bob->userId(), QString(16384, u'y'))));
    }

    void deliveryToOnlineRecipientSendsDeliveredReceipt()
    {
        const QJsonObject ack = m_alice->sendTo(m_bob->userId(), QStringLiteral("ping?"));
        const QJsonObject receipt = m_alice->waitEvent(QStringLiteral("receipt"));
        QCOMPARE(qint64(receipt.value("user_id").toDouble()), m_bob->userId());
        QCOMPARE(receipt.value("delivered_up_to").toDouble(),
                 messageOf(ack).value("id").toDouble());
        QCOMPARE(receipt.value("conversation_id"), messageOf(ack).value("conversation_id"));
        QVERIFY(!m_bob->waitEvent(QStringLiteral("receipt")).isEmpty());
    }

    void burstIsMarkedDeliveredOnceWithItsCommit()
    {
        // Sent in one go: one group commit, and the delivered position moves with it.
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(m_alice->send(QStringLiteral("send"),
                                     {{"to", m_bob->userId()},
                                      {"client_id", newUuid()},
                                      {"content", QStringLiteral("burst %1").arg(i)}}));
        double newest = 0;
        for (const QString &id : ids) {
            const QJsonObject ack = m_alice->waitReply(id);
            QVERIFY(TestClient::isOk(ack));
            newest = qMax(newest, messageOf(ack).value("id").toDouble());
        }
        QJsonObject receipt;
        do {
            receipt = m_alice->waitEvent(QStringLiteral("receipt"));
            QVERIFY(!receipt.isEmpty());
        } while (receipt.value("delivered_up_to").toDouble() < newest);
        QCOMPARE(receipt.value("delivered_up_to").toDouble(), newest);
        // Stored, not only announced: the conversation list says so too.
        const QJsonObject list = m_alice->request(QStringLiteral("conversations"));
        const QJsonObject first = list.value("conversations").toArray().first().toObject();
        QCOMPARE(first.value("peer_delivered_up_to").toDouble(), newest);
    }

    void offlineRecipientGetsNoDeliveredReceipt()
    {
        m_bob->close();
        QVERIFY(m_bob->waitDisconnected());
        QTRY_COMPARE(m_server->server().connectionCount(), 1);
        QVERIFY(TestClient::isOk(m_alice->sendTo(m_bob->userId(), QStringLiteral("later"))));
        QVERIFY(m_alice->noEvent(QStringLiteral("receipt")));
    }

    void pipelinedSendsAreGroupCommittedAndAckedInOrder()
    {
        const int n = 20;
        QStringList ids;
        for (int i = 0; i < n; ++i)
            ids.append(m_alice->send(QStringLiteral("send"),
                                     {{"to", double(m_bob->userId())},
                                      {"client_id", newUuid()},
                                      {"content", QStringLiteral("burst %1").arg(i)}}));
        double lastId = 0;
        for (int i = 0; i < n; ++i) {
            const QJsonObject reply = m_alice->waitReply(ids[i]);
            QVERIFY(TestClient::isOk(reply));
            QCOMPARE(messageOf(reply).value("content").toString(),
                     QStringLiteral("burst %1").arg(i));
            QVERIFY(messageOf(reply).value("id").toDouble() > lastId);
            lastId = messageOf(reply).value("id").toDouble();
        }
        // Fewer transactions than messages: sends of one event-loop pass share a commit.
        const QList<int> batches = m_store->appendBatches();
        int total = 0;
        for (int size : batches)
            total += size;
        QCOMPARE(total, n);
        QVERIFY2(batches.size() < n, qPrintable(QStringLiteral("%1 batches").arg(batches.size())));
        for (int i = 0; i < n; ++i)
            QCOMPARE(
                messageOf(m_bob->waitEvent(QStringLiteral("message"))).value("content").toString(),
                QStringLiteral("burst %1").arg(i));
    }

    void failedCommitIsNotAckedNorDelivered()
    {
        m_store->failOn(QStringLiteral("appendMessages"),
                        natter::server::StoreFailure::Unavailable);
        const QJsonObject reply = m_alice->sendTo(m_bob->userId(), QStringLiteral("lost?"));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("unavailable"));
        QVERIFY(m_bob->noEvent(QStringLiteral("message")));
        m_store->failOn(QStringLiteral("appendMessages"), natter::server::StoreFailure::Internal);
        QCOMPARE(TestClient::errorCode(m_alice->sendTo(m_bob->userId(), QStringLiteral("x"))),
                 QStringLiteral("internal"));
        m_store->clearFailures();
        QVERIFY(TestClient::isOk(m_alice->sendTo(m_bob->userId(), QStringLiteral("retried"))));
        QCOMPARE(messageOf(m_bob->waitEvent(QStringLiteral("message"))).value("content").toString(),
                 QStringLiteral("retried"));
    }
};

QTEST_GUILESS_MAIN(TestMessaging)
#include "tst_messaging.moc"
