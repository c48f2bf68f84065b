// What instances publish to each other: every kind survives the round trip, frames travel
// byte for byte, and anything else on the channel is refused (never crashes).
#include "bus/envelope.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace natter::server;

class TestEnvelope : public QObject
{
    Q_OBJECT

    static Envelope roundTrip(const Envelope &in)
    {
        QString error;
        const auto out = decodeEnvelope(encodeEnvelope(in), &error);
        if (!out)
            qWarning("%s", qPrintable(error));
        return out.value_or(Envelope{});
    }

private slots:
    void framesToOneUserOrToAllRoundTrip()
    {
        // Escapes, non-ASCII and an escaped newline: the frame must come out byte for byte.
        const QString frame = QStringLiteral("{\"type\":\"message\",\"message\":{\"id\":41,"
                                             "\"content\":\"h\u00e9llo\\nw\u00f6rld \\\" \\\\\"}}");
        Envelope out = roundTrip(Envelope::toUser(QStringLiteral("host-12-abc"), 7, frame));
        QCOMPARE(out.kind, Envelope::Kind::ToUser);
        QCOMPARE(out.instance, QStringLiteral("host-12-abc"));
        QCOMPARE(out.userId, 7);
        QCOMPARE(out.frame, frame); // exactly what the local sockets got

        out = roundTrip(Envelope::toAll(QStringLiteral("b"), frame, {2, 9007199254740991}));
        QCOMPARE(out.kind, Envelope::Kind::ToAll);
        QCOMPARE(out.exceptUsers, (QList<qint64>{2, 9007199254740991}));
        QCOMPARE(out.frame, frame);
        QVERIFY(roundTrip(Envelope::toAll(QStringLiteral("b"), frame, {})).exceptUsers.isEmpty());
    }

    void aFrameForSeveralUsersRoundTripsWithItsList()
    {
        const QString frame = QStringLiteral(R"({"type":"message","message":{"id":41}})");
        const Envelope in = Envelope::toUsers(QStringLiteral("a"), {5, 8, 13}, frame);
        QCOMPARE(encodeEnvelope(in), QByteArray(R"({"i":"a","k":"users","us":[5,8,13],"v":1})"
                                                "\n"
                                                R"({"type":"message","message":{"id":41}})"));
        const Envelope out = roundTrip(in);
        QCOMPARE(out.kind, Envelope::Kind::ToUsers);
        QCOMPARE(out.users, (QList<qint64>{5, 8, 13}));
        QCOMPARE(out.frame, frame);
    }

    void aMessageToMarkDeliveredRoundTrips()
    {
        Envelope in = Envelope::toUser(QStringLiteral("a"), 7, QStringLiteral(R"({"type":"x"})"));
        in.conversationId = 3;
        in.messageId = 41;
        const QByteArray payload = encodeEnvelope(in);
        QCOMPARE(payload, QByteArray(R"({"c":3,"i":"a","k":"user","m":41,"u":7,"v":1})"
                                     "\n"
                                     R"({"type":"x"})"));
        const Envelope out = roundTrip(in);
        QCOMPARE(out.userId, 7);
        QCOMPARE(out.conversationId, 3);
        QCOMPARE(out.messageId, 41);
        // An ordinary event names no message.
        QCOMPARE(roundTrip(Envelope::toUser(QStringLiteral("a"), 7, in.frame)).messageId, 0);
    }

    void presenceHeartbeatByeAndLostRoundTrip()
    {
        Envelope presence;
        presence.kind = Envelope::Kind::Presence;
        presence.instance = QStringLiteral("a");
        presence.seq = 42;
        presence.reset = true;
        presence.online = {{5, QStringLiteral("bob")}, {6, QStringLiteral("Ünïcode")}};
        presence.offline = {3};
        Envelope out = roundTrip(presence);
        QCOMPARE(out.kind, Envelope::Kind::Presence);
        QCOMPARE(out.seq, 42);
        QVERIFY(out.reset);
        QCOMPARE(out.online, presence.online);
        QCOMPARE(out.offline, presence.offline);

        Envelope beat;
        beat.kind = Envelope::Kind::Heartbeat;
        beat.instance = QStringLiteral("a");
        beat.seq = 0;
        out = roundTrip(beat);
        QCOMPARE(out.kind, Envelope::Kind::Heartbeat);
        QCOMPARE(out.seq, 0);

        Envelope bye;
        bye.kind = Envelope::Kind::Bye;
        bye.instance = QStringLiteral("a");
        QCOMPARE(roundTrip(bye).kind, Envelope::Kind::Bye);

        Envelope lost;
        lost.kind = Envelope::Kind::Lost;
        lost.instance = QStringLiteral("a");
        QCOMPARE(roundTrip(lost).kind, Envelope::Kind::Lost);

        out = roundTrip(Envelope::contacts(QStringLiteral("a"), 5, 9));
        QCOMPARE(out.kind, Envelope::Kind::Contacts);
        QCOMPARE(out.userId, 5);
        QCOMPARE(out.peerId, 9);
    }

    void theHeaderIsOneLineBeforeTheFrame()
    {
        const QByteArray payload = encodeEnvelope(
            Envelope::toUser(QStringLiteral("a"), 7, QStringLiteral(R"({"type":"typing"})")));
        QCOMPARE(payload, QByteArray(R"({"i":"a","k":"user","u":7,"v":1})"
                                     "\n"
                                     R"({"type":"typing"})"));
    }

    void malformedPayloadsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        const QByteArray frame = R"({"type":"message"})";
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("garbage");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no version") << QByteArray(R"({"i":"a","k":"bye"})");
        QTest::newRow("newer version") << QByteArray(R"({"v":2,"i":"a","k":"bye"})");
        QTest::newRow("version as text") << QByteArray(R"({"v":"1","i":"a","k":"bye"})");
        QTest::newRow("no instance") << QByteArray(R"({"v":1,"k":"bye"})");
        QTest::newRow("instance with a space") << QByteArray(R"({"v":1,"i":"a b","k":"bye"})");
        QTest::newRow("instance too long")
            << QByteArray(R"({"v":1,"i":")" + QByteArray(65, 'a') + R"(","k":"bye"})");
        QTest::newRow("unknown kind") << QByteArray(R"({"v":1,"i":"a","k":"shout"})");
        QTest::newRow("user without id")
            << QByteArray(R"({"v":1,"i":"a","k":"user"})") + '\n' + frame;
        QTest::newRow("user id 0")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":0})") + '\n' + frame;
        QTest::newRow("user id fraction")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":1.5})") + '\n' + frame;
        QTest::newRow("user id 2^53")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":9007199254740992})") + '\n' + frame;
        QTest::newRow("user id as text")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":"7"})") + '\n' + frame;
        QTest::newRow("message id without conversation")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7,"m":41})") + '\n' + frame;
        QTest::newRow("conversation without message id")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7,"c":3})") + '\n' + frame;
        QTest::newRow("message id 0")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7,"c":3,"m":0})") + '\n' + frame;
        QTest::newRow("message id as text")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7,"c":3,"m":"41"})") + '\n' + frame;
        QTest::newRow("contacts without peer")
            << QByteArray(R"({"v":1,"i":"a","k":"contacts","u":5})");
        QTest::newRow("contacts with oneself")
            << QByteArray(R"({"v":1,"i":"a","k":"contacts","u":5,"p":5})");
        QTest::newRow("contacts with a frame")
            << QByteArray(R"({"v":1,"i":"a","k":"contacts","u":5,"p":9})") + '\n' + frame;
        QTest::newRow("user without frame") << QByteArray(R"({"v":1,"i":"a","k":"user","u":7})");
        QTest::newRow("frame not json")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7})") + "\n<html>";
        QTest::newRow("frame not an object")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7})") + "\n[1]";
        QTest::newRow("frame without type")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7})") + "\n{\"id\":1}";
        QTest::newRow("frame invalid utf-8")
            << QByteArray(R"({"v":1,"i":"a","k":"user","u":7})") + "\n{\"type\":\"\xff\xfe\"}";
        QTest::newRow("except not a list")
            << QByteArray(R"({"v":1,"i":"a","k":"all","x":5})") + '\n' + frame;
        QTest::newRow("except with a bad id")
            << QByteArray(R"({"v":1,"i":"a","k":"all","x":[1,-2]})") + '\n' + frame;
        QTest::newRow("users without list")
            << QByteArray(R"({"v":1,"i":"a","k":"users"})") + '\n' + frame;
        QTest::newRow("users empty list")
            << QByteArray(R"({"v":1,"i":"a","k":"users","us":[]})") + '\n' + frame;
        QTest::newRow("users with a bad id")
            << QByteArray(R"({"v":1,"i":"a","k":"users","us":[4,0]})") + '\n' + frame;
        QTest::newRow("users without frame")
            << QByteArray(R"({"v":1,"i":"a","k":"users","us":[4]})");
        QTest::newRow("presence without seq") << QByteArray(R"({"v":1,"i":"a","k":"presence"})");
        QTest::newRow("presence negative seq")
            << QByteArray(R"({"v":1,"i":"a","k":"presence","s":-1})");
        QTest::newRow("presence reset not bool")
            << QByteArray(R"({"v":1,"i":"a","k":"presence","s":1,"r":"yes"})");
        QTest::newRow("presence online not pairs")
            << QByteArray(R"({"v":1,"i":"a","k":"presence","s":1,"on":[5]})");
        QTest::newRow("presence online empty name")
            << QByteArray(R"({"v":1,"i":"a","k":"presence","s":1,"on":[[5,""]]})");
        QTest::newRow("presence online long name") << QByteArray(
            R"({"v":1,"i":"a","k":"presence","s":1,"on":[[5,")" + QByteArray(65, 'x') + R"("]]})");
        QTest::newRow("presence offline text")
            << QByteArray(R"({"v":1,"i":"a","k":"presence","s":1,"off":["3"]})");
        QTest::newRow("heartbeat seq text")
            << QByteArray(R"({"v":1,"i":"a","k":"heartbeat","s":"4"})");
        QTest::newRow("bye with trailing data")
            << QByteArray(R"({"v":1,"i":"a","k":"bye"})") + "\nextra";
        QTest::newRow("too large") << QByteArray(R"({"v":1,"i":"a","k":"user","u":7})") +
                                          "\n{\"type\":\"" + QByteArray(kMaxEnvelopeBytes, 'x') +
                                          "\"}";
    }

    void malformedPayloadsAreRefused()
    {
        QFETCH(QByteArray, payload);
        QString error;
        QVERIFY(!decodeEnvelope(payload, &error));
        QVERIFY(!error.isEmpty());
    }

    void randomAndMutatedBytesNeverCrash()
    {
        Envelope presence;
        presence.kind = Envelope::Kind::Presence;
        presence.instance = QStringLiteral("a");
        presence.seq = 3;
        presence.online = {{5, QStringLiteral("bob")}};
        const QList<QByteArray> valid = {
            encodeEnvelope(Envelope::toUser(QStringLiteral("a"), 7,
                                            QStringLiteral(R"({"type":"message","x":[1,{}]})"))),
            encodeEnvelope(presence)};
        QRandomGenerator random(20261125);
        int decoded = 0;
        for (int i = 0; i < 20'000; ++i) {
            QByteArray payload = valid[i % valid.size()];
            if (i % 3 == 0) { // noise
                payload.resize(random.bounded(64));
                for (char &c : payload)
                    c = char(random.bounded(256));
            } else { // a few flipped, dropped or inserted bytes
                for (int m = random.bounded(1, 4); m > 0 && !payload.isEmpty(); --m) {
                    const int at = random.bounded(int(payload.size()));
                    switch (random.bounded(3)) {
                    case 0:
                        payload[at] = char(random.bounded(256));
                        break;
                    case 1:
                        payload.remove(at, 1);
                        break;
                    default:
                        payload.insert(at, char(random.bounded(256)));
                    }
                }
            }
            QString error;
            const auto envelope = decodeEnvelope(payload, &error);
            QCOMPARE(envelope.has_value(), error.isEmpty());
            if (envelope) {
                ++decoded;
                QVERIFY(isValidInstanceId(envelope->instance));
            }
        }
        QVERIFY(decoded < 20'000);
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
