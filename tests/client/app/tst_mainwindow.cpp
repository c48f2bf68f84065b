// Two people, two real main windows (offscreen), one in-process server. Everything goes
// through the widgets the way a person uses them: typing and Enter, clicks in the lists,
// context-menu actions, Ctrl+K; and what the other window shows is checked in its model and
// in what its delegate paints.
#include "chatclient.h"
#include "chatheader.h"
#include "composebox.h"
#include "connectionindicator.h"
#include "conversationlistdelegate.h"
#include "edithistorydialog.h"
#include "jumpdialog.h"
#include "mainwindow.h"
#include "messageview.h"
#include "onlinelistview.h"
#include "sidebar.h"
#include "testprofiles.h"
#include "testserver.h"
#include "theme.h"
#include "typingindicator.h"
#include "windowperson.h"

#include <QAbstractButton>
#include <QAction>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::client;

namespace {

QAction *actionNamed(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *a : actions) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

// Answers the next message box that comes up (a modal one runs its own loop) with the button
// whose text is `button`; `asked` receives its title.
void answerNextBox(QObject *context, const QString &button, QString *asked)
{
    auto *poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [poll, button, asked]() {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = box->windowTitle();
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(QLatin1Char('&')) == button)
                b->click();
        }
        poll->deleteLater();
    });
    poll->start(20);
}

bool near(const QColor &a, const QColor &b, int tolerance = 4)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance &&
           qAbs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestMainWindow : public QObject, private PeopleInWindows
{
    Q_OBJECT

private:
    static void activate(Person &p)
    {
        p.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(p.window.get()));
    }

    // Opens the first conversation the way a person does: a click on it.
    static void clickFirstConversation(Person &p)
    {
        QListView *list = p.window->conversationView();
        QTRY_VERIFY(list->model()->rowCount() > 0);
        const QRect rect = list->visualRect(list->model()->index(0, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY(p.window->isChatShown());
    }

    // Starts a conversation with someone who is not a contact yet: what choosing them in the
    // Ctrl+K dialog does (tst_jumpdialog drives that dialog itself).
    static void startConversation(Person &from, const Person &to)
    {
        const User peer = to.client->session().currentUser();
        from.client->conversations().startConversationWith(peer.id, peer.username);
        QTRY_VERIFY(from.window->isChatShown());
    }

    static void type(Person &p, const QString &text)
    {
        QTest::keyClicks(p.window->composeBox(), text);
        QTest::keyClick(p.window->composeBox(), Qt::Key_Return);
    }

    // alice writes `text` to bob; bob opens the conversation.
    void firstMessage(Person &alice, Person &bob, const QString &text)
    {
        startConversation(alice, bob);
        type(alice, text);
        clickFirstConversation(bob);
        QTRY_COMPARE(bob.messages()->rowCount(), 1);
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void aTypedMessageAppearsInTheOtherWindow()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        activate(alice);
        startConversation(alice, bob);
        QCOMPARE(alice.window->chatHeader()->peerName(), QStringLiteral("bob"));
        type(alice, QStringLiteral("hello bob"));
        // Now contacts: each sees the other online.
        QTRY_COMPARE(alice.window->chatHeader()->statusText(), QStringLiteral("online"));
        QTRY_COMPARE(alice.window->onlineView()->model()->rowCount(), 1);
        QTRY_COMPARE(bob.window->onlineView()->model()->rowCount(), 1);
        QCOMPARE(alice.window->composeBox()->toPlainText(), QString());
        QCOMPARE(alice.messages()->rowCount(), 1); // shown at once, pending or sent

        // bob's list shows the new conversation, unread, and his title counts it.
        QListView *list = bob.window->conversationView();
        QTRY_COMPARE(list->model()->rowCount(), 1);
        QTRY_COMPARE(list->model()->index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 1);
        QTRY_COMPARE(bob.window->windowTitle(), QStringLiteral("(1) bob — Natter"));

        clickFirstConversation(bob);
        QTRY_COMPARE(bob.messages()->rowCount(), 1);
        QCOMPARE(bob.text(0), QStringLiteral("hello bob"));
        QVERIFY(!bob.messages()->index(0).data(MessageListModel::IsOwnRole).toBool());

        // What bob's view paints: a bubble on the left, in the colour of others' messages.
        MessageView *view = bob.window->messageView();
        view->doItemsLayout();
        const QRect bubble = view->bubbleRect(bob.messages()->index(0));
        QVERIFY(bubble.left() < view->viewport()->width() / 4);
        const QImage image = view->viewport()->grab().toImage();
        QVERIFY(near(image.pixelColor(bubble.center().x(), bubble.top() + 2),
                     theme::otherBubble(view->palette())));
        // ...and alice's own copy on the right, in the own colour.
        MessageView *mine = alice.window->messageView();
        mine->doItemsLayout();
        const QRect own = mine->bubbleRect(alice.messages()->index(0));
        QVERIFY(own.right() > mine->viewport()->width() * 3 / 4);
        QVERIFY(near(mine->viewport()->grab().toImage().pixelColor(own.center().x(), own.top() + 2),
                     theme::ownBubble(mine->palette())));
    }

    void readReceiptsNeedTheWindowActiveThenUpdateTicksAndBadge()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        activate(alice);
        firstMessage(alice, bob, QStringLiteral("are you there?"));
        // bob's window is not active: the conversation is open but not yet seen.
        QVERIFY(!bob.window->isActiveWindow());
        QTRY_COMPARE(alice.delivery(0), int(DeliveryState::Delivered));
        QTest::qWait(300);
        QCOMPARE(alice.delivery(0), int(DeliveryState::Delivered));
        QCOMPARE(bob.client->conversations().list()->unreadTotal(), 1);
        QCOMPARE(bob.window->windowTitle(), QStringLiteral("(1) bob — Natter"));

        activate(bob);
        QTRY_COMPARE(bob.client->conversations().list()->unreadTotal(), 0);
        QTRY_COMPARE(bob.window->windowTitle(), QStringLiteral("bob — Natter"));
        QTRY_COMPARE(alice.delivery(0), int(DeliveryState::Read));
        QCOMPARE(bob.window->conversationView()->model()->index(0, 0).data(
                     ConversationListModel::UnreadRole),
                 QVariant(0));
    }

    void markupInAMessageIsShownLiterally()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const QString markup = QStringLiteral("<b>bold?</b> &amp; <a href=\"x\">link</a>");
        firstMessage(alice, bob, markup);
        QCOMPARE(bob.text(0), markup);
        // The bubble is as wide as the literal characters need.
        MessageView *view = bob.window->messageView();
        view->doItemsLayout();
        const int literal = QFontMetrics(view->font()).horizontalAdvance(markup);
        QVERIFY(view->bubbleRect(bob.messages()->index(0)).width() >= literal);
        // The conversation list's preview is literal too.
        QCOMPARE(bob.window->conversationView()->model()->index(0, 0).data(
                     ConversationListModel::LastMessageTextRole),
                 QVariant(markup));
    }

    void shiftEnterAddsALineInsteadOfSending()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        startConversation(alice, bob);
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("line one"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("line two"));
        QCOMPARE(alice.window->composeBox()->toPlainText(), QStringLiteral("line one\nline two"));
        QCOMPARE(alice.messages()->rowCount(), 0);
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(alice.messages()->rowCount(), 1);
        QCOMPARE(alice.text(0), QStringLiteral("line one\nline two"));
        clickFirstConversation(bob);
        QTRY_COMPARE(bob.messages()->rowCount(), 1);
        QCOMPARE(bob.text(0), QStringLiteral("line one\nline two"));
    }

    void typingShowsInTheOtherWindowAndVanishes()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        firstMessage(alice, bob, QStringLiteral("first"));
        const qint64 conversation = bob.client->conversations().openConversationId();
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("I am typ"));
        QTRY_COMPARE(bob.window->typingIndicator()->text(), QStringLiteral("alice is typing…"));
        QVERIFY(bob.window->sidebar()->conversationDelegate()->isTyping(conversation));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        QTRY_COMPARE(bob.window->typingIndicator()->text(), QString());
        QVERIFY(!bob.window->sidebar()->conversationDelegate()->isTyping(conversation));
        QTRY_COMPARE(bob.messages()->rowCount(), 2);
        // Clearing the box without sending also ends it.
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("never mind"));
        QTRY_VERIFY(!bob.window->typingIndicator()->text().isEmpty());
        alice.window->composeBox()->selectAll();
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Backspace);
        QTRY_COMPARE(bob.window->typingIndicator()->text(), QString());
    }

    void editAndDeleteFromTheContextMenu()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        firstMessage(alice, bob, QStringLiteral("tpyo"));
        type(alice, QStringLiteral("regret"));
        QTRY_COMPARE(bob.messages()->rowCount(), 2);
        QTRY_VERIFY(alice.messages()->index(1).data(MessageListModel::IdRole).toLongLong() > 0);

        QAction *edit = actionNamed(alice.window->messageActions(0), QStringLiteral("Edit"));
        QVERIFY(edit);
        edit->trigger();
        QCOMPARE(alice.window->composeBox()->toPlainText(), QStringLiteral("tpyo"));
        alice.window->composeBox()->selectAll();
        type(alice, QStringLiteral("typo"));
        QTRY_COMPARE(bob.text(0), QStringLiteral("typo"));
        QVERIFY(bob.messages()->index(0).data(MessageListModel::EditedRole).toBool());
        QVERIFY(!actionNamed(bob.window->messageActions(0), QStringLiteral("Edit"))); // not his
        QVERIFY(!actionNamed(bob.window->messageActions(0), QStringLiteral("Delete for everyone")));

        // The edit history shows the earlier version.
        QAction *history =
            actionNamed(bob.window->messageActions(0), QStringLiteral("Show edit history"));
        QVERIFY(history);
        history->trigger();
        EditHistoryDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = bob.window->findChild<EditHistoryDialog *>()));
        QVERIFY(dialog->plainText().contains(QStringLiteral("tpyo")));
        QVERIFY(dialog->plainText().contains(QStringLiteral("typo")));
        dialog->close();

        QAction *forAll =
            actionNamed(alice.window->messageActions(1), QStringLiteral("Delete for everyone"));
        QVERIFY(forAll);
        QString asked;
        answerNextBox(this, QStringLiteral("Delete for everyone"), &asked);
        forAll->trigger();
        QCOMPARE(asked, QStringLiteral("Delete for everyone?"));
        QTRY_VERIFY(bob.messages()->index(1).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(bob.text(1), QString());

        QAction *forMe =
            actionNamed(bob.window->messageActions(0), QStringLiteral("Delete for me"));
        QVERIFY(forMe);
        forMe->trigger();
        QTRY_COMPARE(bob.messages()->rowCount(), 1);
        QCOMPARE(alice.messages()->rowCount(), 2); // only bob's view lost it
    }

    // Issue 20: "Delete for everyone" took the message from everyone at once, without a word.
    void deleteForEveryoneAsksFirst()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        firstMessage(alice, bob, QStringLiteral("keep me"));
        QTRY_VERIFY(alice.messages()->index(0).data(MessageListModel::IdRole).toLongLong() > 0);
        QAction *forAll =
            actionNamed(alice.window->messageActions(0), QStringLiteral("Delete for everyone"));
        QVERIFY(forAll);
        QString asked;
        answerNextBox(this, QStringLiteral("Cancel"), &asked);
        forAll->trigger();
        QCOMPARE(asked, QStringLiteral("Delete for everyone?"));
        // A round trip to bob and back, so a delete sent anyway would have arrived.
        type(alice, QStringLiteral("and this"));
        QTRY_COMPARE(bob.messages()->rowCount(), 2);
        QVERIFY(!bob.messages()->index(0).data(MessageListModel::DeletedRole).toBool());
        QVERIFY(!alice.messages()->index(0).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(bob.text(0), QStringLiteral("keep me"));
    }

    void upInAnEmptyBoxEditsYourLastMessage()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        firstMessage(alice, bob, QStringLiteral("first"));
        type(alice, QStringLiteral("second"));
        QTRY_VERIFY(alice.messages()->index(1).data(MessageListModel::IdRole).toLongLong() > 0);
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Up);
        QCOMPARE(alice.window->composeBox()->toPlainText(), QStringLiteral("second"));
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("!"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        QTRY_COMPARE(bob.text(1), QStringLiteral("second!"));
    }

    void presenceChangesWhenAClientQuits()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        firstMessage(alice, bob, QStringLiteral("bye soon"));
        QTRY_COMPARE(bob.window->onlineView()->model()->rowCount(), 1);
        QCOMPARE(bob.window->chatHeader()->statusText(), QStringLiteral("online"));
        alice.window.reset();
        alice.client.reset();
        QTRY_COMPARE(bob.window->onlineView()->model()->rowCount(), 0);
        QTRY_COMPARE(bob.window->chatHeader()->statusText(), QStringLiteral("offline"));
        QVERIFY(!bob.window->conversationView()
                     ->model()
                     ->index(0, 0)
                     .data(ConversationListModel::PeerOnlineRole)
                     .toBool());
    }

    void ctrlKJumpsToAConversation()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        activate(alice);
        QTest::keyClick(alice.window.get(), Qt::Key_K, Qt::ControlModifier);
        JumpDialog *jump = alice.window->jumpDialog();
        QTRY_VERIFY(jump->isVisible());
        QTRY_COMPARE(jump->resultCount(), 2); // bob and carol, from the server's directory
        QTest::keyClicks(jump->filterEdit(), QStringLiteral("car"));
        QCOMPARE(jump->resultCount(), 1);
        QTest::keyClick(jump->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(!jump->isVisible());
        QTRY_COMPARE(alice.window->chatHeader()->peerName(), QStringLiteral("carol"));
        type(alice, QStringLiteral("hi carol"));
        QTRY_COMPARE(carol.client->conversations().list()->unreadTotal(), 1);
        QCOMPARE(bob.client->conversations().list()->unreadTotal(), 0);
    }

    void scrollingUpLoadsOlderHistoryWithoutAJump()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        for (int i = 0; i < 70; ++i) {
            alice.client->conversations().sendMessage(QStringLiteral("message %1").arg(i));
            if (i % 20 == 19) // stay inside the request rate limit
                QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 10000);
        bob.window->resize(700, 500);
        clickFirstConversation(bob);
        MessageView *view = bob.window->messageView();
        QTRY_COMPARE(bob.messages()->rowCount(), 50);
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        QTRY_COMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
        QCOMPARE(view->indexAt(QPoint(10, view->viewport()->height() - 20))
                     .data(MessageListModel::TextRole)
                     .toString(),
                 QStringLiteral("message 69"));

        // Scroll to the top as a reader would; note what is there.
        view->verticalScrollBar()->setValue(0);
        const QModelIndex top = view->indexAt(QPoint(10, 10));
        const QString topText = top.data(MessageListModel::TextRole).toString();
        const int topY = view->visualRect(top).top();
        QCOMPARE(topText, QStringLiteral("message 20"));
        QTRY_COMPARE(bob.messages()->rowCount(), 70);
        // The same message is still at the same place on screen.
        const QModelIndex after = view->indexAt(QPoint(10, 10));
        QCOMPARE(after.data(MessageListModel::TextRole).toString(), topText);
        QCOMPARE(view->visualRect(after).top(), topY);
        QCOMPARE(bob.text(0), QStringLiteral("message 0"));
    }

    void offlineSendShowsPendingThenIsDelivered()
    {
        // The database outlives the server so it can come back with everyone's accounts.
        QTemporaryDir dir;
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = dir.filePath(QStringLiteral("natter.db"));
        QVERIFY(m_server->start());
        const quint16 port = m_server->server().port();
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        startConversation(alice, bob);
        type(alice, QStringLiteral("online"));
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);

        m_server.reset();
        ConnectionIndicator *indicator = alice.window->connectionIndicator();
        QTRY_VERIFY(indicator->text().startsWith(QStringLiteral("Offline")));
        QTRY_VERIFY(indicator->text().contains(QStringLiteral("retrying in")) ||
                    indicator->text() == QStringLiteral("Connecting…"));
        type(alice, QStringLiteral("sent while offline"));
        QCOMPARE(alice.messages()->rowCount(), 2);
        QCOMPARE(alice.delivery(1), int(DeliveryState::Pending));

        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = dir.filePath(QStringLiteral("natter.db"));
        m_server->config().port = port;
        QVERIFY(m_server->start());
        QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Connected"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(alice.delivery(1) >= int(DeliveryState::Sent), 10000);
        QCOMPARE(alice.messages()->rowCount(), 2);
        clickFirstConversation(bob);
        QTRY_COMPARE_WITH_TIMEOUT(bob.messages()->rowCount(), 2, 10000);
        QCOMPARE(bob.text(1), QStringLiteral("sent while offline"));
        m_server.reset(); // before `dir` goes away
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
