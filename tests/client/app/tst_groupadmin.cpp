// Managing a group from the members panel in the real windows against the real server
// in-process: the creator makes a member an admin and takes it back, plain members are not
// offered what they may not do, and members are added by picking them from the directory with
// what is wrong said in words. "Message info" lists who has seen a message.
#include "addmembersdialog.h"
#include "groupui.h"
#include "memberspanel.h"
#include "messageinfodialog.h"
#include "testprofiles.h"
#include "windowperson.h"

#include <QLineEdit>
#include <QListWidget>
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

QStringList rowsOf(const MembersPanel *panel)
{
    QStringList rows;
    for (int i = 0; i < panel->list()->count(); ++i)
        rows.append(panel->list()->item(i)->text());
    rows.sort();
    return rows;
}

bool select(MembersPanel *panel, const QString &prefix)
{
    for (int i = 0; i < panel->list()->count(); ++i) {
        if (panel->list()->item(i)->text().startsWith(prefix)) {
            panel->list()->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QStringList resultsOf(const AddMembersDialog *dialog)
{
    QStringList out;
    for (int i = 0; i < dialog->results()->count(); ++i)
        out.append(dialog->results()->item(i)->text());
    return out;
}

} // namespace

class TestGroupAdmin : public QObject, private PeopleInWindows
{
    Q_OBJECT

    // Alice creates "Lunch" with bob and carol; it is open, with its members panel, in each
    // window.
    qint64 createLunch(Person &alice, Person &bob, Person &carol)
    {
        QSignalSpy created(&alice.client->groups(), &GroupController::groupCreated);
        alice.client->groups().createGroup(QStringLiteral("Lunch"), {idOf(bob), idOf(carol)});
        if (!created.wait(5000))
            return 0;
        const qint64 group = created.at(0).at(0).toLongLong();
        for (Person *p : {&alice, &bob, &carol}) {
            if (!QTest::qWaitFor(
                    [&]() { return p->client->conversations().list()->find(group) != nullptr; },
                    5000))
                return 0;
            p->client->conversations().openConversation(group);
            MembersPanel *panel = p->window->groupUi()->membersPanel();
            if (!QTest::qWaitFor([&]() { return panel->list()->count() == 3; }, 5000))
                return 0;
            QTest::mouseClick(p->window->groupUi()->membersButton(), Qt::LeftButton);
        }
        return group;
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void creatorMakesAndUnmakesAdmins()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        QVERIFY(createLunch(alice, bob, carol) > 0);
        MembersPanel *panel = alice.window->groupUi()->membersPanel();
        MembersPanel *bobs = bob.window->groupUi()->membersPanel();
        MembersPanel *carols = carol.window->groupUi()->membersPanel();
        QVERIFY(panel->isVisible());

        // Plain members are not offered adding, removing, renaming or roles.
        for (MembersPanel *p : {bobs, carols}) {
            QVERIFY(p->isVisible());
            QVERIFY(!p->addButton()->isVisible());
            QVERIFY(!p->removeButton()->isVisible());
            QVERIFY(!p->renameButton()->isVisible());
            QVERIFY(!p->roleButton()->isVisible());
            QVERIFY(p->leaveButton()->isVisible());
        }
        QVERIFY(panel->addButton()->isVisible());
        QVERIFY(panel->roleButton()->isVisible());
        QVERIFY(!panel->roleButton()->isEnabled()); // nobody selected
        QVERIFY(select(panel, QStringLiteral("alice")));
        QVERIFY(!panel->roleButton()->isEnabled()); // not the creator herself

        QVERIFY(select(panel, QStringLiteral("bob")));
        QVERIFY(panel->roleButton()->isEnabled());
        QCOMPARE(panel->roleButton()->text(), QStringLiteral("Make admin"));
        QTest::mouseClick(panel->roleButton(), Qt::LeftButton);
        const QStringList promoted{QStringLiteral("alice · admin"), QStringLiteral("bob · admin"),
                                   QStringLiteral("carol")};
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(panel), promoted, 5000);
        QCOMPARE(panel->roleButton()->text(), QStringLiteral("Remove admin")); // still selected
        // Bob, now an admin, may add, remove and rename; roles stay the creator's.
        QTRY_VERIFY_WITH_TIMEOUT(bobs->addButton()->isVisible(), 5000);
        QCOMPARE(rowsOf(bobs), promoted);
        QVERIFY(bobs->removeButton()->isVisible());
        QVERIFY(bobs->renameButton()->isVisible());
        QVERIFY(!bobs->roleButton()->isVisible());
        QVERIFY(!carols->addButton()->isVisible());

        QTest::mouseClick(panel->roleButton(), Qt::LeftButton);
        const QStringList demoted{QStringLiteral("alice · admin"), QStringLiteral("bob"),
                                  QStringLiteral("carol")};
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(panel), demoted, 5000);
        QCOMPARE(panel->roleButton()->text(), QStringLiteral("Make admin"));
        QTRY_VERIFY_WITH_TIMEOUT(!bobs->addButton()->isVisible(), 5000);
        QCOMPARE(panel->errorText(), QString());
    }

    void membersAreAddedFromTheDirectory()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        Person dave = signedUp(QStringLiteral("dave"));
        Person erin = signedUp(QStringLiteral("erin"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        MembersPanel *panel = alice.window->groupUi()->membersPanel();
        QTest::mouseClick(panel->addButton(), Qt::LeftButton);
        AddMembersDialog *dialog = panel->addDialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        // Everyone is listed; members say so and cannot be picked.
        QTRY_VERIFY_WITH_TIMEOUT(resultsOf(dialog).contains(QStringLiteral("dave")), 5000);
        QVERIFY(resultsOf(dialog).contains(QStringLiteral("bob (already a member)")));
        QVERIFY(!dialog->pick(QStringLiteral("bob")));

        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QCOMPARE(dialog->errorText(), QStringLiteral("Pick someone to add."));
        dialog->searchEdit()->setText(QStringLiteral("zzz"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(),
                                  QStringLiteral("Nobody on this server matches “zzz”."), 5000);
        dialog->searchEdit()->setText(QStringLiteral("da"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->pick(QStringLiteral("dave")), 5000);
        QCOMPARE(dialog->errorText(), QString());
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 4, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(dave.client->conversations().list()->find(group) != nullptr, 5000);

        // The server's refusal, in words: bob opens the dialog as an admin and is demoted
        // before he adds erin.
        alice.client->groups().setRole(group, idOf(bob), GroupRole::Admin);
        MembersPanel *bobs = bob.window->groupUi()->membersPanel();
        QTRY_VERIFY_WITH_TIMEOUT(bobs->addButton()->isVisible(), 5000);
        QTest::mouseClick(bobs->addButton(), Qt::LeftButton);
        AddMembersDialog *bobsDialog = bobs->addDialog();
        QTRY_VERIFY_WITH_TIMEOUT(bobsDialog->pick(QStringLiteral("erin")), 5000);
        alice.client->groups().setRole(group, idOf(bob), GroupRole::Member);
        QTRY_VERIFY_WITH_TIMEOUT(!bobs->addButton()->isVisible(), 5000);
        QTest::mouseClick(bobsDialog->addButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            bobsDialog->errorText().startsWith(QStringLiteral("The server refused: ")), 5000);
        QVERIFY(bobsDialog->isVisible());
        QVERIFY(erin.client->conversations().list()->find(group) == nullptr);
    }

    void messageInfoListsWhoHasSeenIt()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        alice.client->conversations().sendMessage(QStringLiteral("noon?"));
        QTRY_VERIFY_WITH_TIMEOUT(
            alice.messages()->rowCount() == 2 &&
                alice.messages()->index(1).data(MessageListModel::IdRole).toLongLong() > 0,
            5000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.messages()->rowCount(), 2, 5000);
        bob.client->conversations().markOpenConversationRead();

        // The system line has no info; the message has.
        const auto labels = [&](int row) {
            QStringList out;
            const QList<QAction *> actions = alice.window->messageActions(row);
            for (QAction *a : actions)
                out.append(a->text());
            qDeleteAll(actions);
            return out;
        };
        QVERIFY(!labels(0).contains(QStringLiteral("Message info")));
        QList<QAction *> actions = alice.window->messageActions(1);
        QAction *info = nullptr;
        for (QAction *a : actions)
            info = a->text() == QStringLiteral("Message info") ? a : info;
        QVERIFY(info);
        info->trigger();
        qDeleteAll(actions);
        MessageInfoDialog *dialog = alice.window->messageInfo();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->summary(), QStringLiteral("Seen by 1 of 2"), 5000);
        QCOMPARE(dialog->seenList()->count(), 1);
        QCOMPARE(dialog->seenList()->item(0)->text(), QStringLiteral("bob"));
        QCOMPARE(dialog->unseenList()->count(), 1);
        QVERIFY(dialog->unseenList()->item(0)->text().startsWith(QStringLiteral("carol")));
        // Carol reads: the open dialog follows.
        QTRY_COMPARE_WITH_TIMEOUT(carol.messages()->rowCount(), 2, 5000);
        carol.client->conversations().markOpenConversationRead();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->summary(), QStringLiteral("Seen by 2 of 2"), 5000);
        QCOMPARE(dialog->unseenList()->count(), 0);
        // A 1:1 conversation's messages have no info.
        alice.client->conversations().startConversationWith(idOf(bob), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 5000);
    }
};

QTEST_MAIN(TestGroupAdmin)
#include "tst_groupadmin.moc"
