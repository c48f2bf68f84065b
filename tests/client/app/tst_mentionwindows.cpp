// Mentions in the real windows against the real server in-process: `@` in the compose box
// offers the group's other members, filtered as one types, chosen with the keyboard; a
// mention of the reader is marked in the bubble; the conversation list shows an "@" badge
// while it is unread; a mention notifies even in a muted group.
#include "chatheader.h"
#include "composebox.h"
#include "conversationlistdelegate.h"
#include "groupui.h"
#include "mentioncompleter.h"
#include "mentionmarks.h"
#include "mentiontracker.h"
#include "mentionui.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "mutestore.h"
#include "sidebar.h"
#include "testprofiles.h"
#include "windowperson.h"

#include <QListWidget>
#include <QToolButton>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

qint64 idOf(const Person &p)
{
    return p.client->session().currentUser().id;
}

QStringList shown(const MentionCompleter *completer)
{
    QStringList out;
    if (!completer->isShown())
        return out;
    for (int i = 0; i < completer->popup()->count(); ++i)
        out.append(completer->popup()->item(i)->data(Qt::UserRole).toString());
    return out;
}

// Pixels of the mention mark's colour in the bubble of `row` of the open conversation.
int markedPixels(const Person &p, int row)
{
    MessageView *view = p.window->messageView();
    const QModelIndex index = p.messages()->index(row);
    view->scrollTo(index);
    const QRect bubble = view->bubbleRect(index);
    const QImage image = view->viewport()->grab(bubble).toImage();
    const QRgb mark = mentionMarkColour(view->palette()).rgb();
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            n += (image.pixel(x, y) | 0xff000000) == (mark | 0xff000000) ? 1 : 0;
    }
    return n;
}

} // namespace

class TestMentionWindows : public QObject, private PeopleInWindows
{
    Q_OBJECT

    // Alice creates "Lunch" with bob and carol; every member has it in their list.
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
        }
        return group;
    }

    static bool openIn(Person &p, qint64 conversationId)
    {
        p.client->conversations().openConversation(conversationId);
        return QTest::qWaitFor(
            [&]() { return p.client->conversations().openConversationId() == conversationId; },
            5000);
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void matchesStartFirstThenContain()
    {
        const QStringList names{QStringLiteral("Zed"), QStringLiteral("carol"),
                                QStringLiteral("bob"), QStringLiteral("acab")};
        QCOMPARE(MentionCompleter::matches(names, QString()),
                 (QStringList{QStringLiteral("acab"), QStringLiteral("bob"),
                              QStringLiteral("carol"), QStringLiteral("Zed")}));
        QCOMPARE(MentionCompleter::matches(names, QStringLiteral("CA")),
                 (QStringList{QStringLiteral("carol"), QStringLiteral("acab")}));
        QCOMPARE(MentionCompleter::matches(names, QStringLiteral("q")), QStringList{});
    }

    void atOffersTheMembersAndEnterOrTabInsertsOne()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        QVERIFY(openIn(alice, group));
        MentionCompleter *completer = alice.window->mentionUi()->completer();
        QTRY_COMPARE_WITH_TIMEOUT(completer->names().size(), 2, 5000); // not alice herself
        ComposeBox *box = alice.window->composeBox();
        box->setFocus();
        const int before = alice.messages()->rowCount();

        QTest::keyClicks(box, QStringLiteral("hi @"));
        QCOMPARE(shown(completer), (QStringList{QStringLiteral("bob"), QStringLiteral("carol")}));
        QVERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->popup()->item(0)->text(), QStringLiteral("@bob"));
        // Above the compose box, inside the window.
        QVERIFY(completer->popup()->geometry().bottom() <
                box->mapTo(completer->popup()->parentWidget(), QPoint(0, 0)).y());
        QTest::keyClicks(box, QStringLiteral("C"));
        QCOMPARE(shown(completer), QStringList{QStringLiteral("carol")});
        QTest::keyClick(box, Qt::Key_Backspace);
        QCOMPARE(shown(completer), (QStringList{QStringLiteral("bob"), QStringLiteral("carol")}));
        QCOMPARE(completer->popup()->currentItem()->data(Qt::UserRole).toString(),
                 QStringLiteral("bob"));
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(completer->popup()->currentItem()->data(Qt::UserRole).toString(),
                 QStringLiteral("carol"));
        QTest::keyClick(box, Qt::Key_Down); // wraps around
        QTest::keyClick(box, Qt::Key_Up);
        QCOMPARE(completer->popup()->currentItem()->data(Qt::UserRole).toString(),
                 QStringLiteral("carol"));
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(box->toPlainText(), QStringLiteral("hi @carol "));
        QVERIFY(!completer->isShown());
        QCOMPARE(alice.messages()->rowCount(), before); // Enter chose, it did not send

        QTest::keyClicks(box, QStringLiteral("and @b"));
        QCOMPARE(shown(completer), QStringList{QStringLiteral("bob")});
        QTest::keyClick(box, Qt::Key_Tab);
        QCOMPARE(box->toPlainText(), QStringLiteral("hi @carol and @bob "));

        // Esc closes the list for this `@`; nobody matching: no list either.
        QTest::keyClicks(box, QStringLiteral("@"));
        QVERIFY(completer->isShown());
        QTest::keyClick(box, Qt::Key_Escape);
        QVERIFY(!completer->isShown());
        QTest::keyClicks(box, QStringLiteral("b"));
        QVERIFY(!completer->isShown());
        QTest::keyClicks(box, QStringLiteral(" @zz"));
        QVERIFY(!completer->isShown());

        // With the list closed, Enter sends.
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(alice.messages()->rowCount(), before + 1, 5000);
        QCOMPARE(alice.text(before), QStringLiteral("hi @carol and @bob @b @zz"));

        // A 1:1 conversation has nobody to offer.
        alice.client->conversations().startConversationWith(idOf(bob), QStringLiteral("bob"));
        QTRY_VERIFY_WITH_TIMEOUT(completer->names().isEmpty(), 5000);
        box->clear();
        QTest::keyClicks(box, QStringLiteral("@"));
        QVERIFY(!completer->isShown());
    }

    void mentionOfTheReaderIsMarkedInTheBubble()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        QVERIFY(openIn(alice, group));
        QVERIFY(openIn(bob, group));
        bob.client->conversations().sendMessage(QStringLiteral("@Alice lunch at noon?"));
        bob.client->conversations().sendMessage(QStringLiteral("mail alice@example.org, @carol"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.messages()->rowCount(), 3, 5000); // with the system line
        alice.client->conversations().sendMessage(QStringLiteral("@alice is me"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.messages()->rowCount(), 4, 5000);
        QCOMPARE(alice.text(1), QStringLiteral("@Alice lunch at noon?"));
        QCOMPARE(alice.text(3), QStringLiteral("@alice is me"));
        QCOMPARE(alice.window->messageView()->bubbleDelegate()->mentionName(),
                 QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(markedPixels(alice, 1) > 50, 5000);
        QCOMPARE(markedPixels(alice, 2), 0); // an e-mail address, someone else's name
        QCOMPARE(markedPixels(alice, 3), 0); // her own message
        // In carol's window the first is not about her, the second is.
        QVERIFY(openIn(carol, group));
        QTRY_COMPARE_WITH_TIMEOUT(carol.messages()->rowCount(), 4, 5000);
        QCOMPARE(markedPixels(carol, 1), 0);
        QVERIFY(markedPixels(carol, 2) > 50);
    }

    void unreadMentionShowsTheAtBadgeUntilRead()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        // Alice is elsewhere: in a 1:1 conversation with carol.
        alice.client->conversations().startConversationWith(idOf(carol), QStringLiteral("carol"));
        alice.client->conversations().sendMessage(QStringLiteral("hey"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.client->conversations().openConversationId() > 0 &&
                                     alice.client->conversations().openConversationId() != group,
                                 5000);
        ConversationListDelegate *badges = alice.window->sidebar()->conversationDelegate();
        MentionTracker *tracker = alice.window->mentionUi()->tracker();
        QVERIFY(openIn(bob, group));
        bob.client->conversations().sendMessage(QStringLiteral("no mention"));
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->conversations().list()->find(group)->unread, 1,
                                  5000);
        QVERIFY(!badges->isMentioned(group));
        bob.client->conversations().sendMessage(QStringLiteral("@alice here?"));
        QTRY_VERIFY_WITH_TIMEOUT(badges->isMentioned(group), 5000);
        QVERIFY(tracker->hasUnreadMention(group));
        QCOMPARE(alice.client->conversations().list()->find(group)->unread, 2);
        // Someone else's mention is no badge of hers.
        QVERIFY(!bob.window->sidebar()->conversationDelegate()->isMentioned(group));

        // Read: the badge goes.
        QVERIFY(openIn(alice, group));
        QTRY_COMPARE_WITH_TIMEOUT(alice.messages()->rowCount(), 3, 5000);
        alice.client->conversations().markOpenConversationRead();
        QTRY_VERIFY_WITH_TIMEOUT(!badges->isMentioned(group), 5000);
        QCOMPARE(alice.client->conversations().list()->find(group)->unread, 0);
    }

    void anEditAddsOrTakesAwayTheMention()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        alice.client->conversations().startConversationWith(idOf(carol), QStringLiteral("carol"));
        alice.client->conversations().sendMessage(QStringLiteral("hey"));
        QTRY_VERIFY_WITH_TIMEOUT(alice.client->conversations().openConversationId() > 0 &&
                                     alice.client->conversations().openConversationId() != group,
                                 5000);
        MentionTracker *tracker = alice.window->mentionUi()->tracker();
        QVERIFY(openIn(bob, group));
        bob.client->conversations().sendMessage(QStringLiteral("who books?"));
        QTRY_VERIFY_WITH_TIMEOUT(
            bob.messages()->rowCount() == 2 &&
                bob.messages()->index(1).data(MessageListModel::IdRole).toLongLong() > 0,
            5000);
        const qint64 id = bob.messages()->index(1).data(MessageListModel::IdRole).toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->conversations().list()->find(group)->unread, 1,
                                  5000); // the system line is hers
        QVERIFY(!tracker->hasUnreadMention(group));
        bob.client->conversations().editMessage(id, QStringLiteral("who books? @alice?"));
        QTRY_VERIFY_WITH_TIMEOUT(tracker->hasUnreadMention(group), 5000);
        bob.client->conversations().deleteMessage(id, true);
        QTRY_VERIFY_WITH_TIMEOUT(!tracker->hasUnreadMention(group), 5000);
    }

    void anUnreadMentionStillShowsAfterARestart()
    {
        QString profile;
        Person alice = signedUp(QStringLiteral("alice"), &profile);
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        // Alice is offline while bob writes: the sync on her return brings his messages.
        alice.client->connection().close();
        QTRY_VERIFY_WITH_TIMEOUT(
            alice.client->session().connectionState() != ConnectionState::Connected, 5000);
        QVERIFY(openIn(bob, group));
        bob.client->conversations().sendMessage(QStringLiteral("@alice are you in?"));
        bob.client->conversations().sendMessage(QStringLiteral("and then something else"));
        const auto revOf = [&](int row) {
            return bob.messages()->index(row).data(MessageListModel::RevisionRole).toLongLong();
        };
        QTRY_VERIFY_WITH_TIMEOUT(bob.messages()->rowCount() == 3 && revOf(2) > 0, 5000);
        alice.client->connection().open(m_server->url());
        QTRY_VERIFY_WITH_TIMEOUT(alice.window->mentionUi()->tracker()->hasUnreadMention(group),
                                 5000);
        QCOMPARE(alice.client->conversations().list()->find(group)->unread, 2);
        // Her sync cursor is past them: the next start's sync does not bring them again, only
        // her cache has them.
        QTRY_VERIFY_WITH_TIMEOUT(alice.settings->lastRev() >= revOf(2), 5000);
        alice.window->close();
        alice.window.reset();
        alice.client.reset();
        alice.settings.reset();

        // The same profile, started again: the messages come from its cache, not the sync.
        Person again;
        again.settings = std::make_unique<ProfileSettings>(profile);
        again.client = std::make_unique<ChatClient>(*again.settings);
        again.window = std::make_unique<MainWindow>(*again.client);
        QSignalSpy ok(&again.client->session(), &SessionController::authenticated);
        again.client->session().signIn(m_server->url(), QStringLiteral("alice"),
                                       QStringLiteral("correct-horse-7"), true);
        QVERIFY(ok.wait(5000));
        again.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(again.window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(
            again.window->sidebar()->conversationDelegate()->isMentioned(group), 5000);
    }

    void mentionNotifiesEvenWhenMuted()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        const qint64 group = createLunch(alice, bob, carol);
        QVERIFY(group > 0);
        QVERIFY(openIn(alice, group));
        QTest::mouseClick(alice.window->groupUi()->muteButton(), Qt::LeftButton);
        QVERIFY(alice.window->groupUi()->mutes()->isMuted(group));
        MentionUi *ui = alice.window->mentionUi();
        QVERIFY(!ui->shouldNotify(group, QStringLiteral("lunch?")));
        QVERIFY(ui->shouldNotify(group, QStringLiteral("@ALICE lunch?")));
        QVERIFY(!ui->shouldNotify(group, QStringLiteral("@alicette lunch?")));
        // Not muted: everything notifies.
        QTest::mouseClick(alice.window->groupUi()->muteButton(), Qt::LeftButton);
        QVERIFY(ui->shouldNotify(group, QStringLiteral("lunch?")));
    }
};

QTEST_MAIN(TestMentionWindows)
#include "tst_mentionwindows.moc"
