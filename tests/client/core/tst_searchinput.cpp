// What the client makes of a typed search, without a server: filters split from the words
// (finished ones for chips), dates, and where the query's words are marked in a text.
#include "searchfilters.h"
#include "searchhighlight.h"

#include <QDateTime>
#include <QtTest>

using namespace natter::client;

class TestSearchInput : public QObject
{
    Q_OBJECT

private slots:
    void filtersAreSplitFromTheWords()
    {
        const SearchInput in = parseSearchInput(QStringLiteral("printer from:bob in:Ops jam"));
        QCOMPARE(in.words, QStringLiteral("printer jam"));
        const QList<SearchFilter> expected{{SearchFilter::Kind::From, QStringLiteral("bob")},
                                           {SearchFilter::Kind::In, QStringLiteral("Ops")}};
        QCOMPARE(in.filters, expected);
        QCOMPARE(in.finished, expected); // both followed by a space: chips
        QCOMPARE(in.rest, QStringLiteral("printer jam"));
    }

    void aFilterStillBeingTypedStaysInTheText()
    {
        const SearchInput in = parseSearchInput(QStringLiteral("cafe before:2026-11"));
        QCOMPARE(in.words, QStringLiteral("cafe"));
        QCOMPARE(in.filters.size(), 1);
        QVERIFY(in.finished.isEmpty());
        QCOMPARE(in.rest, QStringLiteral("cafe before:2026-11"));
    }

    void unknownKeysEmptyValuesAndQuotesAreWords()
    {
        const SearchInput in =
            parseSearchInput(QStringLiteral("http://x from: \"in:quoted phrase\" to:me"));
        QVERIFY(in.filters.isEmpty());
        QCOMPARE(in.words, QStringLiteral("http://x from: \"in:quoted phrase\" to:me"));
    }

    void aTrailingSpaceEndsTheLastWord()
    {
        // The server treats a query ending with a space as whole words (no prefix).
        QCOMPARE(parseSearchInput(QStringLiteral("print from:bob ")).words,
                 QStringLiteral("print "));
        QCOMPARE(parseSearchInput(QStringLiteral("print")).words, QStringLiteral("print"));
    }

    void daysAreLocalMidnight()
    {
        const qint64 at = startOfLocalDay(QStringLiteral("2026-11-01"));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(at), QDate(2026, 11, 1).startOfDay());
        QCOMPARE(startOfLocalDay(QStringLiteral("yesterday")), 0);
        QCOMPARE(startOfLocalDay(QStringLiteral("2026-13-01")), 0);
    }

    void matchesAreFoundAsTheServerIndexes()
    {
        // Accents and case ignored, the last word a prefix, other words whole.
        const SearchWords words = searchWordsOf(QStringLiteral("CAFE prin"));
        QCOMPARE(words.whole, QStringList{QStringLiteral("cafe")});
        QCOMPARE(words.prefixes, QStringList{QStringLiteral("prin")});
        const QString text = QStringLiteral("Café? The printer, not the café-bar or cafes.");
        const QList<TextRange> expected{{0, 4}, {10, 7}, {27, 4}};
        QCOMPARE(matchRanges(text, words), expected);
        // A trailing space: the last word whole too.
        QVERIFY(matchRanges(QStringLiteral("printer"), searchWordsOf(QStringLiteral("prin ")))
                    .isEmpty());
        QVERIFY(matchRanges(text, searchWordsOf(QStringLiteral("*"))).isEmpty());
    }

    void ideographsAreMarkedOneByOne()
    {
        const SearchWords words = searchWordsOf(QStringLiteral("打印机"));
        const QList<TextRange> expected{{2, 3}};
        QCOMPARE(matchRanges(QStringLiteral("今天打印机坏了"), words), expected);
    }
};

QTEST_GUILESS_MAIN(TestSearchInput)
#include "tst_searchinput.moc"
