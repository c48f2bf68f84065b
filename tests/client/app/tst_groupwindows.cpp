// Groups in the real windows against the real server in-process: Ctrl+N's dialog says what
// is wrong in words (no name, too long, nobody picked, the server's refusal) and creates the
// group, which opens with its size and who is online in the header; system lines are drawn
// centred with no bubble, others' messages carry their sender's name, the list previews say
// who wrote; several members typing are summed up; a removed member's compose box is disabled
// with the reason.
#include "chatheader.h"
#include "composebox.h"
#include "composepanel.h"
#include "groupui.h"
#include "memberspanel.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "mutestore.h"
#include "newgroupdialog.h"
#include "testprofiles.h"
#include "typingindicator.h"
#include "windowperson.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

qint64 idOf(const Person &p)
{
    return p.client->session().currentUser().id;
}

int rowTitled(const Person &p, const QString &title)
{
    ConversationListModel *list = p.client->conversations().list();
    for (int i = 0; i < list->rowCount(); ++i) {
        if (list->index(i).data(ConversationListModel::PeerNameRole).toString() == title)
            return i;
    }
    return -1;
}

// Ticks the person called `name` in the dialog's list; false when not listed.
bool pick(NewGroupDialog *dialog, const QString &name)
{
    for (int i = 0; i < dialog->results()->count(); ++i) {
        if (dialog->results()->item(i)->text() == name) {
            dialog->results()->item(i)->setCheckState(Qt::Checked);
            return true;
        }
    }
    return false;
}

} // namespace

class TestGroupWindows : public QObject, private PeopleInWindows
{
    Q_OBJECT

    // Alice creates "Lunch" with bob and carol through her window; it is open in hers.
    qint64 createLunch(Person &alice, Person &bob, Person &carol)
    {
        alice.window->groupUi()->newGroupAction()->trigger();
        NewGroupDialog *dialog = alice.window->groupUi()->dialog();
        if (!QTest::qWaitForWindowExposed(dialog))
            return 0;
        dialog->nameEdit()->setText(QStringLiteral("Lunch"));
        if (!QTest::qWaitFor([&]() { return dialog->results()->count() >= 2; }, 5000))
            return 0;
        if (!pick(dialog, QStringLiteral("bob")) || !pick(dialog, QStringLiteral("carol")))
            return 0;
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&]() { return !dialog->isVisible(); }, 5000))
            return 0;
        for (Person *p : {&alice, &bob, &carol}) {
            if (!QTest::qWaitFor([&]() { return rowTitled(*p, QStringLiteral("Lunch")) >= 0; },
                                 5000))
                return 0;
        }
        if (!QTest::qWaitFor(
                [&]() { return alice.client->conversations().openConversationId() > 0; }, 5000))
            return 0;
        return alice.client->conversations().openConversationId();
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void newGroupDialogSaysWhatIsWrong()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.window->activateWindow();
        QTRY_VERIFY(alice.window->isActiveWindow());
        QTest::keyClick(alice.window.get(), Qt::Key_N, Qt::ControlModifier);
        NewGroupDialog *dialog = alice.window->groupUi()->dialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        QSignalSpy created(&alice.client->groups(), &GroupController::groupCreated);

        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QCOMPARE(dialog->errorText(), QStringLiteral("Give the group a name."));
        dialog->nameEdit()->setText(QString(65, QLatin1Char('x')));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QCOMPARE(dialog->errorText(),
                 QStringLiteral("The name is too long: at most 64 characters."));
        dialog->nameEdit()->setText(QStringLiteral("Lunch"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QCOMPARE(dialog->errorText(),
                 QStringLiteral("Pick at least one person to be in the group with you."));

        // The directory lists the others, not the creator.
        QTRY_VERIFY_WITH_TIMEOUT(pick(dialog, QStringLiteral("bob")), 5000);
        QVERIFY(!pick(dialog, QStringLiteral("alice")));
        // A control character: the server refuses, and the dialog says so and stays open.
        dialog->nameEdit()->setText(QStringLiteral("Lu\x01nch"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->errorText().startsWith(QStringLiteral("The server refused: ")), 5000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(created.count(), 0);
    }

    void createdGroupOpensWithItsSizeAndWhoIsOnline()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        QVERIFY(alice.window->isChatShown());
        QCOMPARE(alice.window->chatHeader()->peerName(), QStringLiteral("Lunch"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.window->chatHeader()->statusText(),
                                  QStringLiteral("3 members, 3 online"), 5000);
        // Renamed by its admin: every member's header and list follow.
        bob.client->conversations().openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(bob.window->chatHeader()->peerName(), QStringLiteral("Lunch"),
                                  5000);
        alice.client->groups().renameGroup(group, QStringLiteral("Dinner"));
        QTRY_COMPARE_WITH_TIMEOUT(bob.window->chatHeader()->peerName(), QStringLiteral("Dinner"),
                                  5000);
        QVERIFY(rowTitled(bob, QStringLiteral("Dinner")) >= 0);
    }

    void systemLinesAreCentredAndOthersBubblesNamed()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        MessageView *view = alice.window->messageView();
        QVERIFY(view->bubbleDelegate()->showsSenderNames());
        QTRY_VERIFY_WITH_TIMEOUT(alice.messages()->rowCount() >= 1, 5000);
        const QModelIndex line = alice.messages()->index(0);
        QCOMPARE(line.data(MessageListModel::IsSystemRole), QVariant(true));
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.rect = QRect(QPoint(0, 0), QSize(view->viewport()->width(), 100));
        const QModelIndex viewIndex = view->model()->index(0, 0);
        const QRect pill = view->bubbleDelegate()->bubbleRect(option, viewIndex);
        QVERIFY(pill.width() > 0);
        QVERIFY(qAbs(pill.left() - (option.rect.width() - pill.right())) <= 2); // centred

        bob.client->conversations().openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations().openConversationId(), group, 5000);
        bob.client->conversations().sendMessage(QStringLiteral("pizza?"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.messages()->rowCount() >= 2, 5000);
        const int last = alice.messages()->rowCount() - 1;
        QCOMPARE(alice.text(last), QStringLiteral("pizza?"));
        QCOMPARE(alice.messages()->index(last).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("bob"));
        QCOMPARE(alice.client->conversations()
                     .list()
                     ->index(rowTitled(alice, QStringLiteral("Lunch")))
                     .data(ConversationListModel::LastMessageTextRole)
                     .toString(),
                 QStringLiteral("bob: pizza?"));
        // A 1:1 conversation shows no names on bubbles.
        bob.client->conversations().startConversationWith(idOf(alice), QStringLiteral("alice"));
        alice.client->conversations().startConversationWith(idOf(bob), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->bubbleDelegate()->showsSenderNames(), 5000);
    }

    void severalMembersTypingAreSummedUp()
    {
        QCOMPARE(GroupUi::typingText({}), QString());
        QCOMPARE(GroupUi::typingText({QStringLiteral("bob")}), QStringLiteral("bob is typing…"));
        QCOMPARE(GroupUi::typingText({QStringLiteral("carol"), QStringLiteral("bob")}),
                 QStringLiteral("bob and carol are typing…"));
        QCOMPARE(
            GroupUi::typingText({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}),
            QStringLiteral("3 people are typing…"));

        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        for (Person *p : {&bob, &carol}) {
            p->client->conversations().openConversation(group);
            QTRY_COMPARE_WITH_TIMEOUT(p->client->conversations().openConversationId(), group, 5000);
            p->client->typing().setTyping(true);
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.window->typingIndicator()->text(),
                                  QStringLiteral("bob and carol are typing…"), 5000);
        bob.client->conversations().sendMessage(QStringLiteral("here"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.window->typingIndicator()->text(),
                                  QStringLiteral("carol is typing…"), 5000);
    }

    void removedMemberCannotWriteAndIsToldWhy()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        carol.client->conversations().openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(carol.client->conversations().openConversationId(), group, 5000);
        QVERIFY(carol.window->composeBox()->isEnabled());
        alice.client->groups().removeMember(group, idOf(carol));
        QTRY_VERIFY_WITH_TIMEOUT(!carol.window->composeBox()->isEnabled(), 5000);
        QVERIFY(carol.window->composeBox()->placeholderText().contains(QStringLiteral("removed")));
        QCOMPARE(carol.window->chatHeader()->statusText(),
                 QStringLiteral("You are no longer a member"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.window->chatHeader()->statusText(),
                                  QStringLiteral("2 members, 2 online"), 5000);
        // Another conversation: the box is enabled again.
        carol.client->conversations().startConversationWith(idOf(alice), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(carol.window->composeBox()->isEnabled(), 5000);
    }

    void membersPanelManagesTheGroup()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        Person dave = signedUp(QStringLiteral("dave"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        GroupUi *ui = alice.window->groupUi();
        QVERIFY(ui->membersButton()->isVisible());
        QTest::mouseClick(ui->membersButton(), Qt::LeftButton);
        MembersPanel *panel = ui->membersPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 3, 5000);
        QStringList rows;
        for (int i = 0; i < panel->list()->count(); ++i)
            rows.append(panel->list()->item(i)->text());
        QVERIFY(rows.contains(QStringLiteral("alice · admin")));
        QVERIFY(rows.contains(QStringLiteral("bob")));
        QVERIFY(panel->addButton()->isEnabled());
        QVERIFY(!panel->removeButton()->isEnabled()); // nobody selected

        // Remove carol: select her row.
        for (int i = 0; i < panel->list()->count(); ++i) {
            if (panel->list()->item(i)->text() == QStringLiteral("carol"))
                panel->list()->setCurrentRow(i);
        }
        QVERIFY(panel->removeButton()->isEnabled());
        QTest::mouseClick(panel->removeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 2, 5000);
        panel->addByName(QStringLiteral("dave"));
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 3, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(rowTitled(dave, QStringLiteral("Lunch")) >= 0, 5000);
        panel->renameTo(QStringLiteral("Dinner"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.window->chatHeader()->peerName(), QStringLiteral("Dinner"),
                                  5000);

        // Bob is no admin: he may only leave, after saying yes.
        bob.client->conversations().openConversation(group);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations().openConversationId(), group, 5000);
        MembersPanel *bobs = bob.window->groupUi()->membersPanel();
        QTRY_COMPARE_WITH_TIMEOUT(bobs->list()->count(), 3, 5000);
        QVERIFY(!bobs->addButton()->isEnabled());
        QVERIFY(!bobs->renameButton()->isEnabled());
        QVERIFY(bobs->leaveButton()->isEnabled());
        QTest::mouseClick(bobs->leaveButton(), Qt::LeftButton);
        QVERIFY(bobs->leaveQuestion());
        QVERIFY(bob.window->composeBox()->isEnabled()); // not before the answer
        QTest::mouseClick(bobs->leaveQuestion()->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!bob.window->composeBox()->isEnabled(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 2, 5000);
    }

    void ownLastMessageSaysWhoHasSeenIt()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        QLabel *seen = alice.window->groupUi()->seenLabel();
        QVERIFY(!seen->isVisible()); // the newest line is not a message of hers
        alice.client->conversations().sendMessage(QStringLiteral("noon?"));
        QTRY_COMPARE_WITH_TIMEOUT(seen->text(), QStringLiteral("Seen by 0 of 2"), 5000);
        QVERIFY(seen->isVisible());
        bob.client->conversations().openConversation(group);
        QTRY_VERIFY_WITH_TIMEOUT(bob.messages()->rowCount() >= 2, 5000);
        bob.client->conversations().markOpenConversationRead();
        QTRY_COMPARE_WITH_TIMEOUT(seen->text(), QStringLiteral("Seen by 1 of 2"), 5000);
        QCOMPARE(seen->toolTip(), QStringLiteral("bob"));
        // Someone else's message is the newest: the line goes.
        bob.client->conversations().sendMessage(QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(!seen->isVisible(), 5000);
    }

    void ownSystemLineCanOnlyBeHidden()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        QVERIFY(createLunch(alice, bob, carol) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(alice.messages()->rowCount() >= 1, 5000);
        QStringList labels;
        const QList<QAction *> actions = alice.window->messageActions(0);
        for (QAction *a : actions)
            labels.append(a->text());
        qDeleteAll(actions);
        QVERIFY(labels.contains(QStringLiteral("Delete for me")));
        QVERIFY(!labels.contains(QStringLiteral("Edit")));
        QVERIFY(!labels.contains(QStringLiteral("Delete for everyone")));
        // Up in the empty box edits the last message of one's own: the line the server wrote
        // is not one.
        alice.window->composeBox()->setFocus();
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Up);
        QVERIFY(!alice.window->composePanel()->isEditBannerShown());
    }

    void mutedConversationRaisesNoNotificationAndStaysMuted()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        GroupUi *ui = alice.window->groupUi();
        QVERIFY(ui->muteButton()->isVisible());
        QVERIFY(!ui->muteButton()->isChecked());
        QVERIFY(ui->shouldNotify(group));
        QTest::mouseClick(ui->muteButton(), Qt::LeftButton);
        QVERIFY(!ui->shouldNotify(group));
        // Kept in the profile, for this account on this server.
        MuteStore stored(*alice.settings);
        stored.setOwner(alice.settings->serverUrl(), idOf(alice));
        QVERIFY(stored.isMuted(group));
        stored.setOwner(alice.settings->serverUrl(), idOf(bob));
        QVERIFY(!stored.isMuted(group));
        // Another conversation is not muted; back in the group, the button says it is.
        alice.client->conversations().startConversationWith(idOf(bob), QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("psst"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.client->conversations().openConversationId() != group &&
                                     alice.client->conversations().openConversationId() > 0,
                                 5000);
        QVERIFY(!ui->muteButton()->isChecked());
        QVERIFY(ui->shouldNotify(alice.client->conversations().openConversationId()));
        alice.client->conversations().openConversation(group);
        QTRY_VERIFY_WITH_TIMEOUT(ui->muteButton()->isChecked(), 5000);
        QTest::mouseClick(ui->muteButton(), Qt::LeftButton);
        QVERIFY(ui->shouldNotify(group));
    }
};

QTEST_MAIN(TestGroupWindows)
#include "tst_groupwindows.moc"
