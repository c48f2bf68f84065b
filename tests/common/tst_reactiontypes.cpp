// Replies and reactions in common/: a Message's reply_to and reactions survive both writers
// (QJsonObject and text) and the decoder; the fixed emoji set is enforced on react and on
// decoding; toggling keeps the set's order and ascending user ids.

#include "codec.h"
#include "reactionrequests.h"
#include "types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace natter;

namespace {

const QString kThumbs = QStringLiteral("\U0001F44D");
const QString kHeart = QStringLiteral("\u2764\uFE0F");

Message sample()
{
    Message m;
    m.id = 12;
    m.conversationId = 3;
    m.senderId = 2;
    m.clientId = QUuid::createUuid();
    m.content = QStringLiteral("No, it is jammed");
    m.createdAt = 1764000000000;
    m.rev = 40;
    m.replyTo = ReplyQuote{11, 1, QStringLiteral("Is the printer working?"), false};
    m.reactions = {{kThumbs, {1, 2}}, {kHeart, {3}}};
    return m;
}

} // namespace

class TestReactionTypes : public QObject
{
    Q_OBJECT

private slots:
    void messageRoundTripsThroughBothWriters()
    {
        const Message m = sample();
        QString text;
        m.appendJson(text);
        const QJsonObject fromText = QJsonDocument::fromJson(text.toUtf8()).object();
        QCOMPARE(fromText, m.toJson());
        QCOMPARE(Message::fromJson(fromText), std::optional<Message>(m));
        QCOMPARE(fromText.value("reactions").toObject().value(kThumbs).toArray(),
                 (QJsonArray{1, 2}));
        // Neither field when there is nothing to say (older clients see the old object).
        Message plain = m;
        plain.replyTo.reset();
        plain.reactions.clear();
        QVERIFY(!plain.toJson().contains("reply_to"));
        QVERIFY(!plain.toJson().contains("reactions"));
    }

    void unknownEmojiIsRefused()
    {
        ProtocolError error;
        QVERIFY(!ReactRequest::fromJson(
            {{"message_id", 4}, {"emoji", QStringLiteral("\U0001F4A9")}, {"on", true}}, &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, QStringLiteral("emoji"));
        // The heart without its variation selector is another string: refused too.
        QVERIFY(!ReactRequest::fromJson({{"message_id", 4}, {"emoji", "\u2764"}, {"on", true}},
                                        &error));
        const auto ok =
            ReactRequest::fromJson({{"message_id", 4}, {"emoji", kHeart}, {"on", false}}, &error);
        QVERIFY(ok && !ok->on && ok->emoji == kHeart);
        QJsonObject bad = sample().toJson();
        bad.insert("reactions", QJsonObject{{QStringLiteral("x"), QJsonArray{1}}});
        QVERIFY(!Message::fromJson(bad));
    }

    void togglingKeepsOrder()
    {
        QList<ReactionGroup> g;
        g = reactions::toggled(g, kHeart, 5, true);
        g = reactions::toggled(g, kThumbs, 7, true);
        g = reactions::toggled(g, kThumbs, 2, true);
        QCOMPARE(g, (QList<ReactionGroup>{{kThumbs, {2, 7}}, {kHeart, {5}}}));
        g = reactions::toggled(g, kHeart, 5, false);
        g = reactions::toggled(g, kHeart, 5, false); // twice: nothing more
        QCOMPARE(g, (QList<ReactionGroup>{{kThumbs, {2, 7}}}));
    }

    void reactionReplyAndEventDecode()
    {
        Reaction x{3, 12, 2, kThumbs, true, {{kThumbs, {2}}}, 41};
        QCOMPARE(ReactionEvent::fromJson(ReactionEvent{x}.toJson())->reaction, x);
        QCOMPARE(ReactReply::fromJson(ReactReply{x}.toJson(), nullptr)->reaction, x);
    }
};

QTEST_GUILESS_MAIN(TestReactionTypes)
#include "tst_reactiontypes.moc"
