// The message list on a long history: pages merge by id (binary search over the loaded
// rows, pending ones kept last), arrive as inserts of their own rows, and local days come
// from the time zone resolved once.
#include "messagelistmodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

constexpr qint64 kConversation = 7;
const User kSelf{1, QStringLiteral("alice")};
const User kPeer{2, QStringLiteral("bob")};

Message message(qint64 id, qint64 sender, qint64 createdAt = 1764000000000)
{
    Message m;
    m.id = id;
    m.conversationId = kConversation;
    m.senderId = sender;
    m.content = QStringLiteral("m%1").arg(id);
    m.createdAt = createdAt;
    m.rev = id;
    return m;
}

QList<Message> newestFirst(qint64 from, qint64 to)
{
    QList<Message> out;
    for (qint64 id = to; id >= from; --id)
        out.append(message(id, id % 2 ? kSelf.id : kPeer.id));
    return out;
}

QList<qint64> ids(const MessageListModel &model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(MessageListModel::IdRole).toLongLong();
    return out;
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before anything resolves the zone: a place whose day starts at 23:00 UTC in winter.
        qputenv("TZ", "Europe/Berlin");
    }

    void pagesInsertOnlyTheirOlderRows()
    {
        MessageListModel model;
        model.open(kConversation, kSelf, kPeer);
        model.prependPage(newestFirst(1001, 2000));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Overlapping the oldest loaded rows: only 951..1000 are new.
        model.prependPage(newestFirst(951, 1010));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 49);
        QCOMPARE(model.rowCount(), 1050);
        QCOMPARE(model.oldestId(), qint64(951));
        const QList<qint64> shown = ids(model);
        QVERIFY(std::is_sorted(shown.begin(), shown.end()));
    }

    void upsertFindsLoadedRowsWithPendingOnesLast()
    {
        MessageListModel model;
        model.open(kConversation, kSelf, kPeer);
        model.prependPage(newestFirst(1, 3000));
        PendingMessage pending;
        pending.clientId = QUuid::createUuid();
        pending.content = QStringLiteral("on its way");
        pending.createdAt = 1764000000000;
        model.addPending(pending);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        Message edited = message(1234, kPeer.id);
        edited.content = QStringLiteral("edited");
        edited.rev = 5000;
        model.upsert(edited);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.index(1233).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("edited"));
        QCOMPARE(model.index(1233).data(MessageListModel::RevisionRole).toLongLong(), qint64(5000));

        model.upsert(message(3001, kPeer.id)); // new: before the pending row
        QCOMPARE(model.rowCount(), 3002);
        QCOMPARE(model.index(3000).data(MessageListModel::IdRole).toLongLong(), qint64(3001));
        QCOMPARE(model.index(3001).data(MessageListModel::ClientIdRole).toUuid(), pending.clientId);
    }

    void aMessageWithoutClientIdNeverReplacesAnOwnRow()
    {
        MessageListModel model;
        model.open(kConversation, kSelf, kPeer);
        model.prependPage(newestFirst(1, 10)); // from the server, no client ids
        model.upsert(message(11, kPeer.id));
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(ids(model), (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
    }

    // Far rows go as removals of their own (views keep their place); the new first row
    // starts its day; a page after the forgetting merges as before.
    void farRowsAreForgotten()
    {
        MessageListModel model;
        model.open(kConversation, kSelf, kPeer);
        model.prependPage(newestFirst(1, 500));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.dropNewestBeyond(600), 0);
        QCOMPARE(model.dropNewestBeyond(300), 200);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 300);
        QCOMPARE(removed.at(0).at(2).toInt(), 499);
        QCOMPARE(model.newestId(), qint64(300));
        QCOMPARE(model.dropOldestBeyond(100), 200);
        QCOMPARE(removed.at(1).at(1).toInt(), 0);
        QCOMPARE(removed.at(1).at(2).toInt(), 199);
        QCOMPARE(model.oldestId(), qint64(201));
        QCOMPARE(ids(model).size(), 100);
        QVERIFY(model.index(0).data(MessageListModel::StartsNewDayRole).toBool());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 0);
        model.prependPage(newestFirst(151, 250));
        QCOMPARE(model.oldestId(), qint64(151));
        QCOMPARE(ids(model).size(), 150);
        const QList<qint64> shown = ids(model);
        QVERIFY(std::is_sorted(shown.begin(), shown.end()));
    }

    void daysAndTimesAreLocal()
    {
        MessageListModel model;
        model.open(kConversation, kSelf, kPeer);
        // 2026-01-10 22:30 and 23:30 UTC: one UTC day, two days in Berlin (23:30, 00:30).
        const qint64 first =
            QDateTime(QDate(2026, 1, 10), QTime(22, 30), Qt::UTC).toMSecsSinceEpoch();
        model.prependPage({message(3, kPeer.id, first + 3600000 + 60000),
                           message(2, kPeer.id, first + 3600000), message(1, kPeer.id, first)});
        QVERIFY(model.index(0).data(MessageListModel::StartsNewDayRole).toBool());
        QVERIFY(model.index(1).data(MessageListModel::StartsNewDayRole).toBool());
        QVERIFY(!model.index(2).data(MessageListModel::StartsNewDayRole).toBool());
        const QDateTime at = model.index(1).data(MessageListModel::CreatedAtRole).toDateTime();
        QCOMPARE(at.time(), QTime(0, 30));
        QCOMPARE(at.date(), QDate(2026, 1, 11));
        QCOMPARE(at.toMSecsSinceEpoch(), first + 3600000);
        QCOMPARE(model.index(1).data(MessageListModel::CreatedAtMsRole).toLongLong(),
                 first + 3600000);
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
