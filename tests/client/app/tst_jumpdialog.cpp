// Ctrl+K against the real server in-process: someone with no conversations yet finds anyone
// registered on the server by typing part of their name, sees whether they are online, picks
// them and the conversation starts. Someone you already talk with shows once, as that
// conversation. Offline (or signed out) the dialog filters what is local, without errors.
// And ChatClient answers only the latest directory search.
#include "chatclient.h"
#include "chatheader.h"
#include "composebox.h"
#include "jumpdialog.h"
#include "mainwindow.h"
#include "placeholderlistview.h"
#include "testclient.h"
#include "testprofiles.h"
#include "testserver.h"
#include "windowperson.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStatusBar>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::client;

namespace {

// The dialog's visible row for `name`; invalid when it is not listed.
QModelIndex rowNamed(const JumpDialog *jump, const QString &name)
{
    const QAbstractItemModel *model = jump->resultView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(Qt::DisplayRole).toString() == name)
            return model->index(row, 0);
    }
    return {};
}

// How many of the spy's answers were for `query`.
int answersFor(const QSignalSpy &spy, const QString &query)
{
    int n = 0;
    for (const QList<QVariant> &args : spy)
        n += args.at(0).toString() == query ? 1 : 0;
    return n;
}

} // namespace

class TestJumpDialog : public QObject, private PeopleInWindows
{
    Q_OBJECT

private:
    Person signedUp(const QString &name)
    {
        Person p = PeopleInWindows::signedUp(name);
        p.window->activateWindow();
        return p;
    }

    // Registered, then gone: the server's directory says they are offline.
    void registeredButOffline(const QString &name, TestClient &observer)
    {
        m_server->user(name).reset();
        QTRY_VERIFY(!observer.request(QStringLiteral("users"), {{QStringLiteral("query"), name}})
                         .value(QStringLiteral("users"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("online"))
                         .toBool(true));
    }

    static void openJump(Person &p)
    {
        QTest::keyClick(p.window.get(), Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(p.jump()->isVisible());
    }

    static void typeFilter(Person &p, const QString &text)
    {
        p.jump()->filterEdit()->clear();
        QTest::keyClicks(p.jump()->filterEdit(), text);
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void someoneWithNoConversationsFindsAnyoneByPartOfTheName()
    {
        auto bob = m_server->user(QStringLiteral("bob")); // online all along
        QVERIFY(bob);
        registeredButOffline(QStringLiteral("carol"), *bob);
        registeredButOffline(QStringLiteral("dave"), *bob);
        Person alice = signedUp(QStringLiteral("alice"));
        QCOMPARE(alice.client->conversations().list()->rowCount(), 0);
        QSignalSpy found(&alice.client->people(), &PeopleController::usersFound);

        // Opened: the directory's first page, everybody but alice.
        openJump(alice);
        QTRY_COMPARE(alice.jump()->resultCount(), 3);
        QCOMPARE(answersFor(found, QString()), 1);
        QVERIFY(rowNamed(alice.jump(), QStringLiteral("dave")).isValid());

        // Part of a name: one search after the typing pauses, not one per key.
        typeFilter(alice, QStringLiteral("aro"));
        QTRY_COMPARE(answersFor(found, QStringLiteral("aro")), 1);
        QCOMPARE(found.count(), 2);
        QCOMPARE(alice.jump()->resultCount(), 1);
        const QModelIndex carol = rowNamed(alice.jump(), QStringLiteral("carol"));
        QVERIFY(carol.isValid());
        QCOMPARE(carol.data(JumpDialog::KindRole).toInt(), int(JumpDialog::UserKind));
        QVERIFY(!carol.data(JumpDialog::OnlineRole).toBool());
        QCOMPARE(carol.data(JumpDialog::SubtitleRole).toString(),
                 QStringLiteral("Offline · start a conversation"));

        typeFilter(alice, QStringLiteral("BO"));
        QTRY_COMPARE(answersFor(found, QStringLiteral("BO")), 1);
        QCOMPARE(alice.jump()->resultCount(), 1);
        const QModelIndex bobRow = rowNamed(alice.jump(), QStringLiteral("bob"));
        QVERIFY(bobRow.data(JumpDialog::OnlineRole).toBool());
        QCOMPARE(bobRow.data(JumpDialog::SubtitleRole).toString(),
                 QStringLiteral("Online · start a conversation"));
        QVERIFY(!alice.jump()->statusLabel()->isVisible());

        // Enter on carol starts the conversation, as a double-click on someone online does.
        typeFilter(alice, QStringLiteral("caro"));
        QTRY_COMPARE(answersFor(found, QStringLiteral("caro")), 1);
        QTest::keyClick(alice.jump()->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(!alice.jump()->isVisible());
        QVERIFY(alice.window->isChatShown());
        QCOMPARE(alice.window->chatHeader()->peerName(), QStringLiteral("carol"));
        QCOMPARE(alice.client->people().peerName(alice.client->conversations().openPeerId()),
                 QStringLiteral("carol"));
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("hi carol"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        QCOMPARE(alice.client->conversations()
                     .list()
                     ->index(0)
                     .data(ConversationListModel::PeerNameRole)
                     .toString(),
                 QStringLiteral("carol"));
        QVERIFY(alice.client->conversations().openConversationId() > 0);
    }

    void anOnlineStrangerChosenShowsOnlineBeforeTheFirstMessage()
    {
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(bob);
        Person alice = signedUp(QStringLiteral("alice"));
        QSignalSpy found(&alice.client->people(), &PeopleController::usersFound);
        openJump(alice);
        typeFilter(alice, QStringLiteral("bob"));
        QTRY_COMPARE(answersFor(found, QStringLiteral("bob")), 1);
        QTest::keyClick(alice.jump()->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(alice.window->isChatShown());
        // Not a contact yet (no presence about him), but the directory said he is online.
        QVERIFY(!alice.client->people().online()->isOnline(bob->userId()));
        QCOMPARE(alice.window->chatHeader()->statusText(), QStringLiteral("online"));
        // Once they talk, presence takes over: bob leaving shows.
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("hi bob"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        QTRY_VERIFY(alice.client->people().online()->isOnline(bob->userId()));
        bob->close();
        QTRY_COMPARE_WITH_TIMEOUT(alice.window->chatHeader()->statusText(),
                                  QStringLiteral("offline"), 10000);
    }

    void someoneYouTalkWithShowsOnceAsTheConversation()
    {
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(bob);
        Person alice = signedUp(QStringLiteral("alice"));
        alice.client->conversations().startConversationWith(bob->userId(), QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("hello"));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        const qint64 conversation = alice.client->conversations().openConversationId();
        QVERIFY(conversation > 0);

        QSignalSpy found(&alice.client->people(), &PeopleController::usersFound);
        QSignalSpy opened(&alice.client->conversations(),
                          &ConversationController::conversationOpened);
        openJump(alice);
        typeFilter(alice, QStringLiteral("bo"));
        QTRY_COMPARE(answersFor(found, QStringLiteral("bo")), 1);
        QCOMPARE(alice.jump()->resultCount(), 1);
        const QModelIndex row = rowNamed(alice.jump(), QStringLiteral("bob"));
        QCOMPARE(row.data(JumpDialog::KindRole).toInt(), int(JumpDialog::ConversationKind));
        QCOMPARE(row.data(JumpDialog::TargetIdRole).toLongLong(), conversation);
        QTest::keyClick(alice.jump()->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(!alice.jump()->isVisible());
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), conversation);
    }

    void offlineItFiltersWhatIsLocalWithoutErrors()
    {
        auto bob = m_server->user(QStringLiteral("bob"));
        QVERIFY(bob);
        Person alice = signedUp(QStringLiteral("alice"));
        alice.client->conversations().startConversationWith(bob->userId(), QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("hello"));
        QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1);
        QSignalSpy errors(alice.client.get(), &ChatClient::errorOccurred);
        QSignalSpy failed(&alice.client->people(), &PeopleController::userSearchFailed);
        bob.reset();
        m_server.reset();
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);

        openJump(alice);
        QTRY_VERIFY(alice.jump()->statusLabel()->isVisible());
        QVERIFY(!alice.jump()->statusLabel()->text().isEmpty());
        QCOMPARE(alice.jump()->resultCount(), 1);
        typeFilter(alice, QStringLiteral("bo"));
        QTRY_COMPARE(answersFor(failed, QStringLiteral("bo")), 1);
        QCOMPARE(alice.jump()->resultCount(), 1);
        QCOMPARE(rowNamed(alice.jump(), QStringLiteral("bob")).data(JumpDialog::KindRole).toInt(),
                 int(JumpDialog::ConversationKind));
        typeFilter(alice, QStringLiteral("zed"));
        QTRY_COMPARE(answersFor(failed, QStringLiteral("zed")), 1);
        QCOMPARE(alice.jump()->resultCount(), 0);
        auto *view = qobject_cast<PlaceholderListView *>(alice.jump()->resultView());
        QVERIFY(view);
        QCOMPARE(view->placeholderText(), QStringLiteral("Nothing found on this computer."));
        QVERIFY(alice.jump()->statusLabel()->isVisible());
        QCOMPARE(errors.count(), 0);
        QCOMPARE(alice.window->statusBar()->currentMessage(), QString());
    }

    // Issue 20 (bug 7): offline, who is online is not known; the lists still hold who was
    // online when the connection dropped, and the dialog must not show that as now.
    void offlineNoOneIsShownOnline()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const User peer = bob.client->session().currentUser();
        alice.client->conversations().startConversationWith(peer.id, peer.username);
        alice.client->conversations().sendMessage(QStringLiteral("hello"));
        QTRY_COMPARE(alice.client->people().online()->rowCount(), 1);
        alice.window->openJumpDialog();
        QTRY_VERIFY(alice.jump()->isVisible());
        QTRY_VERIFY(
            rowNamed(alice.jump(), QStringLiteral("bob")).data(JumpDialog::OnlineRole).toBool());
        alice.jump()->close();

        m_server.reset();
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);
        QCOMPARE(alice.client->people().online()->rowCount(), 1); // what was known
        alice.window->openJumpDialog();
        QTRY_VERIFY(alice.jump()->isVisible());
        const QModelIndex row = rowNamed(alice.jump(), QStringLiteral("bob"));
        QVERIFY(row.isValid());
        QVERIFY(!row.data(JumpDialog::OnlineRole).toBool());
        QVERIFY2(!row.data(JumpDialog::SubtitleRole).toString().contains(QStringLiteral("nline")),
                 qPrintable(row.data(JumpDialog::SubtitleRole).toString()));
    }

    // Issue 20: the popup had no border, and the grey window colour around its white list
    // showed as a grey slab over the white sidebar.
    void thePopupHasABorderAndNoGreySlab()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        openJump(alice);
        const QImage image = alice.jump()->grab().toImage();
        const QPalette pal = alice.jump()->palette();
        const int y = image.height() - 4; // below the list: the popup's own background
        QCOMPARE(image.pixel(0, y), JumpDialog::borderColour(pal).rgb());
        QCOMPARE(image.pixel(image.width() - 1, image.height() / 2),
                 JumpDialog::borderColour(pal).rgb());
        QCOMPARE(image.pixel(image.width() / 2, image.height() - 1),
                 JumpDialog::borderColour(pal).rgb());
        QCOMPARE(image.pixel(4, y), pal.color(QPalette::Base).rgb());
        QCOMPARE(image.pixel(image.width() / 2, 4), pal.color(QPalette::Base).rgb());
    }

    void signedOutTheDialogStillOpensQuietly()
    {
        ProfileSettings settings(QStringLiteral("nobody") + QString::number(++m_profiles));
        ChatClient client(settings);
        QSignalSpy errors(&client, &ChatClient::errorOccurred);
        QSignalSpy failed(&client.people(), &PeopleController::userSearchFailed);
        JumpDialog jump(client);
        jump.show();
        QTRY_VERIFY(jump.isVisible());
        QCOMPARE(failed.count(), 1);
        QCOMPARE(jump.resultCount(), 0);
        QVERIFY(jump.statusLabel()->isVisible());
        QTest::keyClicks(jump.filterEdit(), QStringLiteral("bob"));
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(jump.resultCount(), 0);
        QTest::keyClick(jump.filterEdit(), Qt::Key_Return); // nothing to choose: stays open
        QVERIFY(jump.isVisible());
        QCOMPARE(errors.count(), 0);
    }

    void onlyTheLatestSearchIsAnswered()
    {
        auto bob = m_server->user(QStringLiteral("bob"));
        auto carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(bob && carol);
        Person alice = signedUp(QStringLiteral("alice"));
        QSignalSpy found(&alice.client->people(), &PeopleController::usersFound);
        QSignalSpy failed(&alice.client->people(), &PeopleController::userSearchFailed);

        // Both asked before either answer: the first answer comes back first and is stale.
        alice.client->people().searchUsers(QStringLiteral("bo"));
        alice.client->people().searchUsers(QStringLiteral("car"));
        QVERIFY(found.wait(5000));
        QTest::qWait(300); // time for a late answer to "bo" to (not) arrive
        QCOMPARE(found.count(), 1);
        QCOMPARE(found.at(0).at(0).toString(), QStringLiteral("car"));
        const auto users = found.at(0).at(1).value<QList<User>>();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0).username, QStringLiteral("carol"));
        QVERIFY(users.at(0).online);
        QCOMPARE(failed.count(), 0);

        // Signing out drops the answer still on its way.
        alice.client->people().searchUsers(QString());
        alice.client->session().signOut();
        QTest::qWait(300);
        QCOMPARE(found.count(), 1);
    }
};

QTEST_MAIN(TestJumpDialog)
#include "tst_jumpdialog.moc"
