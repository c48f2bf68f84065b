// newClientId(): version 7 UUIDs whose text sorts by time (the server's index on client_id).
#include "clientid.h"

#include <QSet>
#include <QtTest>

using namespace natter;

class TestClientId : public QObject
{
    Q_OBJECT

private slots:
    void isAVersion7UuidOfTheCurrentTime()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const QUuid id = newClientId();
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(!id.isNull());
        QCOMPARE(id.data3 >> 12, 7); // QUuid::version() knows up to 5 only
        QCOMPARE(id.variant(), QUuid::DCE);
        const qint64 ms = (qint64(id.data1) << 16) | id.data2;
        QVERIFY(ms >= before && ms <= after);
        // The text the protocol carries parses back to the same id.
        QCOMPARE(QUuid::fromString(id.toString(QUuid::WithoutBraces)), id);
    }

    void theTextSortsByTime()
    {
        // Random parts chosen to sort the other way round: the time decides.
        const QString earlier =
            clientIdAt(1764000000000, ~0ULL, ~0ULL).toString(QUuid::WithoutBraces);
        const QString later = clientIdAt(1764000000001, 0, 0).toString(QUuid::WithoutBraces);
        QVERIFY2(earlier < later, qPrintable(earlier + " / " + later));
        QVERIFY(clientIdAt(1764000000000, 0, 0)
                    .toString(QUuid::WithoutBraces)
                    .startsWith(QStringLiteral("019ab697-e800-7000-8000-")));
    }

    void idsOfTheSameMillisecondDiffer()
    {
        QSet<QUuid> seen;
        for (int i = 0; i < 10000; ++i)
            seen.insert(newClientId());
        QCOMPARE(seen.size(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestClientId)
#include "tst_clientid.moc"
