#include "codec.h"
#include "events.h"
#include "protocollimits.h"
#include "requests.h"

#include <QJsonDocument>
#include <QtTest>

using namespace natter;

class TestCodec : public QObject
{
    Q_OBJECT

private slots:
    void sendRequestRoundTrips()
    {
        SendRequest send;
        send.clientId = QUuid::createUuid();
        send.content = QStringLiteral("hello <b>world</b>\nsecond line");
        send.to = 42;
        const QString text = codec::encodeRequest(send, QStringLiteral("r1"));
        const auto parsed = codec::parseRequest(text);
        QVERIFY(!parsed.error);
        QCOMPARE(parsed.request.type, protocol::RequestType::Send);
        QCOMPARE(parsed.request.id, QStringLiteral("r1"));
        ProtocolError error;
        const auto decoded = SendRequest::fromJson(parsed.request.body, &error);
        QVERIFY2(decoded, qPrintable(error.message));
        QCOMPARE(decoded->clientId, send.clientId);
        QCOMPARE(decoded->content, send.content);
        QCOMPARE(decoded->to, 42);
        QCOMPARE(decoded->conversationId, 0);
    }

    void malformedJsonIsBadRequest()
    {
        const auto parsed = codec::parseRequest(QByteArray("{\"type\":\"ping\",\"id\":"));
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, ErrorCode::BadRequest);
    }

    void unknownTypeKeepsId()
    {
        const auto parsed = codec::parseRequest(QByteArray(R"({"type":"fly","id":"x7"})"));
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, ErrorCode::UnknownType);
        QCOMPARE(parsed.request.id, QStringLiteral("x7"));
    }

    void deepNestingRejectedBeforeParse()
    {
        QByteArray deep = "{\"type\":\"ping\",\"id\":\"1\",\"x\":" + QByteArray(50, '[') +
                          QByteArray(50, ']') + "}";
        const auto parsed = codec::parseRequest(deep);
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, ErrorCode::BadRequest);
        // Brackets inside strings do not count.
        const QByteArray bracketsInString = "{\"a\":\"[[[[[[[[[[[\\\"[[[\"}";
        QCOMPARE(codec::jsonDepth(bracketsInString, 8), 1);
    }

    void oversizeFrameIsTooLarge()
    {
        QByteArray big = QByteArray("{\"type\":\"ping\",\"id\":\"1\",\"pad\":\"") +
                         QByteArray(limits::kMaxFrameBytes, 'a') + "\"}";
        const auto parsed = codec::parseRequest(big);
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->code, ErrorCode::TooLarge);
    }

    void sendNeedsExactlyOneTarget()
    {
        ProtocolError error;
        QJsonObject both{{QStringLiteral("client_id"), QUuid::createUuid().toString()},
                         {QStringLiteral("content"), QStringLiteral("hi")},
                         {QStringLiteral("to"), 1},
                         {QStringLiteral("conversation_id"), 2}};
        QVERIFY(!SendRequest::fromJson(both, &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
    }

    void contentRules_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << QString() << int(ErrorCode::BadRequest);
        QTest::newRow("blank") << QStringLiteral(" \n\t ") << int(ErrorCode::BadRequest);
        QTest::newRow("control") << QStringLiteral("a\x01") << int(ErrorCode::BadRequest);
        QTest::newRow("too long") << QString(limits::kMaxContentBytes + 1, u'x')
                                  << int(ErrorCode::TooLarge);
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << int(ErrorCode::BadRequest);
        QTest::newRow("DEL") << QStringLiteral("a\x7f") << int(ErrorCode::BadRequest);
        // C1 controls are control characters too (NEL, CSI, and the ends of the range).
        QTest::newRow("C1 U+0080") << QStringLiteral("a\u0080b") << int(ErrorCode::BadRequest);
        QTest::newRow("C1 NEL") << QStringLiteral("a\u0085b") << int(ErrorCode::BadRequest);
        QTest::newRow("C1 CSI") << QStringLiteral("\u009b31m red") << int(ErrorCode::BadRequest);
        QTest::newRow("C1 U+009F") << QStringLiteral("a\u009f") << int(ErrorCode::BadRequest);
    }

    void contentRules()
    {
        QFETCH(QString, content);
        QFETCH(int, code);
        ProtocolError error;
        QJsonObject o{{QStringLiteral("message_id"), 5}, {QStringLiteral("content"), content}};
        QVERIFY(!EditRequest::fromJson(o, &error));
        QCOMPARE(int(error.code), code);
        QCOMPARE(error.field, QStringLiteral("content"));
    }

    void c1ControlsGetTheSameErrorAsC0()
    {
        ProtocolError c0;
        ProtocolError c1;
        const auto edit = [](const QString &content) {
            return QJsonObject{{QStringLiteral("message_id"), 5},
                               {QStringLiteral("content"), content}};
        };
        QVERIFY(!EditRequest::fromJson(edit(QStringLiteral("a\x01")), &c0));
        QVERIFY(!EditRequest::fromJson(edit(QStringLiteral("a\u0085")), &c1));
        QCOMPARE(c1.code, c0.code);
        QCOMPARE(c1.message, c0.message);
        // send validates the same way as edit.
        ProtocolError send;
        QVERIFY(
            !SendRequest::fromJson({{QStringLiteral("client_id"), QUuid::createUuid().toString()},
                                    {QStringLiteral("content"), QStringLiteral("x\u009b")},
                                    {QStringLiteral("to"), 2}},
                                   &send));
        QCOMPARE(send.message, c0.message);
        QCOMPARE(send.field, QStringLiteral("content"));
    }

    void textThatIsNotControlIsAccepted_data()
    {
        QTest::addColumn<QString>("content");
        QTest::newRow("tab and newline") << QStringLiteral("a\tb\nc");
        QTest::newRow("no-break space after C1") << QStringLiteral("a\u00a0b");
        QTest::newRow("latin-1 letter") << QStringLiteral("\u00e9t\u00e9");
        // Bidi controls are legitimate in right-to-left writing; the client keeps them inside
        // the message when it shows it (docs/protocol.md, "Limits").
        QTest::newRow("unterminated RLO") << QStringLiteral("abc\u202edef");
        QTest::newRow("embeddings") << QStringLiteral("\u202a\u202b\u202c\u202d");
        QTest::newRow("isolates") << QStringLiteral("\u2066a\u2069\u2067b\u2068c\u2069");
        QTest::newRow("emoji") << QStringLiteral("\U0001F600");
    }

    void textThatIsNotControlIsAccepted()
    {
        QFETCH(QString, content);
        ProtocolError error;
        const auto decoded = EditRequest::fromJson(
            {{QStringLiteral("message_id"), 5}, {QStringLiteral("content"), content}}, &error);
        QVERIFY2(decoded, qPrintable(error.message));
        QCOMPARE(decoded->content, content); // stored exactly as given
    }

    void wrongTypesAreBadRequest()
    {
        ProtocolError error;
        QVERIFY(!HistoryRequest::fromJson(
            {{QStringLiteral("conversation_id"), QStringLiteral("7")}}, &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, QStringLiteral("conversation_id"));
        QVERIFY(!HistoryRequest::fromJson(
            {{QStringLiteral("conversation_id"), 7}, {QStringLiteral("limit"), 101}}, &error));
        QCOMPARE(error.field, QStringLiteral("limit"));
        QVERIFY(!ReadRequest::fromJson(
            {{QStringLiteral("conversation_id"), 1.5}, {QStringLiteral("up_to"), 2}}, &error));
    }

    void errorFrameCarriesCodeAndRe()
    {
        auto error = ProtocolError::make(ErrorCode::RateLimited, QStringLiteral("slow down"));
        error.retryAfterMs = 250;
        const auto frame = codec::parseServerFrame(codec::encodeError(QStringLiteral("9"), error));
        QVERIFY(frame);
        QCOMPARE(frame->kind, codec::ServerFrame::Kind::Error);
        QCOMPARE(frame->re, QStringLiteral("9"));
        QCOMPARE(frame->error.code, ErrorCode::RateLimited);
        QCOMPARE(frame->error.retryAfterMs, 250);
    }

    // Error frames are written as text (the hot path past capacity): the same JSON as the
    // generic QJsonObject encoding gave, byte for byte where no control character is escaped.
    void errorFrameTextIsWhatQJsonDocumentWrites_data()
    {
        QTest::addColumn<QString>("re");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::addColumn<qint64>("retryAfterMs");
        QTest::newRow("rate limited") << QStringLiteral("42") << int(ErrorCode::RateLimited)
                                      << QStringLiteral("too many sends") << QString() << 500LL;
        QTest::newRow("no re") << QString() << int(ErrorCode::BadRequest)
                               << QStringLiteral("malformed JSON") << QString() << 0LL;
        QTest::newRow("field and quotes")
            << QStringLiteral("a\"b\\c") << int(ErrorCode::BadRequest)
            << QStringLiteral("give exactly one of \"to\" and \"conversation_id\"")
            << QStringLiteral("to") << 0LL;
        QTest::newRow("unicode") << QStringLiteral("r\u00e9") << int(ErrorCode::NotFound)
                                 << QStringLiteral("no such user \u00e9\U0001F600 /")
                                 << QStringLiteral("to") << 0LL;
        QTest::newRow("control characters") << QStringLiteral("\t") << int(ErrorCode::TooLarge)
                                            << QStringLiteral("a\nb\u0001c") << QString() << 0LL;
    }

    void errorFrameTextIsWhatQJsonDocumentWrites()
    {
        QFETCH(QString, re);
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(QString, field);
        QFETCH(qint64, retryAfterMs);
        auto error = ProtocolError::make(ErrorCode(code), message, field);
        error.retryAfterMs = retryAfterMs;
        QJsonObject expected{{QStringLiteral("type"), QStringLiteral("error")},
                             {QStringLiteral("re"), re.isEmpty() ? QJsonValue() : QJsonValue(re)},
                             {QStringLiteral("code"), errorCodeName(error.code)},
                             {QStringLiteral("message"), message}};
        if (!field.isEmpty())
            expected.insert(QStringLiteral("field"), field);
        if (error.code == ErrorCode::RateLimited)
            expected.insert(QStringLiteral("retry_after_ms"), double(retryAfterMs));
        const QString text = codec::encodeError(re, error);
        QJsonParseError parseError;
        const QJsonDocument parsed = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(parsed.object(), expected);
        if (!QByteArray(QTest::currentDataTag()).startsWith("control"))
            QCOMPARE(text,
                     QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact)));
    }

    // Found by fuzz_decoder under UBSan: a retry_after_ms no qint64 holds was cast from double.
    void retryAfterOutOfRangeReadsAsZero_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("1e20") << QStringLiteral("1e20");
        QTest::newRow("-1e20") << QStringLiteral("-1e20");
        QTest::newRow("fraction") << QStringLiteral("0.5");
        QTest::newRow("string") << QStringLiteral("\"250\"");
    }

    void retryAfterOutOfRangeReadsAsZero()
    {
        QFETCH(QString, value);
        const auto frame = codec::parseServerFrame(
            QStringLiteral(
                R"({"type":"error","re":"7","code":"rate_limited","message":"slow down",)"
                R"("retry_after_ms":%1})")
                .arg(value));
        QVERIFY(frame);
        QCOMPARE(frame->error.code, ErrorCode::RateLimited);
        QCOMPARE(frame->error.retryAfterMs, 0);
    }

    void presenceEventRoundTrips()
    {
        PresenceEvent e;
        e.snapshot = true;
        e.online = {User{1, QStringLiteral("alice"), true}, User{2, QStringLiteral("bob"), true}};
        e.offline = {3};
        const auto frame = codec::parseServerFrame(codec::encodeEvent(e));
        QVERIFY(frame);
        QCOMPARE(frame->event, protocol::EventType::Presence);
        const auto back = PresenceEvent::fromJson(frame->body);
        QVERIFY(back);
        QCOMPARE(back->online, e.online);
        QCOMPARE(back->offline, e.offline);
        QVERIFY(back->snapshot);
    }

    void messageRoundTrips()
    {
        Message m{10,
                  3,
                  1,
                  QUuid::createUuid(),
                  QStringLiteral("x"),
                  1700000000000,
                  1700000001000,
                  false,
                  77,
                  std::nullopt};
        QCOMPARE(Message::fromJson(m.toJson()), std::optional<Message>(m));
        QVERIFY(!m.toJson().contains(QStringLiteral("system"))); // absent unless a system line
        m.editedAt.reset();
        QCOMPARE(Message::fromJson(m.toJson()), std::optional<Message>(m));
        m.system = SystemEvent{QStringLiteral("member_removed"), 1, {3}, {}, {}, {}};
        QCOMPARE(Message::fromJson(m.toJson()), std::optional<Message>(m));
    }
};

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
