// The hand-written message frames must be the same JSON as the generic QJsonObject encoders
// give, for any text a message can hold, and parse back to the same message.

#include "codec.h"
#include "events.h"
#include "messagetext.h"
#include "protocollimits.h"

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

class TestMessageText final : public QObject
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
        QTest::newRow("long") << QString(limits::kMaxContentBytes - 7, QLatin1Char('x')) + QStringLiteral("\"end\"");
    }

    void sameJsonAsTheGenericEncoders()
    {
        QFETCH(QString, content);
        Message m = sample(content);
        const QJsonObject event = parsed(codec::encodeMessageEvent(MessageEvent::kType, m));
        QCOMPARE(event, parsed(codec::encodeEvent(MessageEvent{m})));
        QCOMPARE(event.value(QStringLiteral("message")).toObject().value(QStringLiteral("content")),
                 QJsonValue(content));

        m.editedAt = m.createdAt + 5;
        m.deleted = true;
        const QJsonObject updated =
            parsed(codec::encodeMessageEvent(MessageUpdatedEvent::kType, m));
        QCOMPARE(updated, parsed(codec::encodeEvent(MessageUpdatedEvent{m})));

        const QString re = QStringLiteral("req-\"1\"");
        const QJsonObject ok = parsed(codec::encodeOkWithMessage(re, m));
        QCOMPARE(ok, parsed(codec::encodeOk(re, {{QStringLiteral("message"), m.toJson()}})));
        const auto frame = codec::parseServerFrame(codec::encodeOkWithMessage(re, m));
        QVERIFY(frame);
        QCOMPARE(frame->kind, codec::ServerFrame::Kind::Ok);
        QCOMPARE(frame->re, re);
        const auto back = MessageEvent::fromJson(event);
        QVERIFY(back);
        QCOMPARE(back->message.content, content);
        QCOMPARE(back->message.id, sample(content).id);
    }

    void unpairedSurrogatesAreEscaped()
    {
        // Valid JSON that reads back as the same UTF-16, not raw lone surrogates (which
        // UTF-8 cannot carry).
        const QString lone = QString::fromUtf16(u"a\xd800") + QStringLiteral("b") +
                             QString(QChar(0xdc00)) + QString(QChar(0xd83d));
        QString out;
        codec::appendJsonString(out, lone);
        QCOMPARE(out, QStringLiteral("\"a\\ud800b\\udc00\\ud83d\""));
        QString pair;
        codec::appendJsonString(pair, QString::fromUtf16(u"\U0001F600"));
        QCOMPARE(pair, QString::fromUtf16(u"\"\U0001F600\""));
    }
};

QTEST_GUILESS_MAIN(TestMessageText)
#include "tst_messagetext.moc"
