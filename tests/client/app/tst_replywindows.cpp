// Replies and reactions in the real windows against the real server in-process: "Reply" in the
// message menu shows "Replying to alice: …" above the compose box (Esc cancels it), the sent
// reply carries the quote to the other window, where a click on the quote jumps to (lights up)
// the original; "React" sets a chip that both windows show, and a click on the chip adds or
// takes back one's own.
#include "composebox.h"
#include "composepanel.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "reactionchips.h"
#include "replyui.h"
#include "testprofiles.h"
#include "windowperson.h"

#include <QAction>
#include <QMenu>
#include <QProcess>
#include <QToolButton>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

const QString kThumbs = QStringLiteral("\U0001F44D");

int rowOf(const Person &p, const QString &text)
{
    for (int row = 0; row < p.messages()->rowCount(); ++row) {
        if (p.text(row) == text)
            return row;
    }
    return -1;
}

QAction *actionNamed(const QList<QAction *> &actions, const QString &name)
{
    for (QAction *a : actions) {
        if (a->text() == name)
            return a;
    }
    return nullptr;
}

QList<ReactionChip> chipsAt(const Person &p, int row)
{
    return extras::chipsOf(p.messages()->index(row));
}

// Opens the only conversation in `p`'s list and waits until `text` is shown.
bool openWith(Person &p, const QString &text)
{
    ConversationController &c = p.client->conversations();
    if (!QTest::qWaitFor([&]() { return c.list()->rowCount() == 1; }, 5000))
        return false;
    c.openConversation(c.list()->index(0).data(ConversationListModel::IdRole).toLongLong());
    return QTest::qWaitFor([&]() { return rowOf(p, text) >= 0; }, 5000);
}

} // namespace

class TestReplyWindows : public QObject, private PeopleInWindows
{
    Q_OBJECT

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void replyFromTheMenuQuotesAndJumps()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("Lunch at noon?"));
        QVERIFY(openWith(bob, QStringLiteral("Lunch at noon?")));

        // Reply, then Esc: the bar goes and nothing is answered.
        const int row = rowOf(bob, QStringLiteral("Lunch at noon?"));
        QList<QAction *> actions = bob.window->messageActions(row);
        QAction *reply = actionNamed(actions, QStringLiteral("Reply"));
        QVERIFY(reply);
        reply->trigger();
        qDeleteAll(actions);
        ReplyUi *ui = bob.window->replyUi();
        QCOMPARE(ui->replyBarText(), QStringLiteral("Replying to alice: Lunch at noon?"));
        QTest::keyClick(bob.window->composeBox(), Qt::Key_Escape);
        QVERIFY(!ui->replyBar()->isVisible());
        QCOMPARE(bob.client->conversations().replyTo(), 0);

        // Ctrl+R replies to the newest message; the reply goes out with its quote.
        bob.window->activateWindow();
        QTRY_VERIFY(bob.window->isActiveWindow());
        QTest::keyClick(bob.window.get(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(ui->replyBarText(), QStringLiteral("Replying to alice: Lunch at noon?"));
        QTest::keyClicks(bob.window->composeBox(), QStringLiteral("Yes, see you there"));
        QTest::keyClick(bob.window->composeBox(), Qt::Key_Return);
        QVERIFY(!ui->replyBar()->isVisible());

        QTRY_VERIFY(rowOf(alice, QStringLiteral("Yes, see you there")) >= 0);
        const QModelIndex answer =
            alice.messages()->index(rowOf(alice, QStringLiteral("Yes, see you there")));
        QTRY_COMPARE(answer.data(MessageListModel::ReplyQuoteRole).toString(),
                     QStringLiteral("alice: Lunch at noon?"));
        const qint64 original = alice.messages()
                                    ->index(rowOf(alice, QStringLiteral("Lunch at noon?")))
                                    .data(MessageListModel::IdRole)
                                    .toLongLong();
        QCOMPARE(answer.data(MessageListModel::ReplyToIdRole).toLongLong(), original);

        // A click on the quote lights the original up.
        MessageView *view = alice.window->messageView();
        const QRect bubble = view->bubbleRect(answer);
        QVERIFY(bubble.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          QPoint(bubble.left() + 30, bubble.top() + 14));
        QTRY_COMPARE(view->bubbleDelegate()->flashedMessage(), original);
    }

    void reactionChipsToggle()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("Cake in the kitchen"));
        QVERIFY(openWith(bob, QStringLiteral("Cake in the kitchen")));
        QTRY_VERIFY(rowOf(alice, QStringLiteral("Cake in the kitchen")) >= 0);
        QTRY_VERIFY(alice.messages()
                        ->index(rowOf(alice, QStringLiteral("Cake in the kitchen")))
                        .data(MessageListModel::IdRole)
                        .toLongLong() > 0);

        // Bob: React, 👍 from the menu.
        const int bobRow = rowOf(bob, QStringLiteral("Cake in the kitchen"));
        QList<QAction *> actions = bob.window->messageActions(bobRow);
        QAction *react = actionNamed(actions, QStringLiteral("React"));
        QVERIFY(react && react->menu());
        QAction *thumbs = actionNamed(react->menu()->actions(), kThumbs);
        QVERIFY(thumbs && !thumbs->isChecked());
        thumbs->trigger();
        qDeleteAll(actions);
        QTRY_COMPARE(chipsAt(bob, bobRow).size(), 1);
        QVERIFY(chipsAt(bob, bobRow).first().mine);

        // Alice sees bob's chip, not hers; a click on it adds hers.
        const int row = rowOf(alice, QStringLiteral("Cake in the kitchen"));
        QTRY_COMPARE(chipsAt(alice, row).size(), 1);
        QCOMPARE(chipsAt(alice, row).first().count, 1);
        QVERIFY(!chipsAt(alice, row).first().mine);
        QCOMPARE(chipsAt(alice, row).first().who, QStringLiteral("bob"));
        MessageView *view = alice.window->messageView();
        const QModelIndex index = alice.messages()->index(row);
        const QRect bubble = view->bubbleRect(index);
        // The chip sits under the bubble, flush right under an own one.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          QPoint(bubble.right() - 8, bubble.bottom() + 10));
        QTRY_COMPARE(chipsAt(alice, row).first().count, 2);
        QVERIFY(chipsAt(alice, row).first().mine);
        QTRY_COMPARE(chipsAt(bob, bobRow).first().count, 2);
        QCOMPARE(chipsAt(bob, bobRow).first().who, QStringLiteral("alice, bob"));

        // Again: taken back.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          QPoint(bubble.right() - 8, bubble.bottom() + 10));
        QTRY_COMPARE(chipsAt(alice, row).first().count, 1);
        QVERIFY(!chipsAt(alice, row).first().mine);
    }

    void newMessagesLineWhereTheReaderLeftOff()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 bobId = bob.client->session().currentUser().id;
        alice.client->conversations().startConversationWith(bobId, QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("read already"));
        QVERIFY(openWith(bob, QStringLiteral("read already")));
        ConversationController &c = bob.client->conversations();
        const qint64 withAlice = c.openConversationId();
        QTRY_COMPARE(c.list()->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);

        // Bob looks at another conversation while alice writes more than fits on a screen.
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(TestClient::isOk(carol->sendTo(bobId, QStringLiteral("hi bob"))));
        QTRY_COMPARE(c.list()->rowCount(), 2);
        for (int i = 0; i < c.list()->rowCount(); ++i) {
            const qint64 id = c.list()->index(i).data(ConversationListModel::IdRole).toLongLong();
            if (id != withAlice)
                c.openConversation(id);
        }
        QTRY_VERIFY(rowOf(bob, QStringLiteral("hi bob")) >= 0);
        for (int i = 0; i < 30; ++i)
            alice.client->conversations().sendMessage(QStringLiteral("new %1").arg(i));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                for (int i = 0; i < c.list()->rowCount(); ++i) {
                    if (c.list()->index(i).data(ConversationListModel::UnreadRole).toInt() == 30)
                        return true;
                }
                return false;
            }(),
            10000);

        c.openConversation(withAlice);
        QTRY_VERIFY(rowOf(bob, QStringLiteral("new 29")) >= 0);
        const int line = rowOf(bob, QStringLiteral("new 0"));
        QVERIFY(line > 0);
        QTRY_VERIFY(bob.messages()->index(line).data(MessageListModel::StartsUnreadRole).toBool());
        QVERIFY(!bob.messages()->index(line - 1).data(MessageListModel::StartsUnreadRole).toBool());
        // The view starts at the line, not the bottom; the jump button counts what is below.
        MessageView *view = bob.window->messageView();
        QTRY_VERIFY(!view->isAtBottom());
        QCOMPARE(view->unseenCount(), 30);
        QTRY_VERIFY(view->newMessagesButton()->isVisible());
        QCOMPARE(view->newMessagesButton()->text(), QStringLiteral("30"));
        QVERIFY(view->bubbleRect(bob.messages()->index(line)).top() <
                view->viewport()->height() / 2);
    }

    // A reply, reactions and the "New messages" line in one window, as docs/screenshot-
    // replies.png shows them. With NATTER_SCREENSHOT=FILE (under xvfb-run, not offscreen) the
    // window is captured there with ImageMagick's import.
    void replyReactionsAndNewMessagesTogether()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 bobId = bob.client->session().currentUser().id;
        alice.client->conversations().startConversationWith(bobId, QStringLiteral("bob"));
        alice.client->conversations().sendMessage(
            QStringLiteral("Is the printer on floor 2 working?"));
        QVERIFY(openWith(bob, QStringLiteral("Is the printer on floor 2 working?")));
        ConversationController &c = bob.client->conversations();
        const qint64 withAlice = c.openConversationId();
        c.markOpenConversationRead(); // (under xvfb the window may not be the active one)
        QTRY_COMPARE(c.list()->index(0).data(ConversationListModel::UnreadRole).toInt(), 0);
        c.setReplyTo(bob.messages()->index(0).data(MessageListModel::IdRole).toLongLong());
        c.sendMessage(QStringLiteral("No, it is jammed again. I called the help desk."));
        QTRY_VERIFY(
            rowOf(alice, QStringLiteral("No, it is jammed again. I called the help desk.")) >= 0);
        const int answer =
            rowOf(alice, QStringLiteral("No, it is jammed again. I called the help desk."));
        QTRY_VERIFY(alice.messages()->index(answer).data(MessageListModel::IdRole).toLongLong() >
                    0);
        const qint64 answerId =
            alice.messages()->index(answer).data(MessageListModel::IdRole).toLongLong();
        alice.client->reactions().react(answerId, kThumbs, true);
        alice.client->reactions().react(answerId, QStringLiteral("\U0001F622"), true);
        QTRY_COMPARE(chipsAt(bob, 1).size(), 2);
        bob.client->reactions().react(answerId, kThumbs, true);
        QTRY_COMPARE(chipsAt(bob, 1).first().count, 2);

        // Bob looks elsewhere; alice writes on.
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(TestClient::isOk(carol->sendTo(bobId, QStringLiteral("Coffee?"))));
        QTRY_COMPARE(c.list()->rowCount(), 2);
        for (int i = 0; i < c.list()->rowCount(); ++i) {
            const qint64 id = c.list()->index(i).data(ConversationListModel::IdRole).toLongLong();
            if (id != withAlice)
                c.openConversation(id);
        }
        QTRY_VERIFY(rowOf(bob, QStringLiteral("Coffee?")) >= 0);
        alice.client->conversations().sendMessage(QStringLiteral("Thanks! Lunch at 12?"));
        alice.client->conversations().sendMessage(
            QStringLiteral("The café downstairs has soup today"));
        QTRY_VERIFY_WITH_TIMEOUT(
            c.list()->index(0).data(ConversationListModel::UnreadRole).toInt() == 2 ||
                c.list()->index(1).data(ConversationListModel::UnreadRole).toInt() == 2,
            5000);
        c.openConversation(withAlice);
        QTRY_VERIFY(rowOf(bob, QStringLiteral("The café downstairs has soup today")) >= 0);
        const int line = rowOf(bob, QStringLiteral("Thanks! Lunch at 12?"));
        QVERIFY(bob.messages()->index(line).data(MessageListModel::StartsUnreadRole).toBool());
        QCOMPARE(bob.messages()->index(1).data(MessageListModel::ReplyQuoteRole).toString(),
                 QStringLiteral("alice: Is the printer on floor 2 working?"));

        const QString shot = qEnvironmentVariable("NATTER_SCREENSHOT");
        if (shot.isEmpty())
            return;
        bob.window->resize(760, 560);
        bob.window->raise();
        QTest::qWait(800);
        QCOMPARE(QProcess::execute(
                     QStringLiteral("import"),
                     {QStringLiteral("-window"), QString::number(bob.window->winId()), shot}),
                 0);
    }
};

QTEST_MAIN(TestReplyWindows)
#include "tst_replywindows.moc"
