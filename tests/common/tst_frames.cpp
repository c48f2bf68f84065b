// Every request and event frame survives encode -> parse -> decode unchanged, and the name
// tables cover every enum value exactly once.
#include "codec.h"
#include "events.h"
#include "protocollimits.h"
#include "requests.h"
#include "validation.h"

#include <QSet>
#include <QtTest>

using namespace natter;
using protocol::EventType;
using protocol::RequestType;

namespace {

// Encodes a request as a client would, parses it as the server does and decodes it again.
template <typename R> R roundTrip(const R &request)
{
    const QString text = codec::encodeRequest(request, QStringLiteral("id-1"));
    const auto parsed = codec::parseRequest(text);
    if (parsed.error)
        qFatal("parse failed: %s", qPrintable(parsed.error->message));
    if (parsed.request.type != R::kType || parsed.request.id != QLatin1String("id-1"))
        qFatal("envelope mismatch for %s", qPrintable(text));
    ProtocolError error;
    const auto decoded = R::fromJson(parsed.request.body, &error);
    if (!decoded)
        qFatal("decode failed: %s", qPrintable(error.message));
    return *decoded;
}

template <typename E> std::optional<E> eventRoundTrip(const E &event)
{
    const auto frame = codec::parseServerFrame(codec::encodeEvent(event));
    if (!frame || frame->kind != codec::ServerFrame::Kind::Event || frame->event != E::kType)
        return std::nullopt;
    return E::fromJson(frame->body);
}

Message sampleMessage()
{
    return Message{
        41,           3,     1,  QUuid::createUuid(), QStringLiteral("hi"), 1764000000000,
        std::nullopt, false, 120};
}

} // namespace

class TestFrames : public QObject
{
    Q_OBJECT

private slots:
    void everyRequestTypeHasOneName()
    {
        QSet<QString> names;
        for (int i = int(RequestType::Register); i <= int(RequestType::React); ++i) {
            const QString name = protocol::requestTypeName(RequestType(i));
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            RequestType back;
            QVERIFY(protocol::requestTypeFromName(name, &back));
            QCOMPARE(int(back), i);
            names.insert(name);
        }
        QCOMPARE(names.size(), int(RequestType::React) + 1);
    }

    void everyEventTypeHasOneName()
    {
        QSet<QString> names;
        for (int i = int(EventType::Message); i <= int(EventType::Reaction); ++i) {
            const QString name = protocol::eventTypeName(EventType(i));
            EventType back;
            QVERIFY(protocol::eventTypeFromName(name, &back));
            QCOMPARE(int(back), i);
            names.insert(name);
        }
        QCOMPARE(names.size(), int(EventType::Reaction) + 1);
    }

    void onlyAuthFramesBeforeAuth()
    {
        QVERIFY(protocol::isPreAuthRequest(RequestType::Login));
        QVERIFY(protocol::isPreAuthRequest(RequestType::Register));
        QVERIFY(protocol::isPreAuthRequest(RequestType::Auth));
        QVERIFY(protocol::isPreAuthRequest(RequestType::Ping));
        QVERIFY(!protocol::isPreAuthRequest(RequestType::Send));
        QVERIFY(!protocol::isPreAuthRequest(RequestType::Sync));
    }

    void authRequestsRoundTrip()
    {
        const auto reg =
            roundTrip(RegisterRequest{QStringLiteral("alice"), QStringLiteral("secret-pass-9")});
        QCOMPARE(reg.username, QStringLiteral("alice"));
        QCOMPARE(reg.password, QStringLiteral("secret-pass-9"));
        const auto login = roundTrip(LoginRequest{QStringLiteral("Alice"), QStringLiteral("pw")});
        QCOMPARE(login.username, QStringLiteral("Alice"));
        QCOMPARE(roundTrip(AuthRequest{QStringLiteral("tok")}).token, QStringLiteral("tok"));
    }

    void registerValidatesUsernameAndPassword()
    {
        ProtocolError error;
        QVERIFY(!RegisterRequest::fromJson(
            {{QStringLiteral("username"), QStringLiteral("a b")},
             {QStringLiteral("password"), QStringLiteral("secret-pass-9")}},
            &error));
        QCOMPARE(error.field, QStringLiteral("username"));
        QVERIFY(!RegisterRequest::fromJson({{QStringLiteral("username"), QStringLiteral("alice")},
                                            {QStringLiteral("password"), QStringLiteral("short")}},
                                           &error));
        QCOMPARE(error.field, QStringLiteral("password"));
    }

    void usernameRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("alice") << true;
        QTest::newRow("punctuation inside") << QStringLiteral("a.b-c_d") << true;
        QTest::newRow("too short") << QStringLiteral("ab") << false;
        QTest::newRow("too long") << QString(33, u'a') << false;
        QTest::newRow("leading dot") << QStringLiteral(".alice") << false;
        QTest::newRow("space") << QStringLiteral("al ice") << false;
        QTest::newRow("non-ascii") << QStringLiteral("al\u00e9x") << false;
        // Names are ASCII: no control character (C0, DEL, C1) and no bidi control can be in
        // one, so a name can never display reversed or carry a terminal escape.
        QTest::newRow("C0 control") << QStringLiteral("ali\tce") << false;
        QTest::newRow("DEL") << QStringLiteral("alice\x7f") << false;
        QTest::newRow("C1 NEL") << QStringLiteral("ali\u0085ce") << false;
        QTest::newRow("bidi override") << QStringLiteral("ali\u202ece") << false;
        QTest::newRow("bidi isolate") << QStringLiteral("\u2066alice\u2069") << false;
    }

    void usernameRules()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(!validation::checkUsername(name).has_value(), valid);
    }

    void conversationRequestsRoundTrip()
    {
        QCOMPARE(roundTrip(UsersRequest{QStringLiteral("bo"), 10}).query, QStringLiteral("bo"));
        const auto users = roundTrip(UsersRequest{});
        QCOMPARE(users.limit, limits::kDefaultUsersPage);

        const auto history = roundTrip(HistoryRequest{3, 40, 20});
        QCOMPARE(history.conversationId, 3);
        QCOMPARE(history.before, 40);
        QCOMPARE(history.limit, 20);
        QCOMPARE(roundTrip(HistoryRequest{3, 0, 0}).limit, limits::kDefaultHistoryPage);

        const auto typing = roundTrip(TypingRequest{3, true});
        QCOMPARE(typing.conversationId, 3);
        QVERIFY(typing.active);

        const auto read = roundTrip(ReadRequest{3, 41});
        QCOMPARE(read.upTo, 41);

        const auto sync = roundTrip(SyncRequest{0, 0});
        QCOMPARE(sync.since, 0);
        QCOMPARE(sync.limit, limits::kDefaultSyncPage);
    }

    void messageRequestsRoundTrip()
    {
        SendRequest send;
        send.clientId = QUuid::createUuid();
        send.content = QStringLiteral("tab\there");
        send.conversationId = 9;
        const auto s = roundTrip(send);
        QCOMPARE(s.conversationId, 9);
        QCOMPARE(s.to, 0);
        QCOMPARE(s.content, send.content);

        const auto edit = roundTrip(EditRequest{41, QStringLiteral("fixed")});
        QCOMPARE(edit.messageId, 41);
        QCOMPARE(edit.content, QStringLiteral("fixed"));

        QCOMPARE(roundTrip(DeleteRequest{41, DeleteRequest::Scope::Everyone}).scope,
                 DeleteRequest::Scope::Everyone);
        QCOMPARE(roundTrip(DeleteRequest{41, DeleteRequest::Scope::Me}).scope,
                 DeleteRequest::Scope::Me);
        QCOMPARE(roundTrip(EditHistoryRequest{41}).messageId, 41);
    }

    void deleteScopeMustBeKnown()
    {
        ProtocolError error;
        QVERIFY(!DeleteRequest::fromJson(
            {{QStringLiteral("message_id"), 1}, {QStringLiteral("scope"), QStringLiteral("all")}},
            &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, QStringLiteral("scope"));
    }

    void idsMustBePositiveIntegersBelow2Pow53()
    {
        ProtocolError error;
        QVERIFY(!EditHistoryRequest::fromJson({{QStringLiteral("message_id"), 0}}, &error));
        QVERIFY(!EditHistoryRequest::fromJson({{QStringLiteral("message_id"), -3}}, &error));
        QVERIFY(!EditHistoryRequest::fromJson({{QStringLiteral("message_id"), 9007199254740992.0}},
                                              &error));
        QVERIFY(EditHistoryRequest::fromJson({{QStringLiteral("message_id"), 9007199254740991.0}},
                                             &error));
    }

    void messageEventsRoundTrip()
    {
        const Message m = sampleMessage();
        QCOMPARE(eventRoundTrip(MessageEvent{m})->message, m);
        Message tomb = m;
        tomb.deleted = true;
        tomb.content.clear();
        QCOMPARE(eventRoundTrip(MessageUpdatedEvent{tomb})->message, tomb);
        const HiddenMessage hidden{3, 41, 130};
        QCOMPARE(eventRoundTrip(MessageHiddenEvent{hidden})->hidden, hidden);
    }

    void typingAndReceiptEventsRoundTrip()
    {
        const auto typing = eventRoundTrip(TypingEvent{3, 2, true});
        QVERIFY(typing);
        QCOMPARE(typing->conversationId, 3);
        QCOMPARE(typing->userId, 2);
        QVERIFY(typing->active);
        const Receipt receipt{3, 2, 41, 41, 121};
        QCOMPARE(eventRoundTrip(ReceiptEvent{receipt})->receipt, receipt);
    }

    void conversationObjectRoundTrips()
    {
        Conversation c;
        c.id = 3;
        c.peer = User{2, QStringLiteral("bob"), true};
        c.lastMessage = sampleMessage();
        c.lastActivity = 1764000000000;
        c.unread = 2;
        c.readUpTo = 39;
        c.peerReadUpTo = 41;
        c.peerDeliveredUpTo = 41;
        QCOMPARE(Conversation::fromJson(c.toJson()), std::optional<Conversation>(c));
        c.lastMessage.reset();
        QCOMPARE(Conversation::fromJson(c.toJson()), std::optional<Conversation>(c));
        const EditRecord e{QStringLiteral("old"), 1764000000500};
        QCOMPARE(EditRecord::fromJson(e.toJson()), std::optional<EditRecord>(e));
    }

    void okReplyEchoesId()
    {
        const auto frame = codec::parseServerFrame(codec::encodeOk(
            QStringLiteral("r9"), {{QStringLiteral("token"), QStringLiteral("t")}}));
        QVERIFY(frame);
        QCOMPARE(frame->kind, codec::ServerFrame::Kind::Ok);
        QCOMPARE(frame->re, QStringLiteral("r9"));
        QCOMPARE(frame->body.value(QStringLiteral("token")).toString(), QStringLiteral("t"));
    }

    void errorWithoutIdHasNullRe()
    {
        const QString text = codec::encodeError(
            QString(), ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("x")));
        QVERIFY(text.contains(QLatin1String("\"re\":null")));
    }

    void unknownEventTypeIsIgnoredByClients()
    {
        QVERIFY(!codec::parseServerFrame(QStringLiteral("{\"type\":\"future_event\"}")));
        QVERIFY(!codec::parseServerFrame(QStringLiteral("[1,2]")));
    }

    void missingIdIsBadRequest()
    {
        const auto parsed = codec::parseRequest(QByteArray("{\"type\":\"ping\"}"));
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, ErrorCode::BadRequest);
        QCOMPARE(parsed.error->field, QStringLiteral("id"));
        const auto numeric = codec::parseRequest(QByteArray("{\"type\":\"ping\",\"id\":5}"));
        QVERIFY(numeric.error);
        QCOMPARE(numeric.error->field, QStringLiteral("id"));
    }
};

QTEST_GUILESS_MAIN(TestFrames)
#include "tst_frames.moc"
