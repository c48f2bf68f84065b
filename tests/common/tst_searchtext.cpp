// How text becomes searchable words and a query becomes terms (common/searchtext.h).
#include "protocollimits.h"
#include "searchtext.h"

#include <QtTest>

using namespace natter;
using natter::searchtext::Term;

class TestSearchText : public QObject
{
    Q_OBJECT

private slots:
    void wordsAreFoldedAndSplit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("index");
        QTest::newRow("case and punctuation")
            << QStringLiteral("Hello, World! http://printer.lan/x")
            << QStringLiteral("hello world http printer lan x");
        QTest::newRow("latin accents")
            << QStringLiteral("Café CRÈME naïve") << QStringLiteral("cafe creme naive");
        QTest::newRow("cyrillic") << QStringLiteral("Привет, Ёлка")
                                  << QStringLiteral("привет елка");
        QTest::newRow("greek") << QStringLiteral("Καλημέρα") << QStringLiteral("καλημερα");
        QTest::newRow("han and kana, a word each")
            << QStringLiteral("打印机abc") << QStringLiteral("打 印 机 abc");
        QTest::newRow("marks kept outside latin, greek, cyrillic")
            << QStringLiteral("हिन्दी") << QStringLiteral("हिन्दी");
        QTest::newRow("emoji only") << QStringLiteral("🎉🎉") << QString();
    }

    void wordsAreFoldedAndSplit()
    {
        QFETCH(QString, text);
        QFETCH(QString, index);
        QCOMPARE(searchtext::indexText(text), index);
    }

    // indexText() takes a short path for ASCII text; it must index exactly what the general
    // path (words()) makes of it, or a query would miss what was indexed. Every ASCII code,
    // in random strings (a fixed seed: a failure repeats).
    void asciiTextIndexesLikeTheGeneralPath()
    {
        QRandomGenerator random(20261204);
        for (int n = 0; n < 5000; ++n) {
            QString text;
            const int length = random.bounded(0, 48);
            for (int i = 0; i < length; ++i)
                text.append(QChar(char16_t(random.bounded(0, 128))));
            QCOMPARE(searchtext::indexText(text), searchtext::words(text).join(QLatin1Char(' ')));
        }
        QCOMPARE(searchtext::indexText(QStringLiteral("  --Printer JAM,at 9AM!  ")),
                 QStringLiteral("printer jam at 9am"));
    }

    void queriesBecomeTerms()
    {
        ProtocolError error;
        auto terms = searchtext::parseQuery(QStringLiteral("printer jam"), &error);
        QVERIFY(terms);
        QCOMPARE(*terms, QList<Term>({Term{{QStringLiteral("printer")}, false},
                                      Term{{QStringLiteral("jam")}, true}}));
        // A finished word (trailing space), a one-letter word and a closed phrase: no prefix.
        QVERIFY(!searchtext::parseQuery(QStringLiteral("jam "), &error)->last().prefix);
        QVERIFY(!searchtext::parseQuery(QStringLiteral("a"), &error)->last().prefix);
        terms = searchtext::parseQuery(QStringLiteral("\"Printer Link\" e-mail"), &error);
        QCOMPARE(*terms,
                 QList<Term>({Term{{QStringLiteral("printer"), QStringLiteral("link")}, false},
                              Term{{QStringLiteral("e"), QStringLiteral("mail")}, true}}));
        // An unclosed quote is a phrase being typed; a run of ideographs is a phrase.
        QCOMPARE(searchtext::parseQuery(QStringLiteral("\"open pha"), &error)->size(), 1);
        QCOMPARE(searchtext::parseQuery(QStringLiteral("打印"), &error)->first().words.size(), 2);
        // No query syntax of a database reaches it: operators and brackets are words or gaps.
        terms = searchtext::parseQuery(QStringLiteral("((x OR y)) NOT* NEAR(z)"), &error);
        QCOMPARE(terms->size(), 5);
        QCOMPARE(terms->at(1).words, QStringList{QStringLiteral("or")});
    }

    void queriesWithoutWordsOrWithTooManyAreRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("star") << QStringLiteral("*");
        QTest::newRow("spaces") << QStringLiteral("   ");
        QStringList many;
        for (int i = 0; i <= limits::kMaxSearchTerms; ++i)
            many.append(QStringLiteral("w%1").arg(i));
        QTest::newRow("too many words") << many.join(QLatin1Char(' '));
    }

    void queriesWithoutWordsOrWithTooManyAreRefused()
    {
        QFETCH(QString, query);
        ProtocolError error;
        QVERIFY(!searchtext::parseQuery(query, &error));
        QCOMPARE(error.code, ErrorCode::BadRequest);
        QCOMPARE(error.field, QStringLiteral("query"));
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
