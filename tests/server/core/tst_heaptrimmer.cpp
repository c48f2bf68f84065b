// HeapTrimmer: one trim per wave of closed connections, none below the threshold; and a
// trim after a large outbound backlog was dropped or many backlog bytes were freed.

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

    void aLargeDroppedBacklogIsTrimmedSoon()
    {
        HeapTrimmer trimmer(1000, 50, 1000, 10'000);
        trimmer.noteBacklogFreed(999, true);   // below the large-backlog mark
        trimmer.noteBacklogFreed(5000, false); // written out, not dropped
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), 0);
        trimmer.noteBacklogFreed(1000, true);
        QTRY_COMPARE(trimmer.trims(), 1);
    }

    void manyFreedBacklogBytesAreTrimmed()
    {
        HeapTrimmer trimmer(1000, 50, 1000, 10'000);
        for (int i = 0; i < 9; ++i)
            trimmer.noteBacklogFreed(1000, false);
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), 0);
        trimmer.noteBacklogFreed(1000, false);
        QTRY_COMPARE(trimmer.trims(), 1);
        // Counted from the trim on.
        trimmer.noteBacklogFreed(9000, false);
        QTest::qWait(150);
        QCOMPARE(trimmer.trims(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHeapTrimmer)
#include "tst_heaptrimmer.moc"
