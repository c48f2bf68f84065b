// Edits (with history) and deletes (for me / for everyone), their permissions and events.

#include "aliceandbob.h"

#include <QtTest>

class TestEditDelete final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    qint64 m_conversation = 0;
    qint64 m_aliceMessage = 0; // sent by alice
    qint64 m_bobMessage = 0;   // sent by bob

    QJsonObject edit(TestClient &client, qint64 messageId, const QString &content)
    {
        return client.request(QStringLiteral("edit"),
                              {{"message_id", double(messageId)}, {"content", content}});
    }
    QJsonObject remove(TestClient &client, qint64 messageId, const QString &scope)
    {
        return client.request(QStringLiteral("delete"),
                              {{"message_id", double(messageId)}, {"scope", scope}});
    }
    QJsonArray historyOf(TestClient &client)
    {
        return client
            .request(QStringLiteral("history"), {{"conversation_id", double(m_conversation)}})
            .value("messages")
            .toArray();
    }
    static QJsonObject find(const QJsonArray &messages, qint64 id)
    {
        for (const QJsonValue &v : messages) {
            if (qint64(v.toObject().value("id").toDouble()) == id)
                return v.toObject();
        }
        return {};
    }

private slots:
    void init()
    {
        QVERIFY(startAliceAndBob());
        const QJsonObject a = m_alice->sendTo(m_bob->userId(), QStringLiteral("original"))
                                  .value("message")
                                  .toObject();
        m_aliceMessage = qint64(a.value("id").toDouble());
        m_conversation = qint64(a.value("conversation_id").toDouble());
        m_bobMessage = qint64(m_bob->sendIn(m_conversation, QStringLiteral("bob says"))
                                  .value("message")
                                  .toObject()
                                  .value("id")
                                  .toDouble());
        QVERIFY(m_aliceMessage > 0 && m_bobMessage > 0);
        QTest::qWait(50);
        m_alice->clearEvents();
        m_bob->clearEvents();
    }
    void cleanup() { stopAliceAndBob(); }

    void editOwnMessageKeepsHistory()
    {
        QJsonObject reply = edit(*m_alice, m_aliceMessage, QStringLiteral("first edit"));
        QVERIFY(TestClient::isOk(reply));
        const QJsonObject edited = reply.value("message").toObject();
        QCOMPARE(edited.value("content").toString(), QStringLiteral("first edit"));
        QVERIFY(edited.value("edited_at").toDouble() > 0);
        for (TestClient *side : {m_alice.get(), m_bob.get()}) {
            const QJsonObject event = side->waitEvent(QStringLiteral("message_updated"));
            QCOMPARE(event.value("message").toObject(), edited);
        }
        QVERIFY(TestClient::isOk(edit(*m_alice, m_aliceMessage, QStringLiteral("second edit"))));

        // Either participant may read the edit history, oldest first.
        reply = m_bob->request(QStringLiteral("edit_history"),
                               {{"message_id", double(m_aliceMessage)}});
        QVERIFY(TestClient::isOk(reply));
        const QJsonArray edits = reply.value("edits").toArray();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits[0].toObject().value("content").toString(), QStringLiteral("original"));
        QCOMPARE(edits[1].toObject().value("content").toString(), QStringLiteral("first edit"));
        QVERIFY(edits[0].toObject().value("edited_at").toDouble() > 0);
        QCOMPARE(find(historyOf(*m_bob), m_aliceMessage).value("content").toString(),
                 QStringLiteral("second edit"));
    }

    void editingSomeoneElsesMessageIsForbidden()
    {
        const QJsonObject reply = edit(*m_alice, m_bobMessage, QStringLiteral("hijack"));
        QCOMPARE(TestClient::errorCode(reply), QStringLiteral("forbidden"));
        QVERIFY(m_bob->noEvent(QStringLiteral("message_updated"), 100));
        QCOMPARE(find(historyOf(*m_bob), m_bobMessage).value("content").toString(),
                 QStringLiteral("bob says"));
    }

    void editingDeletedMessageIsConflict()
    {
        QVERIFY(TestClient::isOk(remove(*m_alice, m_aliceMessage, QStringLiteral("everyone"))));
        QCOMPARE(TestClient::errorCode(edit(*m_alice, m_aliceMessage, QStringLiteral("undead"))),
                 QStringLiteral("conflict"));
    }

    void outsidersAndUnknownMessagesAreNotFound()
    {
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(carol);
        QCOMPARE(TestClient::errorCode(edit(*carol, m_aliceMessage, QStringLiteral("x"))),
                 QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(remove(*carol, m_aliceMessage, QStringLiteral("me"))),
                 QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(carol->request(QStringLiteral("edit_history"),
                                                      {{"message_id", double(m_aliceMessage)}})),
                 QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(edit(*m_alice, 999999, QStringLiteral("x"))),
                 QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(remove(*m_alice, 999999, QStringLiteral("everyone"))),
                 QStringLiteral("not_found"));
    }

    void deleteForMeHidesOnlyFromTheCaller()
    {
        auto bob2 = m_server->connect();
        QVERIFY(bob2->authWith(m_bob->token()));
        const QJsonObject reply = remove(*m_bob, m_aliceMessage, QStringLiteral("me"));
        QVERIFY(TestClient::isOk(reply));
        const QJsonObject hidden = bob2->waitEvent(QStringLiteral("message_hidden"));
        QCOMPARE(qint64(hidden.value("message_id").toDouble()), m_aliceMessage);
        QCOMPARE(qint64(hidden.value("conversation_id").toDouble()), m_conversation);
        QVERIFY(hidden.value("rev").toDouble() >= 1);
        QVERIFY(m_bob->noEvent(QStringLiteral("message_hidden"), 50)); // the caller has the reply
        QVERIFY(m_alice->noEvent(QStringLiteral("message_hidden"), 50));

        QVERIFY(find(historyOf(*m_bob), m_aliceMessage).isEmpty());
        QVERIFY(!find(historyOf(*m_bob), m_bobMessage).isEmpty());
        QCOMPARE(find(historyOf(*m_alice), m_aliceMessage).value("content").toString(),
                 QStringLiteral("original"));
    }

    void deleteForEveryoneLeavesTombstone()
    {
        QVERIFY(TestClient::isOk(edit(*m_alice, m_aliceMessage, QStringLiteral("edited"))));
        m_alice->clearEvents();
        m_bob->clearEvents();
        QVERIFY(TestClient::isOk(remove(*m_alice, m_aliceMessage, QStringLiteral("everyone"))));
        for (TestClient *side : {m_alice.get(), m_bob.get()}) {
            const QJsonObject message =
                side->waitEvent(QStringLiteral("message_updated")).value("message").toObject();
            QCOMPARE(qint64(message.value("id").toDouble()), m_aliceMessage);
            QCOMPARE(message.value("deleted").toBool(), true);
            QCOMPARE(message.value("content").toString(), QString());
            const QJsonObject inHistory = find(historyOf(*side), m_aliceMessage);
            QCOMPARE(inHistory.value("deleted").toBool(), true);
            QCOMPARE(inHistory.value("content").toString(), QString());
        }
        const QJsonObject edits = m_bob->request(QStringLiteral("edit_history"),
                                                 {{"message_id", double(m_aliceMessage)}});
        QVERIFY(TestClient::isOk(edits));
        QCOMPARE(edits.value("edits").toArray().size(), 0); // dropped with the content
    }

    void deleteForEveryoneOfSomeoneElsesMessageIsForbidden()
    {
        QCOMPARE(TestClient::errorCode(remove(*m_alice, m_bobMessage, QStringLiteral("everyone"))),
                 QStringLiteral("forbidden"));
        QVERIFY(m_bob->noEvent(QStringLiteral("message_updated"), 100));
        QCOMPARE(find(historyOf(*m_alice), m_bobMessage).value("deleted").toBool(), false);
    }

    void invalidEditAndDeleteRequests()
    {
        QCOMPARE(TestClient::errorCode(remove(*m_alice, m_aliceMessage, QStringLiteral("nobody"))),
                 QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(edit(*m_alice, m_aliceMessage, QStringLiteral("  "))),
                 QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(edit(*m_alice, m_aliceMessage, QString(20000, u'x'))),
                 QStringLiteral("too_large"));
        QCOMPARE(TestClient::errorCode(
                     m_alice->request(QStringLiteral("edit_history"), {{"message_id", "1"}})),
                 QStringLiteral("bad_request"));
    }
};

QTEST_GUILESS_MAIN(TestEditDelete)
#include "tst_editdelete.moc"
