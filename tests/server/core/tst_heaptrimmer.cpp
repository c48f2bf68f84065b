// HeapTrimmer: one trim per wave of closed connections, none below the threshold.

#include "transport/heaptrimmer.h"

#include <QtTest>

using natter::server::HeapTrimmer;

class TestHeapTrimmer final : public QObject
{
    Q_OBJECT

private slots:
    void aWaveOfClosesIsTrimmedOnce()
    {
        HeapTrimmer trimmer(3, 50);
        trimmer.noteConnectionClosed();
        trimmer.noteConnectionClosed();
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), 0); // below the threshold
        for (int i = 0; i < 10; ++i)
            trimmer.noteConnectionClosed();
        QTRY_COMPARE(trimmer.trims(), 1);
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), 1); // the rest of the wave does not trim again at once
        // The counter started over: the next wave needs the threshold again.
        trimmer.noteConnectionClosed();
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHeapTrimmer)
#include "tst_heaptrimmer.moc"
