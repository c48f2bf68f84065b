#include "conversationlistmodel.h"
#include "filekinds.h"
#include "messagelistmodel.h"
#include "onlineusersmodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

Message message(qint64 id, qint64 sender, qint64 createdAt = 1764000000000, qint64 conv = 7)
{
    return Message{
        id,           conv,  sender, QUuid::createUuid(), QStringLiteral("m%1").arg(id), createdAt,
        std::nullopt, false, id};
}

QStringList names(const OnlineUsersModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.index(i).data(OnlineUsersModel::UsernameRole).toString();
    return out;
}

} // namespace

class TestClientModels : public QObject
{
    Q_OBJECT

private slots:
    void onlineDiffsInsertAndRemoveRowsSorted()
    {
        OnlineUsersModel model;
        model.applySnapshot(
            {{3, QStringLiteral("carol")}, {1, QStringLiteral("me")}, {2, QStringLiteral("Bob")}},
            1);
        QCOMPARE(names(model), (QStringList{QStringLiteral("Bob"), QStringLiteral("carol")}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        model.applyDiff({{4, QStringLiteral("alice")}, {5, QStringLiteral("Dave")}}, {2}, 1);
        QCOMPARE(names(model), (QStringList{QStringLiteral("alice"), QStringLiteral("carol"),
                                            QStringLiteral("Dave")}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserts.count(), 2);
        QCOMPARE(removes.count(), 1);
        QVERIFY(model.isOnline(5));
        QVERIFY(!model.isOnline(2));
        // Already online: no duplicate row; yourself: never listed.
        model.applyDiff({{4, QStringLiteral("alice")}, {1, QStringLiteral("me")}}, {}, 1);
        QCOMPARE(model.rowCount(), 3);
    }

    void pendingMessageBecomesSentWithoutDuplicate()
    {
        MessageListModel model;
        model.open(7, User{1, QStringLiteral("me")}, User{2, QStringLiteral("bob")});
        PendingMessage p{QUuid::createUuid(), 7, 2, QStringLiteral("hello"), 1764000000000};
        model.addPending(p);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Pending));
        Message acked = message(10, 1);
        acked.clientId = p.clientId;
        acked.content = p.content;
        model.upsert(acked);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MessageListModel::IdRole).toLongLong(), 10);
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Sent));
        model.upsert(acked); // the same message again (e.g. from sync)
        QCOMPARE(model.rowCount(), 1);
    }

    void anOlderStateNeverReplacesANewerOne()
    {
        // A sync page brought the edited message (rev 20); the original's event (rev 10),
        // held up between instances, arrives after it.
        MessageListModel model;
        model.open(7, User{1, QStringLiteral("me")}, User{2, QStringLiteral("bob")});
        Message edited = message(10, 2);
        edited.content = QStringLiteral("edited");
        edited.rev = 20;
        model.upsert(edited);
        Message original = message(10, 2);
        model.upsert(original);
        model.update(original);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("edited"));

        ConversationListModel list;
        list.setSelf(1);
        Conversation c;
        c.id = 7;
        c.peer = User{2, QStringLiteral("bob")};
        list.setConversations({c});
        QVERIFY(list.applyMessage(edited, true));
        QVERIFY(list.applyMessage(original, true));
        QCOMPARE(list.index(0).data(ConversationListModel::LastMessageTextRole).toString(),
                 QStringLiteral("edited"));
        QCOMPARE(list.unreadTotal(), 1);
    }

    void deliveryFollowsPeerReceipts()
    {
        MessageListModel model;
        model.open(7, User{1, QStringLiteral("me")}, User{2, QStringLiteral("bob")});
        model.upsert(message(10, 1));
        model.upsert(message(11, 1));
        model.setPeerReceipt(0, 11);
        QCOMPARE(model.index(1).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Delivered));
        model.setPeerReceipt(10, 11);
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Read));
        QCOMPARE(model.index(1).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Delivered));
        model.setPeerReceipt(5, 5); // never backwards
        QCOMPARE(model.index(0).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Read));
    }

    void olderPagesArePrependedInOrder()
    {
        MessageListModel model;
        model.open(7, User{1, QStringLiteral("me")}, User{2, QStringLiteral("bob")});
        model.upsert(message(20, 2));
        model.upsert(message(21, 1));
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        model.prependPage({message(19, 2), message(18, 1), message(17, 2)}); // newest first
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(inserts.count(), 1);
        QCOMPARE(inserts.first().at(1).toInt(), 0);
        QCOMPARE(inserts.first().at(2).toInt(), 2);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(model.index(i).data(MessageListModel::IdRole).toLongLong(), 17 + i);
        QCOMPARE(model.oldestId(), 17);
        QCOMPARE(model.newestId(), 21);
        // Messages of other conversations never show up.
        model.upsert(message(30, 2, 1764000000000, 8));
        QCOMPARE(model.rowCount(), 5);
    }

    void dayChangesAreFlagged()
    {
        MessageListModel model;
        model.open(7, User{1, QStringLiteral("me")}, User{2, QStringLiteral("bob")});
        const qint64 day = 24 * 3600 * 1000;
        const qint64 noon = QDateTime(QDate(2026, 11, 20), QTime(12, 0)).toMSecsSinceEpoch();
        model.upsert(message(1, 2, noon));
        model.upsert(message(2, 2, noon + 60'000));
        model.upsert(message(3, 2, noon + day));
        QVERIFY(model.index(0).data(MessageListModel::StartsNewDayRole).toBool());
        QVERIFY(!model.index(1).data(MessageListModel::StartsNewDayRole).toBool());
        QVERIFY(model.index(2).data(MessageListModel::StartsNewDayRole).toBool());
    }

    void conversationsSortByActivityAndCountUnread()
    {
        ConversationListModel model;
        model.setSelf(1);
        Conversation a;
        a.id = 7;
        a.peer = User{2, QStringLiteral("bob")};
        a.lastActivity = 100;
        Conversation b;
        b.id = 8;
        b.peer = User{3, QStringLiteral("carol")};
        b.lastActivity = 200;
        model.setConversations({a, b});
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), 8);
        QSignalSpy total(&model, &ConversationListModel::unreadTotalChanged);
        QVERIFY(model.applyMessage(message(50, 2, 300, 7), true));
        QCOMPARE(model.index(0).data(ConversationListModel::IdRole).toLongLong(), 7);
        QCOMPARE(model.index(0).data(ConversationListModel::UnreadRole).toInt(), 1);
        QCOMPARE(model.unreadTotal(), 1);
        QCOMPARE(total.count(), 1);
        QCOMPARE(model.index(0).data(ConversationListModel::LastMessageTextRole).toString(),
                 QStringLiteral("m50"));
        model.applyReceipt(Receipt{7, 1, 50, 50, 60});
        QCOMPARE(model.unreadTotal(), 0);
        QVERIFY(!model.applyMessage(message(51, 2, 300, 99), true)); // unknown conversation
        Message own = message(52, 1, 400, 8);
        QVERIFY(model.applyMessage(own, true));
        QCOMPARE(model.index(0).data(ConversationListModel::LastMessageTextRole).toString(),
                 QStringLiteral("You: m52"));
        QCOMPARE(model.unreadTotal(), 0); // own messages are never unread
    }
    // The kind of a file goes by the server's sniffed type, refined by a name that says a
    // narrower type of the same bytes; a name never turns one kind of bytes into another.
    void fileKindsGoByTheBytesThenTheName_data()
    {
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QString>("name");
        QTest::addColumn<FileKind>("kind");
        QTest::newRow("png") << "image/png"
                             << "a.png" << FileKind::Image;
        QTest::newRow("docx is a zip") << "application/zip"
                                       << "report.docx" << FileKind::Document;
        QTest::newRow("xlsx is a zip") << "application/zip"
                                       << "table.xlsx" << FileKind::Spreadsheet;
        QTest::newRow("zip") << "application/zip"
                             << "photos.zip" << FileKind::Archive;
        QTest::newRow("script is text") << "text/plain"
                                        << "install.sh" << FileKind::Program;
        QTest::newRow("notes") << "text/plain"
                               << "notes.txt" << FileKind::Document;
        QTest::newRow("pdf") << "application/pdf"
                             << "x" << FileKind::Document;
        QTest::newRow("unknown bytes, video name") << "application/octet-stream"
                                                   << "movie.mkv" << FileKind::Video;
        QTest::newRow("mp3") << "audio/mpeg"
                             << "song.mp3" << FileKind::Audio;
        QTest::newRow("unknown") << "application/octet-stream"
                                 << "data.bin" << FileKind::Other;
        QTest::newRow("png named .exe") << "image/png"
                                        << "evil.exe" << FileKind::Image;
        QTest::newRow("program named .png") << "application/x-executable"
                                            << "cute.png" << FileKind::Program;
    }

    void fileKindsGoByTheBytesThenTheName()
    {
        QFETCH(QString, mime);
        QFETCH(QString, name);
        QFETCH(FileKind, kind);
        QCOMPARE(fileKindOf(mime, name), kind);
    }

    // A file message in the conversation list: its kind's symbol and its caption, or its
    // name when it has none.
    void fileMessagesPreviewWithTheirKind()
    {
        ConversationListModel model;
        model.setSelf(1);
        Conversation a;
        a.id = 7;
        a.peer = User{2, QStringLiteral("bob")};
        model.setConversations({a});
        Message file = message(50, 2, 300, 7);
        file.content.clear();
        file.file = FileInfo{QString(32, u'a'), QStringLiteral("minutes.pdf"), 1000,
                             QStringLiteral("application/pdf"), QString(64, u'b')};
        QVERIFY(model.applyMessage(file, true));
        QCOMPARE(model.index(0).data(ConversationListModel::LastMessageTextRole).toString(),
                 QStringLiteral("📄 minutes.pdf"));
        Message photo = message(51, 1, 400, 7);
        photo.content = QStringLiteral("the view");
        photo.file = FileInfo{QString(32, u'c'), QStringLiteral("view.jpg"), 1000,
                              QStringLiteral("image/jpeg"), QString(64, u'd')};
        QVERIFY(model.applyMessage(photo, true));
        QCOMPARE(model.index(0).data(ConversationListModel::LastMessageTextRole).toString(),
                 QStringLiteral("You: 🖼️ the view"));
    }
};

QTEST_GUILESS_MAIN(TestClientModels)
#include "tst_clientmodels.moc"
