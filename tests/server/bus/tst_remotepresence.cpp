// Who is online on the other instances, from what they publish: changes apply in order, any
// gap reads the instance's state again, and silent instances are dropped.
#include "bus/remotepresence.h"

#include <QSignalSpy>
#include <QtTest>

using namespace natter::server;

namespace {

const QString kA = QStringLiteral("a");
const QString kB = QStringLiteral("b");

RemotePresence::Delta delta(qint64 seq, QList<QPair<qint64, QString>> online,
                            QList<qint64> offline = {}, bool reset = false)
{
    return RemotePresence::Delta{seq, reset, std::move(online), std::move(offline)};
}

using Users = QHash<qint64, QString>;

} // namespace

class TestRemotePresence : public QObject
{
    Q_OBJECT

private slots:
    void anUnknownInstanceIsReadFirstAndItsChangesReplayedOnTop()
    {
        RemotePresence presence;
        QSignalSpy resync(&presence, &RemotePresence::resyncNeeded);
        QSignalSpy online(&presence, &RemotePresence::userCameOnline);
        presence.applyDelta(kA, delta(5, {{7, QStringLiteral("eve")}}), 0);
        QCOMPARE(resync.size(), 1);
        QCOMPARE(resync.at(0).at(0).toString(), kA);
        QVERIFY(!presence.isOnline(7)); // held back until the snapshot
        presence.applyDelta(kA, delta(6, {}, {3}), 0);
        QCOMPARE(resync.size(), 1); // one read at a time

        // The snapshot (as of seq 4) has 3; the held changes 5 and 6 go on top.
        presence.applySnapshot(kA, 4, Users({{3, QStringLiteral("carol")}}));
        QVERIFY(presence.isOnline(7));
        QVERIFY(!presence.isOnline(3));
        QCOMPARE(online.size(), 2); // carol, then eve
        QCOMPARE(resync.size(), 1);
    }

    void changesAlreadyInTheSnapshotAreSkipped()
    {
        RemotePresence presence;
        presence.applyDelta(kA, delta(5, {{7, QStringLiteral("eve")}}), 0);
        presence.applyDelta(kA, delta(6, {}, {7}), 0);
        presence.applySnapshot(kA, 6, Users()); // read after both
        QVERIFY(!presence.isOnline(7));
        presence.applyDelta(kA, delta(7, {{8, QStringLiteral("finn")}}), 0);
        QVERIFY(presence.isOnline(8));
    }

    void changesInOrderApplyAndRepeatsAreIgnored()
    {
        RemotePresence presence;
        QSignalSpy resync(&presence, &RemotePresence::resyncNeeded);
        QSignalSpy offline(&presence, &RemotePresence::userWentOffline);
        presence.noteDiscovered(kA, 0);
        presence.applySnapshot(kA, 1, Users());
        presence.applyDelta(kA, delta(2, {{7, QStringLiteral("eve")}}), 0);
        QVERIFY(presence.isOnline(7));
        presence.applyDelta(kA, delta(3, {}, {7}), 0);
        QVERIFY(!presence.isOnline(7));
        QCOMPARE(offline.size(), 1);
        presence.applyDelta(kA, delta(2, {{7, QStringLiteral("eve")}}), 0); // a repeat
        QVERIFY(!presence.isOnline(7));
        QCOMPARE(resync.size(), 1); // only the discovery
    }

    void aGapOrAHeartbeatAheadReadsTheStateAgain()
    {
        RemotePresence presence;
        QSignalSpy resync(&presence, &RemotePresence::resyncNeeded);
        presence.noteDiscovered(kA, 0);
        presence.applySnapshot(kA, 1, Users());
        presence.noteHeartbeat(kA, 1, 10);
        QCOMPARE(resync.size(), 1);
        presence.applyDelta(kA, delta(3, {{7, QStringLiteral("eve")}}), 10); // 2 was lost
        QCOMPARE(resync.size(), 2);
        QVERIFY(!presence.isOnline(7));
        presence.applySnapshot(kA, 3,
                               Users({{7, QStringLiteral("eve")}, {8, QStringLiteral("finn")}}));
        QVERIFY(presence.isOnline(7));
        QVERIFY(presence.isOnline(8));

        presence.noteHeartbeat(kA, 4, 20); // change 4 never arrived
        QCOMPARE(resync.size(), 3);
        presence.applySnapshot(kA, 4, Users({{7, QStringLiteral("eve")}}));
        QVERIFY(!presence.isOnline(8));
    }

    void aRewriteIsReadAgainEvenInOrder()
    {
        RemotePresence presence;
        QSignalSpy resync(&presence, &RemotePresence::resyncNeeded);
        presence.noteDiscovered(kA, 0);
        presence.applySnapshot(kA, 1, Users({{7, QStringLiteral("eve")}}));
        presence.applyDelta(kA, delta(2, {}, {}, true), 0);
        QCOMPARE(resync.size(), 2);
        // A snapshot older than the rewrite (read before it) asks once more.
        presence.applySnapshot(kA, 1, Users({{7, QStringLiteral("eve")}}));
        QCOMPARE(resync.size(), 3);
        presence.applySnapshot(kA, 2, Users());
        QVERIFY(!presence.isOnline(7));
        QCOMPARE(resync.size(), 3);
    }

    void aUserOnTwoInstancesGoesOfflineWithTheLast()
    {
        RemotePresence presence;
        QSignalSpy online(&presence, &RemotePresence::userCameOnline);
        QSignalSpy offline(&presence, &RemotePresence::userWentOffline);
        presence.noteDiscovered(kA, 0);
        presence.noteDiscovered(kB, 0);
        presence.applySnapshot(kA, 1, Users({{7, QStringLiteral("eve")}}));
        presence.applySnapshot(kB, 1, Users({{7, QStringLiteral("eve")}}));
        QCOMPARE(online.size(), 1);
        presence.applyDelta(kA, delta(2, {}, {7}), 0);
        QVERIFY(presence.isOnline(7));
        QCOMPARE(offline.size(), 0);
        presence.removeInstance(kB); // said bye
        QVERIFY(!presence.isOnline(7));
        QCOMPARE(offline.size(), 1);
        QCOMPARE(offline.at(0).at(0).toLongLong(), 7);
    }

    void silentInstancesExpireAndSayWhetherTheyWereLive()
    {
        RemotePresence presence;
        QSignalSpy offline(&presence, &RemotePresence::userWentOffline);
        presence.noteDiscovered(kA, 0); // only a name in Redis' set so far
        presence.applySnapshot(kA, 1, Users({{7, QStringLiteral("eve")}}));
        presence.noteDiscovered(kB, 0);
        presence.noteHeartbeat(kB, 0, 900);
        presence.applySnapshot(kB, 0, Users({{8, QStringLiteral("finn")}}));

        bool live = true;
        QCOMPARE(presence.expire(1000, 1000), QStringList());
        QCOMPARE(presence.expire(1001, 1000, &live), QStringList{kA});
        QVERIFY(!live); // stale: never published while we listened
        QVERIFY(!presence.isOnline(7));
        QVERIFY(presence.isOnline(8));
        QCOMPARE(presence.expire(1901, 1000, &live), QStringList{kB});
        QVERIFY(live);
        QVERIFY(!presence.isOnline(8));
        QCOMPARE(offline.size(), 2);
        QVERIFY(presence.instances().isEmpty());
    }

    void aSnapshotForAGoneInstanceIsIgnoredAndAFailedReadIsRetried()
    {
        RemotePresence presence;
        QSignalSpy resync(&presence, &RemotePresence::resyncNeeded);
        presence.noteHeartbeat(kA, 3, 0);
        presence.removeInstance(kA); // bye while the read was on its way
        presence.applySnapshot(kA, 3, Users({{7, QStringLiteral("eve")}}));
        QVERIFY(!presence.isOnline(7));
        QVERIFY(!presence.knows(kA));

        presence.noteHeartbeat(kB, 3, 0);
        QCOMPARE(resync.size(), 2);
        presence.resyncFailed(kB); // the connection dropped before the answer
        presence.noteHeartbeat(kB, 3, 10);
        QCOMPARE(resync.size(), 3);
        presence.applySnapshot(kB, 3, Users({{7, QStringLiteral("eve")}}));
        QVERIFY(presence.isOnline(7));
    }

    void listeningAgainGivesEveryoneAFullTimeout()
    {
        RemotePresence presence;
        presence.noteHeartbeat(kA, 1, 0);
        presence.applySnapshot(kA, 1, Users({{7, QStringLiteral("eve")}}));
        presence.listeningResumed(5000); // we could not hear a between 0 and 5000
        QVERIFY(presence.expire(5500, 1000).isEmpty());
        QVERIFY(presence.isOnline(7));
        QCOMPARE(presence.expire(6001, 1000), QStringList{kA});
    }
};

QTEST_GUILESS_MAIN(TestRemotePresence)
#include "tst_remotepresence.moc"
