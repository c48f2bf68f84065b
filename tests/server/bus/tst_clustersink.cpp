// The EventSink decorator and the presence union, with an in-memory bus: what goes to the
// local sockets, what is published for the other instances, and what arrives from them.
#include "bus/cluster.h"
#include "bus/clustersink.h"
#include "bus/eventbus.h"
#include "busdoubles.h"

#include <QSignalSpy>
#include <QtTest>

using namespace natter::server;
using natter::server::bustest::FakeBus;
using natter::server::bustest::RecordingSink;

namespace {

const QString kFrame = QStringLiteral(R"({"type":"message","message":{"id":1}})");

} // namespace

class TestClusterSink : public QObject
{
    Q_OBJECT

private slots:
    void eventsForAUserGoToLocalSocketsAndToTheOthers()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        sink.sendToUser(5, kFrame, 9);
        QCOMPARE(local.sent.size(), 1);
        QCOMPARE(local.sent[0].how, QStringLiteral("user"));
        QCOMPARE(local.sent[0].target, 5);
        QCOMPARE(local.sent[0].except, ConnectionId(9)); // the sender's own socket, here
        QCOMPARE(bus.published.size(), 1);
        QCOMPARE(bus.published[0].kind, Envelope::Kind::ToUser);
        QCOMPARE(bus.published[0].instance, QStringLiteral("me"));
        QCOMPARE(bus.published[0].userId, 5);
        QCOMPARE(bus.published[0].frame, kFrame);
    }

    void aFrameForSeveralUsersCrossesAsOneEnvelope()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        sink.sendToUsers({5, 6, 7}, kFrame, 9);
        QCOMPARE(local.sent.size(), 3);
        for (const auto &sent : std::as_const(local.sent))
            QCOMPARE(sent.except, ConnectionId(9));
        QCOMPARE(bus.published.size(), 1);
        QCOMPARE(bus.published[0].kind, Envelope::Kind::ToUsers);
        QCOMPARE(bus.published[0].users, (QList<qint64>{5, 6, 7}));
        QCOMPARE(bus.published[0].frame, kFrame);

        // One user (a 1:1's typing, say) keeps the envelope of one user; nobody: nothing.
        sink.sendToUsers({8}, kFrame);
        QCOMPARE(bus.published.size(), 2);
        QCOMPARE(bus.published[1].kind, Envelope::Kind::ToUser);
        QCOMPARE(bus.published[1].userId, 8);
        sink.sendToUsers({}, kFrame);
        QCOMPARE(bus.published.size(), 2);
    }

    void aFrameForSeveralUsersFromElsewhereReachesEachOfThem()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        emit bus.envelopeReceived(Envelope::toUsers(QStringLiteral("other"), {4, 5}, kFrame));
        QCOMPARE(local.sent.size(), 2);
        QCOMPARE(local.sent[0].target, 4);
        QCOMPARE(local.sent[1].target, 5);
        QCOMPARE(local.sent[1].except, ConnectionId(0));
        QCOMPARE(local.sent[1].frame, kFrame);
        QVERIFY(bus.published.isEmpty());
    }

    void aConnectionIsAlwaysLocal()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        sink.sendToConnection(3, kFrame);
        QCOMPARE(local.sent.size(), 1);
        QCOMPARE(local.sent[0].how, QStringLiteral("connection"));
        QVERIFY(bus.published.isEmpty());
    }

    void broadcastsCarryTheirExceptions()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        sink.sendToAll(kFrame, {2, 3});
        QCOMPARE(local.sent.size(), 1);
        QCOMPARE(local.sent[0].exceptUsers, (QSet<qint64>{2, 3}));
        QCOMPARE(bus.published.size(), 1);
        QCOMPARE(bus.published[0].kind, Envelope::Kind::ToAll);
        const QList<qint64> except = bus.published[0].exceptUsers;
        QCOMPARE(QSet<qint64>(except.cbegin(), except.cend()), (QSet<qint64>{2, 3}));
    }

    void whatOthersPublishReachesLocalSocketsOnly()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        emit bus.envelopeReceived(Envelope::toUser(QStringLiteral("other"), 5, kFrame));
        emit bus.envelopeReceived(Envelope::toAll(QStringLiteral("other"), kFrame, {4}));
        QCOMPARE(local.sent.size(), 2);
        QCOMPARE(local.sent[0].how, QStringLiteral("user"));
        QCOMPARE(local.sent[0].target, 5);
        QCOMPARE(local.sent[0].except, ConnectionId(0)); // its connection ids mean nothing here
        QCOMPARE(local.sent[0].frame, kFrame);
        QCOMPARE(local.sent[1].how, QStringLiteral("all"));
        QCOMPARE(local.sent[1].exceptUsers, QSet<qint64>{4});
        QVERIFY(bus.published.isEmpty()); // never echoed back
    }

    void onlyASocketHereIsAConnection()
    {
        // A frame for a user online on another instance may never get there (Redis down):
        // only a socket of this instance is sure to be written to.
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        local.connected.insert(1);
        bus.remote.insert(2);
        QVERIFY(sink.hasConnection(1));
        QVERIFY(!sink.hasConnection(2));
        QVERIFY(!sink.hasConnection(3));
    }

    void aMessageForARecipientElsewhereIsMarkedWhereItIsPushed()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        local.connected.insert(5);
        sink.sendToRecipient({3, 5, 41}, kFrame); // pushed here: marked by the commit
        sink.sendToRecipient({4, 6, 42}, kFrame); // not here: the others mark it
        QCOMPARE(local.sent.size(), 2);
        QCOMPARE(bus.published.size(), 2);
        QCOMPARE(bus.published[0].userId, 5);
        QCOMPARE(bus.published[0].messageId, 0);
        QCOMPARE(bus.published[1].userId, 6);
        QCOMPARE(bus.published[1].conversationId, 4);
        QCOMPARE(bus.published[1].messageId, 42);
    }

    void messagesPushedForOtherInstancesAreReportedOncePerConversation()
    {
        RecordingSink local;
        FakeBus bus;
        ClusterSink sink(local, bus);
        QList<QList<PushedMessage>> reports;
        sink.setPushedHandler([&reports](const QList<PushedMessage> &p) { reports.append(p); });
        local.connected.insert(5);
        const auto message = [](qint64 user, qint64 conversation, qint64 id) {
            Envelope e = Envelope::toUser(QStringLiteral("other"), user, kFrame);
            e.conversationId = conversation;
            e.messageId = id;
            return e;
        };
        emit bus.envelopeReceived(message(5, 3, 41));
        emit bus.envelopeReceived(message(5, 3, 43));
        emit bus.envelopeReceived(message(5, 8, 42));
        emit bus.envelopeReceived(message(6, 9, 44)); // no socket here: not pushed, not marked
        emit bus.envelopeReceived(Envelope::toUser(QStringLiteral("other"), 5, kFrame));
        QCOMPARE(local.sent.size(), 5);
        QVERIFY(reports.isEmpty()); // batched to the end of the event-loop pass
        QTRY_COMPARE(reports.size(), 1);
        const QList<PushedMessage> &r = reports.first();
        QCOMPARE(r.size(), 2);
        QCOMPARE(r[0].conversationId, 3);
        QCOMPARE(r[0].recipientId, 5);
        QCOMPARE(r[0].messageId, 43);
        QCOMPARE(r[1].conversationId, 8);
        QCOMPARE(r[1].messageId, 42);
    }

    void presenceIsTheUnionOfLocalAndRemoteUsers()
    {
        RecordingSink local;
        auto owned = std::make_unique<FakeBus>();
        FakeBus &bus = *owned;
        Cluster cluster(local, std::move(owned));
        QSignalSpy online(&cluster, &Cluster::userCameOnline);
        QSignalSpy offline(&cluster, &Cluster::userWentOffline);

        cluster.localUserCameOnline(5, QStringLiteral("eve"));
        QVERIFY(bus.local.contains(5)); // the others learn of it
        QCOMPARE(online.size(), 1);
        bus.remoteOnline(5, QStringLiteral("eve")); // eve opens a window on another instance
        QCOMPARE(online.size(), 1);
        cluster.localUserWentOffline(5);
        QVERIFY(!bus.local.contains(5));
        QCOMPARE(offline.size(), 0); // still there
        bus.remoteOffline(5);
        QCOMPARE(offline.size(), 1);
        QCOMPARE(offline.at(0).at(0).toLongLong(), 5);

        bus.remoteOnline(6, QStringLiteral("finn"));
        QCOMPARE(online.size(), 2);
        QCOMPARE(online.at(1).at(1).toString(), QStringLiteral("finn"));
        cluster.localUserCameOnline(6, QStringLiteral("finn"));
        bus.remoteOffline(6);
        QCOMPARE(offline.size(), 1); // local socket still open

        cluster.start();
        cluster.leave();
        QVERIFY(bus.started);
        QVERIFY(bus.left);
        // The cluster's sink is a ClusterSink on this bus.
        cluster.sink().sendToUser(6, kFrame);
        QCOMPARE(bus.published.size(), 1);
    }

    void eventsMayHaveBeenLostIsPassedOn()
    {
        RecordingSink local;
        auto owned = std::make_unique<FakeBus>();
        FakeBus &bus = *owned;
        Cluster cluster(local, std::move(owned));
        QSignalSpy lost(&cluster, &Cluster::eventsMayHaveBeenLost);
        emit bus.eventsMayHaveBeenLost();
        QCOMPARE(lost.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClusterSink)
#include "tst_clustersink.moc"
