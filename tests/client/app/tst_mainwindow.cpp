// Two people, two real main windows (offscreen), one in-process server: typing and sending
// with the keyboard, typing indicator, ticks, edit/delete from the context menu, presence,
// and loading older history by scrolling up without the view jumping.
#include "chatclient.h"
#include "composebox.h"
#include "mainwindow.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::client;

namespace {

struct Person
{
    std::unique_ptr<ProfileSettings> settings;
    std::unique_ptr<ChatClient> client;
    std::unique_ptr<MainWindow> window;
};

QAction *actionNamed(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *a : actions) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    int m_profiles = 0;

    Person signedUp(const QString &name)
    {
        Person p;
        p.settings = std::make_unique<ProfileSettings>(name + QString::number(++m_profiles));
        p.client = std::make_unique<ChatClient>(*p.settings);
        p.window = std::make_unique<MainWindow>(*p.client);
        QSignalSpy ok(p.client.get(), &ChatClient::authenticated);
        p.client->registerAccount(m_server->url(), name, QStringLiteral("password123"), true);
        if (!ok.wait(5000))
            qFatal("registration failed");
        p.window->show();
        if (!QTest::qWaitForWindowExposed(p.window.get()))
            qFatal("window not exposed");
        return p;
    }

    // Opens the first conversation the way a person does: a click on it.
    static void clickFirstConversation(Person &p)
    {
        QListView *list = p.window->conversationView();
        QTRY_VERIFY(list->model()->rowCount() > 0);
        const QRect rect = list->visualRect(list->model()->index(0, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    }

    static void type(Person &p, const QString &text)
    {
        QTest::keyClicks(p.window->composeBox(), text);
        QTest::keyClick(p.window->composeBox(), Qt::Key_Return);
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

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
        alice.client->connection().setReconnectDelays(100, 300);
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        type(alice, QStringLiteral("online"));
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);

        m_server.reset();
        QTRY_VERIFY(alice.window->connectionLabel()->text().contains(QStringLiteral("Offline")));
        type(alice, QStringLiteral("sent while offline"));
        MessageListModel *messages = alice.client->messages();
        QCOMPARE(messages->rowCount(), 2);
        QCOMPARE(messages->index(1).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Pending));

        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = dir.filePath(QStringLiteral("natter.db"));
        m_server->config().port = port;
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(
            alice.window->connectionLabel()->text().contains(QStringLiteral("Connected")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(messages->index(1).data(MessageListModel::DeliveryRole).toInt() >=
                                     int(DeliveryState::Sent),
                                 10000);
        QCOMPARE(messages->rowCount(), 2);
        clickFirstConversation(bob);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->messages()->rowCount(), 2, 10000);
        QCOMPARE(bob.client->messages()->index(1).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("sent while offline"));
        m_server.reset(); // before `dir` goes away
    }

    void typedMessageAppearsLiterallyOnTheOtherSide()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        // Pick bob in the online list (Enter does what a double-click does).
        QListView *online = alice.window->onlineView();
        QTRY_COMPARE(online->model()->rowCount(), 1);
        const QRect rect = online->visualRect(online->model()->index(0, 0));
        QTest::mouseClick(online->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::keyClick(online->viewport(), Qt::Key_Return); // same as a double-click
        QTRY_VERIFY(alice.window->composeBox()->isEnabled());

        type(alice, QStringLiteral("hello <i>bob</i> & co"));
        QCOMPARE(alice.window->composeBox()->toPlainText(), QString());
        clickFirstConversation(bob);
        MessageListModel *bobMessages = bob.client->messages();
        QTRY_COMPARE(bobMessages->rowCount(), 1);
        QCOMPARE(bobMessages->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("hello <i>bob</i> & co"));
        // Opening it (window "active" offscreen) marks it read: alice sees the read tick.
        QTRY_COMPARE(
            alice.client->messages()->index(0).data(MessageListModel::DeliveryRole).toInt(),
            int(DeliveryState::Read));
        QTRY_COMPARE(bob.window->windowTitle(), QStringLiteral("Natter — bob"));
        // The bubble is drawn (non-zero size) for the row.
        QVERIFY(bob.window->messageView()->visualRect(bobMessages->index(0)).height() > 10);
    }

    void shiftEnterAddsALineInsteadOfSending()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("line one"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("line two"));
        QCOMPARE(alice.window->composeBox()->toPlainText(), QStringLiteral("line one\nline two"));
        QCOMPARE(alice.client->messages()->rowCount(), 0);
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(alice.client->messages()->rowCount(), 1);
        QCOMPARE(alice.client->messages()->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("line one\nline two"));
    }

    void typingIndicatorAppearsAndVanishes()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        type(alice, QStringLiteral("first"));
        clickFirstConversation(bob);
        QTRY_COMPARE(bob.client->messages()->rowCount(), 1);
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("I am typ"));
        QTRY_COMPARE(bob.window->typingLabel()->text(), QStringLiteral("alice is typing…"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        QTRY_COMPARE(bob.window->typingLabel()->text(), QString());
        QTRY_COMPARE(bob.client->messages()->rowCount(), 2);
    }

    void editAndDeleteFromTheContextMenu()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        type(alice, QStringLiteral("tpyo"));
        type(alice, QStringLiteral("regret"));
        clickFirstConversation(bob);
        QTRY_COMPARE(bob.client->messages()->rowCount(), 2);
        QTRY_VERIFY(alice.client->messages()->index(1).data(MessageListModel::IdRole).toLongLong() >
                    0);

        QAction *edit = actionNamed(alice.window->messageActions(0), QStringLiteral("Edit"));
        QVERIFY(edit);
        edit->trigger();
        QCOMPARE(alice.window->composeBox()->toPlainText(), QStringLiteral("tpyo"));
        alice.window->composeBox()->selectAll();
        type(alice, QStringLiteral("typo"));
        QTRY_COMPARE(bob.client->messages()->index(0).data(MessageListModel::TextRole).toString(),
                     QStringLiteral("typo"));
        QVERIFY(bob.client->messages()->index(0).data(MessageListModel::EditedRole).toBool());
        QVERIFY(actionNamed(bob.window->messageActions(0), QStringLiteral("Show edit history")));
        QVERIFY(!actionNamed(bob.window->messageActions(0), QStringLiteral("Edit"))); // not bob's

        QAction *forAll =
            actionNamed(alice.window->messageActions(1), QStringLiteral("Delete for everyone"));
        QVERIFY(forAll);
        forAll->trigger();
        QTRY_VERIFY(bob.client->messages()->index(1).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(bob.client->messages()->index(1).data(MessageListModel::TextRole).toString(),
                 QString());

        QAction *forMe =
            actionNamed(bob.window->messageActions(0), QStringLiteral("Delete for me"));
        QVERIFY(forMe);
        forMe->trigger();
        QTRY_COMPARE(bob.client->messages()->rowCount(), 1);
        QCOMPARE(alice.client->messages()->rowCount(), 2); // only bob's view lost it
    }

    void presenceChangesWhenAClientQuits()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        QTRY_COMPARE(bob.window->onlineView()->model()->rowCount(), 1);
        QCOMPARE(m_server->server().connectionCount(), 2);
        alice.window.reset();
        alice.client.reset();
        QTRY_COMPARE(m_server->server().connectionCount(), 1);
        QTRY_COMPARE(bob.window->onlineView()->model()->rowCount(), 0);
    }

    void scrollingUpLoadsOlderHistoryWithoutAJump()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        for (int i = 0; i < 70; ++i) {
            alice.client->sendMessage(QStringLiteral("message %1").arg(i));
            if (i % 20 == 19) // stay inside the request rate limit
                QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 10000);
        bob.window->resize(700, 500);
        clickFirstConversation(bob);
        QListView *view = bob.window->messageView();
        QTRY_COMPARE(bob.client->messages()->rowCount(), 50);
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        QTest::qWait(100);
        view->scrollToTop();
        QTRY_COMPARE(bob.client->messages()->rowCount(), 70);
        // What was at the top before the older page arrived is still where the eye was.
        const QModelIndex top = view->indexAt(QPoint(10, 10));
        QVERIFY(top.isValid());
        QVERIFY2(
            top.data(MessageListModel::TextRole).toString().startsWith(QStringLiteral("message 2")),
            qPrintable(top.data(MessageListModel::TextRole).toString()));
        QCOMPARE(bob.client->messages()->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("message 0"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
