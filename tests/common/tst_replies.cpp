// Every reply struct survives the wire (encode, frame, parse, decode); the frames captured in
// docs/protocol.md decode and encode back to the same JSON; a reply with a missing or
// wrong-typed field gives the typed error naming that field.

#include "codec.h"
#include "replies.h"

#include <QJsonDocument>
#include <QtTest>

using namespace natter;

namespace {

QJsonObject parsed(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// encode -> frame text -> parse -> decode, as between the server and a client.
template <typename R> std::optional<R> overTheWire(const R &reply)
{
    const auto frame =
        codec::parseServerFrame(codec::encodeOk(QStringLiteral("r-1"), reply.toJson()));
    if (!frame || frame->kind != codec::ServerFrame::Kind::Ok || frame->re != QLatin1String("r-1"))
        return std::nullopt;
    ProtocolError error;
    auto decoded = R::fromJson(frame->body, &error);
    if (!decoded)
        qWarning().noquote() << "did not decode:" << error.field << error.message;
    return decoded;
}

User user(qint64 id, const QString &name, bool online)
{
    return User{id, name, online};
}

Message message(qint64 id, const QString &content)
{
    Message m;
    m.id = id;
    m.conversationId = 3;
    m.senderId = 1;
    m.clientId = QUuid::createUuid();
    m.content = content;
    m.createdAt = 1'764'000'000'000 + id;
    m.rev = 100 + id;
    return m;
}

Receipt receipt()
{
    return Receipt{3, 2, 41, 41, 121};
}

} // namespace

class TestReplies final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips()
    {
        QVERIFY(overTheWire(PingReply{}));

        const SignInReply withToken{user(1, QStringLiteral("alice"), true),
                                    QStringLiteral("pQdsHvInEF6ozgPID6C0oSyC7Bq2MFuMSalMkpt6F3M")};
        QCOMPARE(overTheWire(withToken), std::optional<SignInReply>(withToken));
        const AuthReply withoutToken{user(2, QStringLiteral("bob"), true), {}};
        QCOMPARE(overTheWire(withoutToken), std::optional<AuthReply>(withoutToken));
        QVERIFY(!withoutToken.toJson().contains(QStringLiteral("token")));

        const UsersReply users{
            {user(1, QStringLiteral("alice"), false), user(3, QStringLiteral("carol"), true)}};
        QCOMPARE(overTheWire(users), std::optional<UsersReply>(users));
        QCOMPARE(overTheWire(UsersReply{}), std::optional<UsersReply>(UsersReply{}));

        Message edited = message(7, QStringLiteral("n0 (edited) \"quoted\" \u00e9"));
        edited.editedAt = edited.createdAt + 50;
        QCOMPARE(overTheWire(EditReply{edited}), std::optional<EditReply>(EditReply{edited}));
        Message tombstone = message(8, QString());
        tombstone.deleted = true;
        QCOMPARE(overTheWire(SendReply{tombstone}), std::optional<SendReply>(SendReply{tombstone}));

        Conversation withLast{3,
                              user(2, QStringLiteral("bob"), true),
                              message(9, QStringLiteral("hi")),
                              1'764'000'000'009,
                              2,
                              5,
                              7,
                              9};
        Conversation empty{4, user(5, QStringLiteral("dave"), false), std::nullopt, 1, 0, 0, 0, 0};
        const ConversationsReply conversations{{withLast, empty}};
        QCOMPARE(overTheWire(conversations), std::optional<ConversationsReply>(conversations));

        const HistoryReply history{
            {message(12, QStringLiteral("b")), message(11, QStringLiteral("a"))}, true, {}};
        QCOMPARE(overTheWire(history), std::optional<HistoryReply>(history));
        const HistoryReply around{{message(12, QStringLiteral("b"))}, false, true};
        QCOMPARE(overTheWire(around), std::optional<HistoryReply>(around));
        QVERIFY(!history.toJson().contains(QStringLiteral("has_newer")));
        const SearchReply hits{{message(12, QStringLiteral("b"))}, true, 12};
        QCOMPARE(overTheWire(hits), std::optional<SearchReply>(hits));
        QCOMPARE(overTheWire(SearchReply{}), std::optional<SearchReply>(SearchReply{}));
        QCOMPARE(overTheWire(HistoryReply{}), std::optional<HistoryReply>(HistoryReply{}));

        QCOMPARE(overTheWire(ReadReply{receipt()}), std::optional<ReadReply>(ReadReply{receipt()}));

        const EditHistoryReply edits{{EditRecord{QStringLiteral("n0"), 1'764'000'000'500},
                                      EditRecord{QStringLiteral("n0 again"), 1'764'000'000'600}}};
        QCOMPARE(overTheWire(edits), std::optional<EditHistoryReply>(edits));

        const SyncReply sync{
            {message(20, QStringLiteral("gap 0")), message(21, QStringLiteral("gap 1"))},
            {receipt()},
            {HiddenMessage{3, 19, 122}},
            122,
            true};
        QCOMPARE(overTheWire(sync), std::optional<SyncReply>(sync));
    }

    // The "server -> client" frames of docs/protocol.md ("Frames"), as captured there.
    void documentedFrames_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::addColumn<int>("kind");
        QTest::newRow("register")
            << R"J({"re": "a-1", "token": "pQdsHvInEF6ozgPID6C0oSyC7Bq2MFuMSalMkpt6F3M", "type": "ok", "user": {"id": 1, "online": true, "username": "alice"}})J"
            << 0;
        QTest::newRow("auth")
            << R"J({"re": "t-1", "type": "ok", "user": {"id": 2, "online": true, "username": "bob"}})J"
            << 0;
        QTest::newRow("send")
            << R"J({"message": {"client_id": "675866ac-3d72-4a8a-85be-85e04280869a", "content": "Hi Bob <b>plain</b>", "conversation_id": 1, "created_at": 1795581588651, "deleted": false, "edited_at": null, "id": 1, "rev": 1, "sender_id": 1}, "re": "a-2", "type": "ok"})J"
            << 1;
        QTest::newRow("conversations")
            << R"J({"conversations": [{"id": 1, "kind": "direct", "last_activity": 1796400093040, "last_message": {"client_id": "8f4ece0a-d0aa-40e6-911c-2ee99064ba3e", "content": "n4", "conversation_id": 1, "created_at": 1796400093040, "deleted": false, "edited_at": null, "id": 8, "rev": 13, "sender_id": 1}, "peer": {"id": 1, "online": true, "username": "alice"}, "peer_delivered_up_to": 3, "peer_read_up_to": 0, "read_up_to": 0, "unread": 6}], "re": "b-3", "type": "ok"})J"
            << 2;
        QTest::newRow("history")
            << R"J({"has_more": true, "messages": [{"client_id": "bec2874a-fac1-4a7f-b291-2bc1ec16c804", "content": "n4", "conversation_id": 1, "created_at": 1795581589551, "deleted": false, "edited_at": null, "id": 7, "rev": 13, "sender_id": 1}, {"client_id": "c5a5a3f7-693c-4e7a-b84d-b49d2b9a1e64", "content": "n3", "conversation_id": 1, "created_at": 1795581589545, "deleted": false, "edited_at": null, "id": 6, "rev": 11, "sender_id": 1}], "re": "b-4", "type": "ok"})J"
            << 3;
        QTest::newRow("read")
            << R"J({"re": "b-7", "receipt": {"conversation_id": 1, "delivered_up_to": 7, "read_up_to": 7, "rev": 15, "user_id": 2}, "type": "ok"})J"
            << 4;
        QTest::newRow("edit")
            << R"J({"message": {"client_id": "6fde2029-6eeb-4b90-8f8f-7e789bc3c119", "content": "n0 (edited)", "conversation_id": 1, "created_at": 1795581589527, "deleted": false, "edited_at": 1795581589606, "id": 3, "rev": 16, "sender_id": 1}, "re": "a-13", "type": "ok"})J"
            << 1;
        QTest::newRow("edit_history")
            << R"J({"edits": [{"content": "n0", "edited_at": 1795581589606}], "re": "b-9", "type": "ok"})J"
            << 5;
        QTest::newRow("sync")
            << R"J({"has_more": false, "hidden": [{"conversation_id": 1, "message_id": 4, "rev": 19}], "messages": [{"client_id": "9087651e-a847-404a-be20-f17c961a7803", "content": "gap 0", "conversation_id": 1, "created_at": 1795581589735, "deleted": false, "edited_at": null, "id": 8, "rev": 19, "sender_id": 1}], "re": "b2-2", "receipts": [{"conversation_id": 1, "delivered_up_to": 7, "read_up_to": 7, "rev": 15, "user_id": 2}], "rev": 21, "type": "ok"})J"
            << 6;
        QTest::newRow("users")
            << R"J({"re": "b2-5", "type": "ok", "users": [{"id": 1, "online": false, "username": "alice"}, {"id": 3, "online": true, "username": "carol"}]})J"
            << 7;
        QTest::newRow("conversations with a group")
            << QString::fromUtf8(
                   "{\"conversations\": [{\"id\": 1, \"kind\": \"group\", \"last_activity\": "
                   "1796400102205, \"last_message\": {\"client_id\": "
                   "\"8265c973-daae-46ce-867b-d7b9a340164a\", \"content\": \"gina created the "
                   "group \\\"Lunch\\\" with hal, ivy\", \"conversation_id\": 1, \"created_at\": "
                   "1796400102205, \"deleted\": false, \"edited_at\": null, \"id\": 1, \"rev\": 1, "
                   "\"sender_id\": 1, \"system\": {\"actor\": 1, \"kind\": \"group_created\", "
                   "\"name\": \"Lunch\", \"users\": [2, 3]}}, \"left\": false, \"member_count\": "
                   "3, \"name\": \"Lunch\", \"peer\": {\"id\": 1, \"online\": true, \"username\": "
                   "\"gina\"}, \"peer_delivered_up_to\": 0, \"peer_read_up_to\": 0, "
                   "\"read_up_to\": 0, \"role\": \"member\", \"unread\": 1}], \"re\": \"hg-2\", "
                   "\"type\": \"ok\"}")
            << 2;
        QTest::newRow("create_group")
            << QString::fromUtf8("{\"group\": {\"creator_id\": 1, \"id\": 1, \"members\": "
                                 "[{\"role\": \"admin\", \"user_id\": 1}, {\"role\": \"member\", "
                                 "\"user_id\": 2}, {\"role\": \"member\", \"user_id\": 3}], "
                                 "\"name\": \"Lunch\"}, \"re\": \"gg-2\", \"type\": \"ok\"}")
            << 9;
        QTest::newRow("group_members")
            << QString::fromUtf8(
                   "{\"group\": {\"creator_id\": 1, \"id\": 1, \"members\": [{\"role\": \"admin\", "
                   "\"user_id\": 1}, {\"role\": \"member\", \"user_id\": 2}, {\"role\": "
                   "\"member\", \"user_id\": 3}], \"name\": \"Lunch\"}, \"members\": "
                   "[{\"delivered_up_to\": 0, \"joined_at\": 1796400102205, \"read_up_to\": 0, "
                   "\"role\": \"admin\", \"user\": {\"id\": 1, \"online\": true, \"username\": "
                   "\"gina\"}}, {\"delivered_up_to\": 0, \"joined_at\": 1796400102205, "
                   "\"read_up_to\": 0, \"role\": \"member\", \"user\": {\"id\": 2, \"online\": "
                   "true, \"username\": \"hal\"}}, {\"delivered_up_to\": 2, \"joined_at\": "
                   "1796400102205, \"read_up_to\": 2, \"role\": \"member\", \"user\": {\"id\": 3, "
                   "\"online\": true, \"username\": \"ivy\"}}], \"re\": \"gg-3\", \"type\": "
                   "\"ok\"}")
            << 10;
        QTest::newRow("ping") << R"J({"re": "b2-4", "type": "ok"})J" << 8;
    }

    void documentedFrames()
    {
        QFETCH(QString, frame);
        QFETCH(int, kind);
        const auto server = codec::parseServerFrame(frame);
        QVERIFY(server);
        QCOMPARE(server->kind, codec::ServerFrame::Kind::Ok);
        // Decoded, then encoded again by the server's encoder: the same JSON as documented.
        switch (kind) {
        case 0:
            return sameAfterDecoding<SignInReply>(*server, frame);
        case 1:
            return sameAfterDecoding<MessageReply>(*server, frame);
        case 2:
            return sameAfterDecoding<ConversationsReply>(*server, frame);
        case 3:
            return sameAfterDecoding<HistoryReply>(*server, frame);
        case 4:
            return sameAfterDecoding<ReadReply>(*server, frame);
        case 5:
            return sameAfterDecoding<EditHistoryReply>(*server, frame);
        case 6:
            return sameAfterDecoding<SyncReply>(*server, frame);
        case 7:
            return sameAfterDecoding<UsersReply>(*server, frame);
        case 9:
            return sameAfterDecoding<GroupReply>(*server, frame);
        case 10:
            return sameAfterDecoding<GroupMembersReply>(*server, frame);
        default:
            return sameAfterDecoding<EmptyReply>(*server, frame);
        }
    }

    void malformedGivesTypedError_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        const QString message = QStringLiteral(
            R"J({"client_id": "675866ac-3d72-4a8a-85be-85e04280869a", "content": "hi", "conversation_id": 1, "created_at": 5, "deleted": false, "edited_at": null, "id": 1, "rev": 1, "sender_id": 1})J");
        QTest::newRow("sign-in: user missing") << "signin"
                                               << R"J({"token": "abc"})J"
                                               << "user";
        QTest::newRow("sign-in: user not an object") << "signin"
                                                     << R"J({"user": 5})J"
                                                     << "user";
        QTest::newRow("sign-in: user without a name") << "signin"
                                                      << R"J({"user": {"id": 1}})J"
                                                      << "user";
        QTest::newRow("sign-in: token a number")
            << "signin"
            << R"J({"user": {"id": 1, "username": "al"}, "token": 7})J"
            << "token";
        QTest::newRow("users: an object") << "users"
                                          << R"J({"users": {}})J"
                                          << "users";
        QTest::newRow("users: a number inside") << "users"
                                                << R"J({"users": [1]})J"
                                                << "users";
        QTest::newRow("message missing") << "message"
                                         << R"J({})J"
                                         << "message";
        QTest::newRow("message without content")
            << "message"
            << R"J({"message": {"id": 1, "conversation_id": 1, "sender_id": 1, "client_id": "675866ac-3d72-4a8a-85be-85e04280869a", "created_at": 5, "deleted": false, "rev": 1}})J"
            << "message";
        QTest::newRow("conversations: null") << "conversations"
                                             << R"J({"conversations": null})J"
                                             << "conversations";
        QTest::newRow("history: has_more missing")
            << "history" << QStringLiteral(R"J({"messages": [%1]})J").arg(message) << "has_more";
        QTest::newRow("history: has_more a string") << "history"
                                                    << R"J({"messages": [], "has_more": "yes"})J"
                                                    << "has_more";
        QTest::newRow("history: a bad message")
            << "history"
            << R"J({"messages": [{"id": "7"}], "has_more": false})J"
            << "messages";
        QTest::newRow("read: receipt missing") << "read"
                                               << R"J({})J"
                                               << "receipt";
        QTest::newRow("read: receipt without rev")
            << "read"
            << R"J({"receipt": {"conversation_id": 1, "user_id": 2, "read_up_to": 1, "delivered_up_to": 1}})J"
            << "receipt";
        QTest::newRow("edit_history: text a number")
            << "edits"
            << R"J({"edits": [{"content": 1, "edited_at": 5}]})J"
            << "edits";
        QTest::newRow("sync: rev a string")
            << "sync"
            << R"J({"messages": [], "receipts": [], "hidden": [], "rev": "21", "has_more": false})J"
            << "rev";
        QTest::newRow("sync: hidden missing")
            << "sync"
            << R"J({"messages": [], "receipts": [], "rev": 21, "has_more": false})J"
            << "hidden";
        QTest::newRow("sync: rev negative")
            << "sync"
            << R"J({"messages": [], "receipts": [], "hidden": [], "rev": -1, "has_more": false})J"
            << "rev";
    }

    void malformedGivesTypedError()
    {
        QFETCH(QString, reply);
        QFETCH(QString, body);
        QFETCH(QString, field);
        const QJsonObject o = parsed(body);
        QVERIFY(!o.isEmpty() || body == QLatin1String("{}"));
        ProtocolError error;
        bool decoded = true;
        if (reply == QLatin1String("signin"))
            decoded = SignInReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("users"))
            decoded = UsersReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("message"))
            decoded = MessageReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("conversations"))
            decoded = ConversationsReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("history"))
            decoded = HistoryReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("read"))
            decoded = ReadReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("edits"))
            decoded = EditHistoryReply::fromJson(o, &error).has_value();
        else if (reply == QLatin1String("sync"))
            decoded = SyncReply::fromJson(o, &error).has_value();
        else
            QFAIL("unknown reply");
        QVERIFY(!decoded);
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, field);
        QVERIFY(!error.message.isEmpty());
    }

    void unknownFieldsAreIgnored()
    {
        // A newer server may add reply fields (docs/protocol.md, "Versioning").
        QJsonObject o = ReadReply{receipt()}.toJson();
        o.insert(QStringLiteral("something_new"), 1);
        QCOMPARE(ReadReply::fromJson(o, nullptr), std::optional<ReadReply>(ReadReply{receipt()}));
        QVERIFY(EmptyReply::fromJson(o, nullptr));
    }

private:
    template <typename R>
    void sameAfterDecoding(const codec::ServerFrame &server, const QString &frame)
    {
        ProtocolError error;
        const auto decoded = R::fromJson(server.body, &error);
        QVERIFY2(decoded, qPrintable(error.field + QLatin1Char(' ') + error.message));
        QCOMPARE(parsed(codec::encodeOk(server.re, decoded->toJson())), parsed(frame));
    }
};

QTEST_GUILESS_MAIN(TestReplies)
#include "tst_replies.moc"
