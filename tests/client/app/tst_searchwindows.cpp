// Message search in the real windows against the real server in-process: Ctrl+Shift+F lists
// hits newest first, filters typed as from:/in: become chips, "Load more" pages; choosing a
// hit opens the conversation at the message, which lights up; scrolling down after such a
// jump loads newer messages and "Jump to latest" the newest page; Ctrl+F finds in the open
// conversation and steps through the hits with Enter / Shift+Enter; Ctrl+K offers a message
// search for what was typed; Ctrl+Home opens a long conversation at its first message.
#include "findbar.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "searchdialog.h"
#include "searchmarks.h"
#include "searchmodel.h"
#include "searchui.h"
#include "testclient.h"
#include "testprofiles.h"
#include "windowperson.h"

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

// `sender` sends each text to `to`; the messages' ids in order.
QList<qint64> sendAll(TestClient &sender, qint64 to, const QStringList &texts)
{
    QList<qint64> ids;
    for (const QString &text : texts) {
        ids.append(sender.sendTo(to, text)
                       .value(QStringLiteral("message"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toInteger());
    }
    return ids;
}

// Fillers, with `special` put at the given (0-based) places.
QStringList history(int count, const QHash<int, QString> &special)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out.append(special.value(i, QStringLiteral("filler %1").arg(i)));
    return out;
}

bool isLoaded(const Person &p, qint64 id)
{
    for (int row = 0; row < p.messages()->rowCount(); ++row) {
        if (p.messages()->index(row).data(MessageListModel::IdRole).toLongLong() == id)
            return true;
    }
    return false;
}

// The message is laid out and at least partly on screen.
bool isOnScreen(const Person &p, qint64 id)
{
    MessageView *view = p.window->messageView();
    for (int row = 0; row < p.messages()->rowCount(); ++row) {
        const QModelIndex index = p.messages()->index(row);
        if (index.data(MessageListModel::IdRole).toLongLong() == id)
            return view->visualRect(index).intersects(view->viewport()->rect());
    }
    return false;
}

// How many pixels of `rect` in `image` have exactly `colour`.
int pixelsOf(const QImage &image, const QRect &rect, const QColor &colour)
{
    int n = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb() ? 1 : 0;
    }
    return n;
}

QModelIndex indexOfId(const Person &p, qint64 id)
{
    for (int row = 0; row < p.messages()->rowCount(); ++row) {
        if (p.messages()->index(row).data(MessageListModel::IdRole).toLongLong() == id)
            return p.messages()->index(row);
    }
    return {};
}

QStringList hitTexts(const SearchDialog *dialog)
{
    QStringList out;
    const SearchModel *model = dialog->model();
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row).data(SearchModel::TextRole).toString());
    return out;
}

} // namespace

class TestSearch : public QObject, private PeopleInWindows
{
    Q_OBJECT

private:
    static SearchDialog *openSearch(Person &p)
    {
        p.window->activateWindow(); // as the window system does when a dialog closes
        [&]() { QTRY_VERIFY(p.window->isActiveWindow()); }();
        QTest::keyClick(p.window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        SearchDialog *dialog = p.window->searchUi()->dialog();
        [&]() { QTRY_VERIFY(dialog->isVisible()); }();
        return dialog;
    }

    static qint64 idOf(const Person &p) { return p.client->session().currentUser().id; }

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void searchEverywhereListsHitsAndOpensTheConversationAtOne()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        auto carol = m_server->user(QStringLiteral("carol"));
        const QList<qint64> ids =
            sendAll(*bob, idOf(alice),
                    history(150, {{3, QStringLiteral("the printer is jammed")},
                                  {100, QStringLiteral("printer fixed")}}));
        sendAll(*carol, idOf(alice), {QStringLiteral("printer <b>at</b> carol's")});
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 2);

        SearchDialog *dialog = openSearch(alice);
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("printer from:bob "));
        // The filter became a chip; the words stay.
        QCOMPARE(dialog->chips().size(), 1);
        QCOMPARE(dialog->chipButtons().size(), 1);
        QCOMPARE(dialog->queryEdit()->text(), QStringLiteral("printer "));
        QTRY_COMPARE(hitTexts(dialog), (QStringList{QStringLiteral("printer fixed"),
                                                    QStringLiteral("the printer is jammed")}));
        QCOMPARE(dialog->model()->index(0).data(SearchModel::ConversationNameRole).toString(),
                 QStringLiteral("bob"));
        // The snippets mark the word, drawn by the delegate.
        QListView *results = dialog->resultView();
        const QImage shown = results->viewport()->grab().toImage();
        const QColor mark = searchMarkColour(results->palette());
        QVERIFY(pixelsOf(shown, results->visualRect(results->model()->index(0, 0)), mark) > 20);
        QVERIFY(!dialog->loadMoreButton()->isVisible());

        // Without the chip: carol's too, newest first.
        QTest::mouseClick(dialog->chipButtons().at(0), Qt::LeftButton);
        QVERIFY(dialog->chips().isEmpty());
        QTRY_COMPARE(hitTexts(dialog).size(), 3);
        QCOMPARE(hitTexts(dialog).at(0), QStringLiteral("printer <b>at</b> carol's"));

        // The oldest hit, chosen with the keys: bob's conversation opens at it.
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Down);
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Down);
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        MessageView *view = alice.window->messageView();
        // Ctrl+Shift+F again: the search as it was left.
        QCOMPARE(openSearch(alice), dialog);
        QCOMPARE(dialog->queryEdit()->text(), QStringLiteral("printer "));
        QCOMPARE(dialog->queryEdit()->selectedText(), QStringLiteral("printer "));
        QCOMPARE(hitTexts(dialog).size(), 3);
        dialog->hide();
        QTRY_COMPARE(view->bubbleDelegate()->flashedMessage(), ids.at(3));
        QVERIFY(isLoaded(alice, ids.at(3)));
        QVERIFY(!isLoaded(alice, ids.back()));
        QVERIFY(alice.client->conversations().hasNewerMessages());
        QTRY_VERIFY(isOnScreen(alice, ids.at(3)));
        // The light goes out.
        QTRY_COMPARE_WITH_TIMEOUT(view->bubbleDelegate()->flashedMessage(), 0,
                                  MessageView::kFlashMs + 2000);

        // "Jump to latest": the newest page.
        QToolButton *latest = view->newMessagesButton();
        QTRY_VERIFY(latest->isVisible());
        QCOMPARE(latest->toolTip(), QStringLiteral("Jump to latest"));
        QTest::mouseClick(latest, Qt::LeftButton);
        QVERIFY(!alice.client->conversations().hasNewerMessages());
        QTRY_VERIFY(isLoaded(alice, ids.back()));
        QTRY_VERIFY(view->isAtBottom());
    }

    void loadMoreAndFiltersThatNameNoOne()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QStringList texts;
        for (int i = 1; i <= 25; ++i)
            texts.append(QStringLiteral("printer %1").arg(i));
        sendAll(*bob, idOf(alice), texts);
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);

        SearchDialog *dialog = openSearch(alice);
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("printer in:bob"));
        QTRY_COMPARE(hitTexts(dialog).size(), 20); // the server's default page
        QTRY_VERIFY(dialog->loadMoreButton()->isVisible());
        QTest::mouseClick(dialog->loadMoreButton(), Qt::LeftButton);
        QTRY_COMPARE(hitTexts(dialog).size(), 25);
        QTRY_VERIFY(!dialog->loadMoreButton()->isVisible());
        QCOMPARE(hitTexts(dialog).back(), QStringLiteral("printer 1"));

        dialog->queryEdit()->clear();
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("from:nobody printer"));
        QTRY_VERIFY(dialog->statusLabel()->isVisible());
        QCOMPARE(dialog->statusLabel()->text(),
                 QStringLiteral("No one called “nobody” in your conversations."));
        QCOMPARE(dialog->model()->rowCount(), 0);
        dialog->queryEdit()->clear();
        QCOMPARE(dialog->chips().size(), 1);                     // "from:nobody " became one
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Backspace); // in the empty query: the chip
        QVERIFY(dialog->chips().isEmpty());
        QVERIFY(!dialog->statusLabel()->isVisible()); // nothing asked, nothing wrong
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("printer before:someday"));
        QTRY_COMPARE(dialog->statusLabel()->text(),
                     QStringLiteral("“someday” is not a date like 2026-11-01."));
    }

    void scrollingAfterAJumpLoadsOlderAndNewerMessages()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const QList<qint64> ids =
            sendAll(*bob, idOf(alice), history(200, {{90, QStringLiteral("needle")}}));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        SearchDialog *dialog = openSearch(alice);
        QTest::keyClicks(dialog->queryEdit(), QStringLiteral("needle"));
        QTRY_COMPARE(hitTexts(dialog).size(), 1);
        QTest::keyClick(dialog->queryEdit(), Qt::Key_Return);
        QTRY_COMPARE(alice.window->messageView()->bubbleDelegate()->flashedMessage(), ids.at(90));
        QVERIFY(!isLoaded(alice, ids.front()));
        QVERIFY(!isLoaded(alice, ids.back()));

        // Up: older pages (history before), down: newer ones (history after) to the newest.
        QScrollBar *bar = alice.window->messageView()->verticalScrollBar();
        QTRY_VERIFY_WITH_TIMEOUT((bar->setValue(0), isLoaded(alice, ids.front())), 15000);
        QSignalSpy newer(&alice.client->conversations(),
                         &ConversationController::newerMessagesLoaded);
        QTRY_VERIFY((bar->setValue(bar->maximum()), newer.count() > 0));
        QVERIFY(alice.client->conversations().hasNewerMessages()); // still more below
        QCOMPARE(alice.window->messageView()->unseenCount(), 0);   // a page, not new messages
        QTRY_VERIFY_WITH_TIMEOUT(
            (bar->setValue(bar->maximum()), !alice.client->conversations().hasNewerMessages()),
            15000);
        QTRY_VERIFY(isLoaded(alice, ids.back()));
        // All of them, in order, once.
        QCOMPARE(alice.messages()->rowCount(), ids.size());
        for (int row = 0; row < ids.size(); ++row)
            QCOMPARE(p(alice, row), ids.at(row));
    }

    // Ctrl+Home in the message list: the first message of a long conversation at once (one
    // `history after 0` page, not every page in between), and down from there to the newest.
    void ctrlHomeJumpsToTheFirstMessage()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const QList<qint64> ids = sendAll(*bob, idOf(alice), history(300, {}));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        alice.client->conversations().openConversation(alice.client->conversations()
                                                           .list()
                                                           ->index(0)
                                                           .data(ConversationListModel::IdRole)
                                                           .toLongLong());
        QTRY_VERIFY(isLoaded(alice, ids.back()));
        QVERIFY(!isLoaded(alice, ids.front()));
        MessageView *view = alice.window->messageView();
        view->setFocus();
        QSignalSpy older(&alice.client->conversations(),
                         &ConversationController::olderMessagesLoaded);
        QTest::keyClick(view, Qt::Key_Home, Qt::ControlModifier);
        QTRY_VERIFY(isLoaded(alice, ids.front()));
        QTRY_VERIFY(isOnScreen(alice, ids.front()));
        QCOMPARE(older.count(), 0); // not by paging through the 300
        QVERIFY(!isLoaded(alice, ids.back()));
        QVERIFY(alice.client->conversations().hasNewerMessages());
        QTRY_VERIFY_WITH_TIMEOUT(
            (view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum()),
             !alice.client->conversations().hasNewerMessages()),
            20000);
        QTRY_VERIFY(isLoaded(alice, ids.back()));
    }

    // More hits than a page: the count is the server's, not the rows loaded so far.
    void findCountsEveryHitNotOnlyThoseLoaded()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QHash<int, QString> hits;
        for (int i = 0; i < 30; ++i)
            hits.insert(i * 2, QStringLiteral("printer %1").arg(i));
        const QList<qint64> ids = sendAll(*bob, idOf(alice), history(60, hits));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        alice.client->conversations().openConversation(alice.client->conversations()
                                                           .list()
                                                           ->index(0)
                                                           .data(ConversationListModel::IdRole)
                                                           .toLongLong());
        QTRY_VERIFY(isLoaded(alice, ids.back()));
        QTest::keyClick(alice.window.get(), Qt::Key_F, Qt::ControlModifier);
        FindBar *find = alice.window->findBar();
        QTRY_VERIFY(find->isVisible());
        QTest::keyClicks(find->queryEdit(), QStringLiteral("printer"));
        QTRY_COMPARE(find->countLabel()->text(), QStringLiteral("1 of 30"));
        QTest::keyClick(find->queryEdit(), Qt::Key_Return);
        QCOMPARE(find->countLabel()->text(), QStringLiteral("2 of 30"));
    }

    void findInConversationStepsThroughTheHits()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const QList<qint64> ids = sendAll(*bob, idOf(alice),
                                          history(130, {{3, QStringLiteral("Café one")},
                                                        {50, QStringLiteral("cafe two")},
                                                        {120, QStringLiteral("CAFÉ three")},
                                                        {125, QStringLiteral("cafe four")}}));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        alice.client->conversations().openConversation(alice.client->conversations()
                                                           .list()
                                                           ->index(0)
                                                           .data(ConversationListModel::IdRole)
                                                           .toLongLong());
        QTRY_VERIFY(isLoaded(alice, ids.back()));

        QTest::keyClick(alice.window.get(), Qt::Key_F, Qt::ControlModifier);
        FindBar *find = alice.window->findBar();
        QTRY_VERIFY(find->isVisible());
        QVERIFY(find->queryEdit()->hasFocus());
        QTest::keyClicks(find->queryEdit(), QStringLiteral("cafe"));
        MessageBubbleDelegate *bubbles = alice.window->messageView()->bubbleDelegate();
        // As you type: the newest hit, marked.
        QTRY_COMPARE(find->countLabel()->text(), QStringLiteral("1 of 4"));
        QCOMPARE(bubbles->highlightWords().prefixes, QStringList{QStringLiteral("cafe")});
        QTRY_COMPARE(bubbles->flashedMessage(), ids.at(125));

        QTest::keyClick(find->queryEdit(), Qt::Key_Return);
        QCOMPARE(find->countLabel()->text(), QStringLiteral("2 of 4"));
        QTRY_COMPARE(bubbles->flashedMessage(), ids.at(120));
        // Once the light is out: the word marked in its bubble, nothing in a filler's.
        MessageView *view = alice.window->messageView();
        QTRY_COMPARE_WITH_TIMEOUT(bubbles->flashedMessage(), 0, MessageView::kFlashMs + 2000);
        const QImage shown = view->viewport()->grab().toImage();
        const QColor mark = searchMarkColour(view->palette());
        QVERIFY(pixelsOf(shown, view->bubbleRect(indexOfId(alice, ids.at(120))), mark) > 20);
        QCOMPARE(pixelsOf(shown, view->bubbleRect(indexOfId(alice, ids.at(121))), mark), 0);
        QTest::keyClick(find->queryEdit(), Qt::Key_Return);
        QTest::keyClick(find->queryEdit(), Qt::Key_Return);
        QCOMPARE(find->countLabel()->text(), QStringLiteral("4 of 4"));
        // Not in the loaded page: loaded around it.
        QTRY_COMPARE(bubbles->flashedMessage(), ids.at(3));
        QVERIFY(isLoaded(alice, ids.at(3)));
        QTRY_VERIFY(isOnScreen(alice, ids.at(3)));
        QVERIFY(find->isVisible()); // the jump reopened the same conversation: still finding
        QTRY_VERIFY(find->queryEdit()->hasFocus());
        QTest::keyClick(find->queryEdit(), Qt::Key_Return); // no further
        QCOMPARE(find->countLabel()->text(), QStringLiteral("4 of 4"));
        QTest::keyClick(find->queryEdit(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(find->countLabel()->text(), QStringLiteral("3 of 4"));
        QTRY_COMPARE(bubbles->flashedMessage(), ids.at(50));

        QTest::keyClick(find->queryEdit(), Qt::Key_Escape);
        QVERIFY(!find->isVisible());
        QVERIFY(bubbles->highlightWords().isEmpty());
    }

    // A hit in a conversation that fits on one screen: nothing is below, so no jump button.
    void aFindInAShortConversationShowsNoJumpButton()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const QList<qint64> ids =
            sendAll(*bob, idOf(alice), history(3, {{0, QStringLiteral("cafe")}}));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        alice.client->conversations().openConversation(alice.client->conversations()
                                                           .list()
                                                           ->index(0)
                                                           .data(ConversationListModel::IdRole)
                                                           .toLongLong());
        QTRY_VERIFY(isLoaded(alice, ids.back()));
        QTest::keyClick(alice.window.get(), Qt::Key_F, Qt::ControlModifier);
        FindBar *find = alice.window->findBar();
        QTRY_VERIFY(find->isVisible());
        QTest::keyClicks(find->queryEdit(), QStringLiteral("cafe"));
        MessageBubbleDelegate *bubbles = alice.window->messageView()->bubbleDelegate();
        QTRY_COMPARE(bubbles->flashedMessage(), ids.at(0));
        MessageView *view = alice.window->messageView();
        QCOMPARE(view->verticalScrollBar()->maximum(), 0);
        QVERIFY(!view->newMessagesButton()->isVisible());
    }

    void ctrlKOffersAMessageSearch()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        alice.window->activateWindow();
        QTest::keyClick(alice.window.get(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(alice.jump()->isVisible());
        QTest::keyClicks(alice.jump()->filterEdit(), QStringLiteral("printer"));
        const QAbstractItemModel *rows = alice.jump()->resultView()->model();
        QTRY_VERIFY(rows->rowCount() > 0);
        const QModelIndex last = rows->index(rows->rowCount() - 1, 0);
        QCOMPARE(last.data(JumpDialog::KindRole).toInt(), int(JumpDialog::MessageSearchKind));
        QCOMPARE(alice.jump()->resultCount(), rows->rowCount() - 1);
        // Not chosen by itself (Enter with no one found does nothing); arrowed to, it is.
        QVERIFY(!alice.jump()->resultView()->currentIndex().isValid());
        QTest::keyClick(alice.jump()->filterEdit(), Qt::Key_Return);
        QVERIFY(alice.jump()->isVisible());
        QTest::keyClick(alice.jump()->filterEdit(), Qt::Key_Down);
        QCOMPARE(alice.jump()->resultView()->currentIndex(), last);
        QTest::keyClick(alice.jump()->filterEdit(), Qt::Key_Return);
        SearchDialog *dialog = alice.window->searchUi()->dialog();
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->queryEdit()->text(), QStringLiteral("printer"));
    }

private:
    static qint64 p(const Person &person, int row)
    {
        return person.messages()->index(row).data(MessageListModel::IdRole).toLongLong();
    }
};

QTEST_MAIN(TestSearch)
#include "tst_searchwindows.moc"
