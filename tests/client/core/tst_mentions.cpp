// Mentions parsed from plain text (a client convention, docs/protocol.md "Mentions"): "@name"
// counts only at the start of a word and up to the end of a username, in any letter case; the
// mention being typed at the cursor is found for the compose box's list.
#include "mentions.h"

#include <QtTest>

using namespace natter::client;

class TestMentions : public QObject
{
    Q_OBJECT

private slots:
    void rangesOfAMention_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("starts"); // where each mention of "bob" starts

        QTest::newRow("alone") << QStringLiteral("@bob") << QList<int>{0};
        QTest::newRow("in a sentence") << QStringLiteral("hi @bob, lunch?") << QList<int>{3};
        QTest::newRow("any case") << QStringLiteral("@BoB hi") << QList<int>{0};
        QTest::newRow("end of a sentence") << QStringLiteral("ask @bob.") << QList<int>{4};
        QTest::newRow("a dash after") << QStringLiteral("@bob- ok") << QList<int>{0};
        QTest::newRow("brackets") << QStringLiteral("(@bob)") << QList<int>{1};
        QTest::newRow("twice") << QStringLiteral("@bob @bob") << QList<int>{0, 5};
        QTest::newRow("an e-mail address") << QStringLiteral("mail bob@bob.org") << QList<int>{};
        QTest::newRow("a longer name") << QStringLiteral("@bobby") << QList<int>{};
        QTest::newRow("a name with a dot") << QStringLiteral("@bob.smith") << QList<int>{};
        QTest::newRow("a name with a dash") << QStringLiteral("@bob-x") << QList<int>{};
        QTest::newRow("no at") << QStringLiteral("bob") << QList<int>{};
        QTest::newRow("double at") << QStringLiteral("@@bob") << QList<int>{1};
    }
    void rangesOfAMention()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, starts);
        const QList<TextRange> found = mentions::rangesOf(text, QStringLiteral("bob"));
        QList<int> got;
        for (const TextRange &r : found) {
            QCOMPARE(r.length, 4);
            got.append(r.start);
        }
        QCOMPARE(got, starts);
        QCOMPARE(mentions::mentions(text, QStringLiteral("bob")), !starts.isEmpty());
    }

    void namesWithPunctuation()
    {
        QVERIFY(mentions::mentions(QStringLiteral("cc @bob.smith!"), QStringLiteral("bob.smith")));
        QVERIFY(!mentions::mentions(QStringLiteral("@bob"), QStringLiteral("bob.smith")));
        QVERIFY(!mentions::mentions(QStringLiteral("@bob"), QString()));
    }

    void mentionBeingTyped()
    {
        const auto at = [](const QString &text, int cursor) {
            const mentions::Typed t = mentions::typedAt(text, cursor);
            return t.isValid() ? QStringLiteral("%1:%2").arg(t.at).arg(t.prefix) : QString();
        };
        QCOMPARE(at(QStringLiteral("@"), 1), QStringLiteral("0:"));
        QCOMPARE(at(QStringLiteral("hi @ca"), 6), QStringLiteral("3:ca"));
        QCOMPARE(at(QStringLiteral("hi @carol"), 6), QStringLiteral("3:ca")); // inside a name
        QCOMPARE(at(QStringLiteral("hi @carol x"), 11), QString());
        QCOMPARE(at(QStringLiteral("hi @carol "), 10), QString()); // the space ends it
        QCOMPARE(at(QStringLiteral("bob@ex"), 6), QString());      // an e-mail address
        QCOMPARE(at(QStringLiteral("hi"), 2), QString());
        QCOMPARE(at(QStringLiteral("@x"), 99), QStringLiteral("0:x")); // cursor clamped
    }
};

QTEST_MAIN(TestMentions)
#include "tst_mentions.moc"
