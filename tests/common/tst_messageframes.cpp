// The message frames written as text (MessageFrames, Message::appendJson) must be the same
// JSON as the generic QJsonObject encoders give, for any text a message can hold, parse back
// to the same message, and keep the exact bytes the server has always sent.

#include "codec.h"
#include "events.h"
#include "jsonwrite.h"
#include "messageframes.h"
#include "protocollimits.h"
#include "replies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace natter;

namespace {

QJsonObject parsed(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning().noquote() << "not a JSON object:" << error.errorString() << text;
    return doc.object();
}

Message sample(const QString &content)
{
    Message m;
    m.id = 9'007'199'254'740'991; // 2^53 - 1: the largest id a JSON number holds exactly
    m.conversationId = 7;
    m.senderId = 3;
    m.clientId = QUuid::createUuid();
    m.content = content;
    m.createdAt = 1'764'000'000'123;
    m.rev = 42;
    return m;
}

} // namespace

class TestMessageFrames final : public QObject
{
    Q_OBJECT

private slots:
    void sameJsonAsTheGenericEncoders_data()
    {
        QTest::addColumn<QString>("content");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << QStringLiteral("hello");
        QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ \\\" \\\\n");
        QTest::newRow("line breaks and tabs") << QStringLiteral("a\nb\r\nc\td\b\f");
        QTest::newRow("other control characters")
            << QString::fromUtf16(u"\u0001\u0002\u001f\u007f end");
        QTest::newRow("markup") << QStringLiteral("<b>bold</b> &amp; <script>x</script>");
        QTest::newRow("accents and CJK") << QString::fromUtf16(u"caf\u00e9 \u4f60\u597d");
        QTest::newRow("emoji (surrogate pairs)")
            << QString::fromUtf16(u"\U0001F600 and \U0001F680!");
        QTest::newRow("line and paragraph separators") << QString::fromUtf16(u"a\u2028b\u2029c");
        QTest::newRow("nul inside") << QString::fromUtf16(u"before\u0000after", 12);
        QTest::newRow("long") << QString(limits::kMaxContentBytes - 7, QLatin1Char('x')) +
                                     QStringLiteral("\"end\"");
    }

    void sameJsonAsTheGenericEncoders()
    {
        QFETCH(QString, content);
        const Message original = sample(content);
        Message m = original;
        QString text;
        m.appendJson(text);
        QCOMPARE(parsed(text), m.toJson());
        QCOMPARE(Message::fromJson(parsed(text)), std::optional<Message>(m));

        const codec::MessageFrames frames(m);
        const QJsonObject event = parsed(frames.event(MessageEvent::kType));
        QCOMPARE(event, parsed(codec::encodeEvent(MessageEvent{m})));
        QCOMPARE(event.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")),
                 QJsonValue(content));

        m.editedAt = m.createdAt + 5;
        m.deleted = true;
        const codec::MessageFrames updatedFrames(m);
        const QJsonObject updated = parsed(updatedFrames.event(MessageUpdatedEvent::kType));
        QCOMPARE(updated, parsed(codec::encodeEvent(MessageUpdatedEvent{m})));

        const QString re = QStringLiteral("req-\"1\"");
        const QJsonObject ok = parsed(updatedFrames.reply(re));
        QCOMPARE(ok, parsed(codec::encodeOk(re, SendReply{m}.toJson())));
        const auto frame = codec::parseServerFrame(updatedFrames.reply(re));
        QVERIFY(frame);
        QCOMPARE(frame->kind, codec::ServerFrame::Kind::Ok);
        QCOMPARE(frame->re, re);
        QCOMPARE(SendReply::fromJson(frame->body, nullptr), std::optional<SendReply>(SendReply{m}));
        const auto back = MessageEvent::fromJson(event);
        QVERIFY(back);
        QCOMPARE(back->message, original);
    }

    // The frames of a sent message are the server's hot path and clients (the load
    // generator's scanner among them) see them as text: the bytes stay as they were.
    void exactBytes()
    {
        Message m;
        m.id = 41;
        m.conversationId = 3;
        m.senderId = 1;
        m.clientId = QUuid::fromString(QStringLiteral("675866ac-3d72-4a8a-85be-85e04280869a"));
        m.content = QStringLiteral("Hi \"Bob\"");
        m.createdAt = 1764000000000;
        m.rev = 120;
        const QString object = QStringLiteral(
            "{\"id\":41,\"conversation_id\":3,\"sender_id\":1,"
            "\"client_id\":\"675866ac-3d72-4a8a-85be-85e04280869a\",\"content\":\"Hi "
            "\\\"Bob\\\"\",\"created_at\":1764000000000,\"edited_at\":null,\"deleted\":false,"
            "\"rev\":120}");
        const codec::MessageFrames frames(m);
        QCOMPARE(frames.event(MessageEvent::kType),
                 QStringLiteral("{\"type\":\"message\",\"message\":") + object + QLatin1Char('}'));
        QCOMPARE(frames.reply(QStringLiteral("a-2")),
                 QStringLiteral("{\"type\":\"ok\",\"re\":\"a-2\",\"message\":") + object +
                     QLatin1Char('}'));
        m.editedAt = 1764000000500;
        m.deleted = true;
        QString text;
        m.appendJson(text);
        QVERIFY(text.contains(QLatin1String(",\"edited_at\":1764000000500,\"deleted\":true,")));
    }

    void uuidAndIntegersAsQtWritesThem()
    {
        for (int i = 0; i < 100; ++i) {
            Message m = sample(QStringLiteral("x"));
            m.clientId = QUuid::createUuid();
            QString text;
            m.appendJson(text);
            QVERIFY2(text.contains(m.clientId.toString(QUuid::WithoutBraces)), qPrintable(text));
        }
        const qint64 values[] = {0, 7, -1, 9'007'199'254'740'991,
                                 std::numeric_limits<qint64>::min()};
        for (const qint64 v : values) {
            QString out;
            appendJsonInteger(out, v);
            QCOMPARE(out, QString::number(v));
        }
    }

    void unpairedSurrogatesAreEscaped()
    {
        // Valid JSON that reads back as the same UTF-16, not raw lone surrogates (which
        // UTF-8 cannot carry).
        const QString lone = QString::fromUtf16(u"a\xd800") + QStringLiteral("b") +
                             QString(QChar(0xdc00)) + QString(QChar(0xd83d));
        QString out;
        appendJsonString(out, lone);
        QCOMPARE(out, QStringLiteral("\"a\\ud800b\\udc00\\ud83d\""));
        QString pair;
        appendJsonString(pair, QString::fromUtf16(u"\U0001F600"));
        QCOMPARE(pair, QString::fromUtf16(u"\"\U0001F600\""));
    }
};

QTEST_GUILESS_MAIN(TestMessageFrames)
#include "tst_messageframes.moc"
