// Group conversations in the client core, ChatClient against the real server in-process: a
// created group is listed by its name with its size on every member's client, group_updated
// renames it and marks it left for whoever was removed, previews and bubbles say who wrote,
// system lines are marked as such, and the open group's members come with their names.
#include "chatclientfixture.h"

using namespace natter;
using namespace natter::client;

namespace {

// The row of the conversation titled `title`, or -1.
int rowTitled(ConversationListModel *list, const QString &title)
{
    for (int i = 0; i < list->rowCount(); ++i) {
        if (list->index(i).data(ConversationListModel::PeerNameRole).toString() == title)
            return i;
    }
    return -1;
}

QVariant titled(ConversationListModel *list, const QString &title, int role)
{
    const int row = rowTitled(list, title);
    return row < 0 ? QVariant() : list->index(row).data(role);
}

qint64 idOf(const Person &p)
{
    return p.client->session().currentUser().id;
}

} // namespace

class TestChatClientGroups final : public ChatClientFixture
{
    Q_OBJECT

private slots:
    void createdGroupIsListedByNameOnEveryClient()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        QSignalSpy created(&alice.client->groups(), &GroupController::groupCreated);
        alice.client->groups().createGroup(QStringLiteral("Lunch"), {idOf(bob), idOf(carol)});
        QVERIFY(created.wait(5000));
        for (Person *p : {&alice, &bob, &carol}) {
            ConversationListModel *list = p->client->conversations().list();
            QTRY_VERIFY_WITH_TIMEOUT(rowTitled(list, QStringLiteral("Lunch")) >= 0, 5000);
            QCOMPARE(titled(list, QStringLiteral("Lunch"), ConversationListModel::IsGroupRole),
                     QVariant(true));
            QCOMPARE(titled(list, QStringLiteral("Lunch"), ConversationListModel::MemberCountRole),
                     QVariant(3));
        }
        QCOMPARE(titled(alice.client->conversations().list(), QStringLiteral("Lunch"),
                        ConversationListModel::IsAdminRole),
                 QVariant(true));
        QCOMPARE(titled(bob.client->conversations().list(), QStringLiteral("Lunch"),
                        ConversationListModel::IsAdminRole),
                 QVariant(false));
    }

    void serverRefusalIsReportedInWords()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        QSignalSpy failed(&alice.client->groups(), &GroupController::requestFailed);
        alice.client->groups().createGroup(QStringLiteral("Alone"), {});
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.first().first().toString().isEmpty());
    }

    void renameAndRemovalArriveAsGroupUpdated()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        QSignalSpy created(&alice.client->groups(), &GroupController::groupCreated);
        alice.client->groups().createGroup(QStringLiteral("Lunch"), {idOf(bob), idOf(carol)});
        QVERIFY(created.wait(5000));
        const qint64 group = created.first().first().toLongLong();
        ConversationListModel *bobs = bob.client->conversations().list();
        ConversationListModel *carols = carol.client->conversations().list();
        QTRY_VERIFY_WITH_TIMEOUT(rowTitled(bobs, QStringLiteral("Lunch")) >= 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(rowTitled(carols, QStringLiteral("Lunch")) >= 0, 5000);

        alice.client->groups().renameGroup(group, QStringLiteral("Dinner"));
        QTRY_VERIFY_WITH_TIMEOUT(rowTitled(bobs, QStringLiteral("Dinner")) >= 0, 5000);
        QCOMPARE(rowTitled(bobs, QStringLiteral("Lunch")), -1);

        alice.client->groups().removeMember(group, idOf(carol));
        QTRY_COMPARE_WITH_TIMEOUT(
            titled(carols, QStringLiteral("Dinner"), ConversationListModel::LeftRole),
            QVariant(true), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            titled(bobs, QStringLiteral("Dinner"), ConversationListModel::MemberCountRole),
            QVariant(2), 5000);
        QCOMPARE(titled(bobs, QStringLiteral("Dinner"), ConversationListModel::LeftRole),
                 QVariant(false));

        bob.client->groups().leaveGroup(group);
        QTRY_COMPARE_WITH_TIMEOUT(
            titled(bobs, QStringLiteral("Dinner"), ConversationListModel::LeftRole), QVariant(true),
            5000);
    }

    void previewsAndBubblesSayWhoWrote()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        QSignalSpy created(&alice.client->groups(), &GroupController::groupCreated);
        alice.client->groups().createGroup(QStringLiteral("Lunch"), {idOf(bob), idOf(carol)});
        QVERIFY(created.wait(5000));
        const qint64 group = created.first().first().toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(
            rowTitled(bob.client->conversations().list(), QStringLiteral("Lunch")) >= 0, 5000);

        // Alice opens the group: its members (with their names) are loaded.
        QSignalSpy members(&alice.client->groups(), &GroupController::membersLoaded);
        alice.client->conversations().openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->groups().members().size(), qsizetype(3), 5000);
        QCOMPARE(alice.client->groups().membersConversationId(), group);
        QCOMPARE(alice.client->groups().onlineCount(), 3);

        MessageListModel *messages = alice.client->conversations().messages();
        QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() >= 1, 5000);
        QCOMPARE(messages->index(0).data(MessageListModel::IsSystemRole), QVariant(true));

        bob.client->conversations().openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations().openConversationId(), group, 5000);
        bob.client->conversations().sendMessage(QStringLiteral("pizza?"));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithText(messages, QStringLiteral("pizza?")) >= 0, 5000);
        const int row = rowWithText(messages, QStringLiteral("pizza?"));
        QCOMPARE(messages->index(row).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("bob"));
        QCOMPARE(messages->index(row).data(MessageListModel::IsSystemRole), QVariant(false));
        QCOMPARE(titled(alice.client->conversations().list(), QStringLiteral("Lunch"),
                        ConversationListModel::LastMessageTextRole)
                     .toString(),
                 QStringLiteral("bob: pizza?"));
    }

    void startingAChatWithTheCreatorDoesNotOpenTheGroup()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        QSignalSpy created(&alice.client->groups(), &GroupController::groupCreated);
        alice.client->groups().createGroup(QStringLiteral("Lunch"), {idOf(bob)});
        QVERIFY(created.wait(5000));
        ConversationListModel *bobs = bob.client->conversations().list();
        QTRY_VERIFY_WITH_TIMEOUT(rowTitled(bobs, QStringLiteral("Lunch")) >= 0, 5000);
        // The group's `peer` is its creator; it is not bob's 1:1 conversation with alice.
        QCOMPARE(bobs->findByPeer(idOf(alice)), nullptr);

        // A 1:1 chat makes them contacts: alice is shown online there, never on the group
        // (whose avatar has no presence), also after the list is fetched again.
        bob.client->conversations().startConversationWith(idOf(alice), QStringLiteral("alice"));
        bob.client->conversations().sendMessage(QStringLiteral("hi"));
        QTRY_VERIFY_WITH_TIMEOUT(bobs->findByPeer(idOf(alice)) != nullptr, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(bob.client->people().isOnline(idOf(alice)), 5000);
        QSignalSpy reset(bobs, &QAbstractItemModel::modelReset);
        bob.client->conversations().refreshConversations();
        QVERIFY(reset.wait(5000));
        QVERIFY(bobs->findByPeer(idOf(alice))->peer.online);
        QCOMPARE(titled(bobs, QStringLiteral("Lunch"), ConversationListModel::PeerOnlineRole),
                 QVariant(false));
    }
};

QTEST_GUILESS_MAIN(TestChatClientGroups)
#include "tst_chatclient_groups.moc"
