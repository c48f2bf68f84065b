// Replies (send with reply_to: the quote on the reply, in events, history and sync; the checks
// on the replied-to message) and reactions (react: toggling, the reaction event in 1:1 and
// groups, reactions in history and sync, the fixed set, who may react).

#include "aliceandbob.h"

#include <QUuid>
#include <QtTest>

class TestReplies final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    std::unique_ptr<TestClient> m_carol; // not in the alice-bob conversation
    qint64 m_conversation = 0;
    qint64 m_aliceMessage = 0;

    static qint64 idOf(const QJsonValue &v) { return qint64(v.toDouble()); }
    static QJsonObject reply(TestClient &c, qint64 conversation, qint64 replyTo,
                             const QString &text)
    {
        return c.request(QStringLiteral("send"),
                         {{"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                          {"content", text},
                          {"conversation_id", double(conversation)},
                          {"reply_to", double(replyTo)}});
    }
    static QJsonObject react(TestClient &c, qint64 messageId, const QString &emoji, bool on)
    {
        return c.request(QStringLiteral("react"),
                         {{"message_id", double(messageId)}, {"emoji", emoji}, {"on", on}});
    }
    QJsonObject inHistory(TestClient &c, qint64 id)
    {
        const QJsonObject page =
            c.request(QStringLiteral("history"), {{"conversation_id", double(m_conversation)}});
        for (const QJsonValue &v : page.value("messages").toArray()) {
            if (idOf(v.toObject().value("id")) == id)
                return v.toObject();
        }
        return {};
    }
    static QString thumbs() { return QStringLiteral("\U0001F44D"); }

private slots:
    void init()
    {
        QVERIFY(startAliceAndBob());
        m_carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(m_carol);
        const QJsonObject m = m_alice->sendTo(m_bob->userId(), QStringLiteral("Lunch at noon?"))
                                  .value("message")
                                  .toObject();
        m_aliceMessage = idOf(m.value("id"));
        m_conversation = idOf(m.value("conversation_id"));
        QVERIFY(m_aliceMessage > 0);
        QTest::qWait(50);
        m_alice->clearEvents();
        m_bob->clearEvents();
    }
    void cleanup()
    {
        m_carol.reset();
        stopAliceAndBob();
    }

    void replyCarriesQuoteEverywhere()
    {
        const QJsonObject r = reply(*m_bob, m_conversation, m_aliceMessage, QStringLiteral("Yes!"));
        QVERIFY2(TestClient::isOk(r), qPrintable(TestClient::errorCode(r)));
        const QJsonObject sent = r.value("message").toObject();
        const QJsonObject quote = sent.value("reply_to").toObject();
        QCOMPARE(idOf(quote.value("id")), m_aliceMessage);
        QCOMPARE(idOf(quote.value("sender_id")), m_alice->userId());
        QCOMPARE(quote.value("text").toString(), QStringLiteral("Lunch at noon?"));
        QCOMPARE(quote.value("deleted").toBool(true), false);
        // The event to alice, history and sync carry the same quote.
        QCOMPARE(m_alice->waitEvent(QStringLiteral("message")).value("message").toObject(), sent);
        QCOMPARE(inHistory(*m_alice, idOf(sent.value("id"))).value("reply_to").toObject(), quote);
        const QJsonArray synced =
            m_alice->request(QStringLiteral("sync"), {{"since", 0}}).value("messages").toArray();
        QCOMPARE(synced.last().toObject().value("reply_to").toObject(), quote);
        // A message that is no reply has no reply_to at all (older clients see nothing new).
        QVERIFY(!inHistory(*m_alice, m_aliceMessage).contains("reply_to"));

        // Deleted for everyone later: the quote says so and keeps no text.
        QVERIFY(TestClient::isOk(
            m_alice->request(QStringLiteral("delete"),
                             {{"message_id", double(m_aliceMessage)}, {"scope", "everyone"}})));
        const QJsonObject gone =
            inHistory(*m_bob, idOf(sent.value("id"))).value("reply_to").toObject();
        QCOMPARE(gone.value("deleted").toBool(), true);
        QCOMPARE(gone.value("text").toString(), QString());
    }

    void quoteIsShort()
    {
        const QString longText = QString(150, u'x');
        const qint64 id =
            idOf(m_alice->sendIn(m_conversation, longText).value("message").toObject().value("id"));
        const QJsonObject r = reply(*m_bob, m_conversation, id, QStringLiteral("ok"));
        QCOMPARE(
            r.value("message").toObject().value("reply_to").toObject().value("text").toString(),
            QString(100, u'x'));
    }

    void replyByUserIdInTheSameConversation()
    {
        const QJsonObject r =
            m_bob->request(QStringLiteral("send"),
                           {{"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {"content", "by id"},
                            {"to", double(m_alice->userId())},
                            {"reply_to", double(m_aliceMessage)}});
        QVERIFY(TestClient::isOk(r));
        QCOMPARE(idOf(r.value("message").toObject().value("reply_to").toObject().value("id")),
                 m_aliceMessage);
    }

    void replyToWhatTheSenderMayNotSeeIsRefused()
    {
        // A message of another conversation (carol and alice), a missing one, one by id to
        // another user: not_found on reply_to; nothing is stored.
        const qint64 elsewhere = idOf(m_carol->sendTo(m_alice->userId(), QStringLiteral("secret"))
                                          .value("message")
                                          .toObject()
                                          .value("id"));
        for (const qint64 target : {elsewhere, qint64(999999)}) {
            const QJsonObject r = reply(*m_bob, m_conversation, target, QStringLiteral("no"));
            QCOMPARE(TestClient::errorCode(r), QStringLiteral("not_found"));
            QCOMPARE(r.value("field").toString(), QStringLiteral("reply_to"));
        }
        const QJsonObject byId =
            m_alice->request(QStringLiteral("send"),
                             {{"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {"content", "wrong"},
                              {"to", double(m_carol->userId())},
                              {"reply_to", double(m_aliceMessage)}});
        QCOMPARE(TestClient::errorCode(byId), QStringLiteral("not_found"));
        const QJsonArray page =
            m_bob->request(QStringLiteral("history"), {{"conversation_id", double(m_conversation)}})
                .value("messages")
                .toArray();
        QCOMPARE(page.size(), 1);
    }

    void resendOfAReplyAfterTheOriginalWasDeletedGetsTheStoredReply()
    {
        // The reply is stored, its answer lost; the original is deleted before the outbox
        // sends it again: the same client_id gets the stored message, not an error.
        const QJsonObject fields{{"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {"content", "on my way"},
                                 {"conversation_id", double(m_conversation)},
                                 {"reply_to", double(m_aliceMessage)}};
        const QJsonObject first = m_bob->request(QStringLiteral("send"), fields);
        QVERIFY(TestClient::isOk(first));
        QVERIFY(TestClient::isOk(
            m_alice->request(QStringLiteral("delete"),
                             {{"message_id", double(m_aliceMessage)}, {"scope", "everyone"}})));
        const QJsonObject again = m_bob->request(QStringLiteral("send"), fields);
        QVERIFY2(TestClient::isOk(again), qPrintable(TestClient::errorCode(again)));
        const QJsonObject m = again.value("message").toObject();
        QCOMPARE(idOf(m.value("id")), idOf(first.value("message").toObject().value("id")));
        QCOMPARE(m.value("reply_to").toObject().value("deleted").toBool(), true);
    }

    void reactionTogglesAndReachesBoth()
    {
        QJsonObject r = react(*m_bob, m_aliceMessage, thumbs(), true);
        QVERIFY2(TestClient::isOk(r), qPrintable(TestClient::errorCode(r)));
        const QJsonObject reaction = r.value("reaction").toObject();
        const QJsonObject expected{{thumbs(), QJsonArray{double(m_bob->userId())}}};
        QCOMPARE(reaction.value("reactions").toObject(), expected);
        QCOMPARE(idOf(reaction.value("user_id")), m_bob->userId());
        QJsonObject event = m_alice->waitEvent(QStringLiteral("reaction"));
        QCOMPARE(event.take(QStringLiteral("type")).toString(), QStringLiteral("reaction"));
        QCOMPARE(event, reaction); // the event has the reply's fields
        QCOMPARE(inHistory(*m_alice, m_aliceMessage).value("reactions").toObject(), expected);
        // Alice too: both ids, ascending.
        QVERIFY(TestClient::isOk(react(*m_alice, m_aliceMessage, thumbs(), true)));
        const QJsonObject both{
            {thumbs(), QJsonArray{double(m_alice->userId()), double(m_bob->userId())}}};
        QCOMPARE(m_bob->waitEvent(QStringLiteral("reaction")).value("reactions").toObject(), both);

        // Setting it again changes nothing and tells nobody.
        r = react(*m_bob, m_aliceMessage, thumbs(), true);
        QVERIFY(TestClient::isOk(r));
        QCOMPARE(r.value("reaction").toObject().value("reactions").toObject(), both);
        QVERIFY(m_alice->noEvent(QStringLiteral("reaction")));

        // Cleared by both: the message has no reactions field again.
        QVERIFY(TestClient::isOk(react(*m_bob, m_aliceMessage, thumbs(), false)));
        QVERIFY(TestClient::isOk(react(*m_alice, m_aliceMessage, thumbs(), false)));
        QVERIFY(!inHistory(*m_bob, m_aliceMessage).contains("reactions"));
    }

    void syncBringsReactions()
    {
        const qint64 since =
            qint64(m_bob->request(QStringLiteral("sync"), {{"since", 0}}).value("rev").toDouble());
        QVERIFY(
            TestClient::isOk(react(*m_alice, m_aliceMessage, QStringLiteral("\U0001F389"), true)));
        const QJsonObject page = m_bob->request(QStringLiteral("sync"), {{"since", double(since)}});
        const QJsonArray messages = page.value("messages").toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(
            messages.first().toObject().value("reactions").toObject(),
            (QJsonObject{{QStringLiteral("\U0001F389"), QJsonArray{double(m_alice->userId())}}}));
    }

    void unknownEmojiAndStrangersRefused()
    {
        QJsonObject r = react(*m_bob, m_aliceMessage, QStringLiteral("\U0001F4A9"), true);
        QCOMPARE(TestClient::errorCode(r), QStringLiteral("bad_request"));
        QCOMPARE(r.value("field").toString(), QStringLiteral("emoji"));
        r = react(*m_carol, m_aliceMessage, thumbs(), true);
        QCOMPARE(TestClient::errorCode(r), QStringLiteral("not_found"));
        QCOMPARE(TestClient::errorCode(react(*m_bob, 999999, thumbs(), true)),
                 QStringLiteral("not_found"));
        QVERIFY(TestClient::isOk(
            m_alice->request(QStringLiteral("delete"),
                             {{"message_id", double(m_aliceMessage)}, {"scope", "everyone"}})));
        QCOMPARE(TestClient::errorCode(react(*m_bob, m_aliceMessage, thumbs(), true)),
                 QStringLiteral("conflict"));
        QVERIFY(m_alice->noEvent(QStringLiteral("reaction")));
    }

    void groupMembersHearReactionsAndReplies()
    {
        const QJsonObject created = m_alice->request(
            QStringLiteral("create_group"),
            {{"name", "Team"},
             {"members", QJsonArray{double(m_bob->userId()), double(m_carol->userId())}}});
        const qint64 group = idOf(created.value("group").toObject().value("id"));
        QVERIFY(group > 0);
        const qint64 id = idOf(m_alice->sendIn(group, QStringLiteral("pizza?"))
                                   .value("message")
                                   .toObject()
                                   .value("id"));
        QVERIFY(TestClient::isOk(react(*m_carol, id, thumbs(), true)));
        for (TestClient *c : {m_alice.get(), m_bob.get()}) {
            const QJsonObject event = c->waitEvent(QStringLiteral("reaction"));
            QCOMPARE(idOf(event.value("conversation_id")), group);
            QCOMPARE(idOf(event.value("user_id")), m_carol->userId());
        }
        const QJsonObject r = reply(*m_carol, group, id, QStringLiteral("yes"));
        QCOMPARE(
            idOf(r.value("message").toObject().value("reply_to").toObject().value("sender_id")),
            m_alice->userId());
        // The group's message is not part of the alice-bob conversation.
        QCOMPARE(TestClient::errorCode(reply(*m_bob, m_conversation, id, QStringLiteral("x"))),
                 QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestReplies)
#include "tst_replyreact.moc"
