// Drafts: what is typed stays with the conversation it was typed in. Switching conversations
// with text in the box must never send that text to the other person; the list says which
// conversations hold a draft, and drafts survive an edit in between and a restart.
#include "composebox.h"
#include "composepanel.h"
#include "conversationlistmodel.h"
#include "testprofiles.h"
#include "testserver.h"
#include "windowperson.h"

#include <QAction>
#include <QListView>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::client;

class TestDrafts : public QObject, private PeopleInWindows
{
    Q_OBJECT

private:
    static void send(Person &from, const Person &to, const QString &text)
    {
        const User peer = to.client->session().currentUser();
        from.client->conversations().startConversationWith(peer.id, peer.username);
        QTRY_VERIFY(from.window->isChatShown());
        QTest::keyClicks(from.window->composeBox(), text);
        QTest::keyClick(from.window->composeBox(), Qt::Key_Return);
    }

    static QModelIndex rowOf(const Person &p, const QString &peer)
    {
        const QAbstractItemModel *list = p.window->conversationView()->model();
        for (int row = 0; row < list->rowCount(); ++row) {
            const QModelIndex index = list->index(row, 0);
            if (index.data(ConversationListModel::PeerNameRole).toString() == peer)
                return index;
        }
        return {};
    }

    // Opens the conversation with `peer` the way a person does: a click in the list.
    static void open(Person &p, const QString &peer)
    {
        QTRY_VERIFY(rowOf(p, peer).isValid());
        QListView *list = p.window->conversationView();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(rowOf(p, peer)).center());
        QTRY_COMPARE(p.client->conversations().openPeerId() > 0, true);
        QTRY_COMPARE(rowOf(p, peer).data(ConversationListModel::IdRole).toLongLong(),
                     p.client->conversations().openConversationId());
    }

    static QString draftShown(const Person &p, const QString &peer)
    {
        return rowOf(p, peer).data(ConversationListModel::DraftRole).toString();
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void textTypedForOneConversationIsNeverSentToAnother()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        Person carol = signedUp(QStringLiteral("carol"));
        send(bob, alice, QStringLiteral("hi alice, bob here"));
        send(carol, alice, QStringLiteral("hi alice, carol here"));
        QTRY_COMPARE(alice.window->conversationView()->model()->rowCount(), 2);

        open(alice, QStringLiteral("carol"));
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("lunch at 12?"));
        open(alice, QStringLiteral("bob"));
        // bob's conversation starts with an empty box, and Enter sends nothing to bob.
        QCOMPARE(alice.window->composeBox()->toPlainText(), QString());
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        alice.window->composePanel()->sendButton()->click();
        QTest::qWait(300);
        QCOMPARE(alice.messages()->rowCount(), 1); // bob's greeting only
        QCOMPARE(bob.messages()->rowCount(), 1);
        // The list shows carol's draft, not bob's (there is none).
        QCOMPARE(draftShown(alice, QStringLiteral("carol")), QStringLiteral("lunch at 12?"));
        QCOMPARE(draftShown(alice, QStringLiteral("bob")), QString());

        // Back in carol's conversation the text is there, and sending it clears the draft.
        open(alice, QStringLiteral("carol"));
        QCOMPARE(alice.window->composeBox()->toPlainText(), QStringLiteral("lunch at 12?"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return);
        QTRY_COMPARE(carol.messages()->rowCount(), 2);
        QCOMPARE(carol.text(1), QStringLiteral("lunch at 12?"));
        QTRY_COMPARE(draftShown(alice, QStringLiteral("carol")), QString());
        QCOMPARE(bob.messages()->rowCount(), 1);
    }

    void editingAMessageKeepsTheDraftAside()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        send(alice, bob, QStringLiteral("see you at 5"));
        QTRY_VERIFY(alice.messages()->index(0).data(MessageListModel::IdRole).toLongLong() > 0);
        open(bob, QStringLiteral("alice"));
        QTRY_COMPARE(bob.messages()->rowCount(), 1);
        ComposeBox *box = alice.window->composeBox();
        QTest::keyClicks(box, QStringLiteral("half-written"));

        // Edit the sent message, then cancel: the half-written text comes back.
        const QList<QAction *> actions = alice.window->messageActions(0);
        for (QAction *a : actions) {
            if (a->text() == QStringLiteral("Edit"))
                a->trigger();
        }
        qDeleteAll(actions);
        QCOMPARE(box->toPlainText(), QStringLiteral("see you at 5"));
        QTest::keyClick(box, Qt::Key_Escape);
        QCOMPARE(box->toPlainText(), QStringLiteral("half-written"));

        // Edit again and submit the edit: the draft comes back too, and was not sent.
        const QList<QAction *> again = alice.window->messageActions(0);
        for (QAction *a : again) {
            if (a->text() == QStringLiteral("Edit"))
                a->trigger();
        }
        qDeleteAll(again);
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("see you at 6"));
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE(bob.text(0), QStringLiteral("see you at 6"));
        QCOMPARE(box->toPlainText(), QStringLiteral("half-written"));
        QCOMPARE(bob.messages()->rowCount(), 1);
    }

    void aDraftSurvivesARestart()
    {
        QString profile;
        Person alice = signedUp(QStringLiteral("alice"), &profile);
        Person bob = signedUp(QStringLiteral("bob"));
        send(bob, alice, QStringLiteral("how is the report going?"));
        open(alice, QStringLiteral("bob"));
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("almost done,"));
        QTest::keyClick(alice.window->composeBox(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(alice.window->composeBox(), QStringLiteral("one more table"));
        const QString typed = alice.window->composeBox()->toPlainText();
        alice.window->close();
        alice.window.reset();
        alice.client.reset();
        alice.settings.reset();

        // The same profile, started again and signed in.
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
        QTRY_COMPARE(draftShown(again, QStringLiteral("bob")), typed.simplified());
        open(again, QStringLiteral("bob"));
        QCOMPARE(again.window->composeBox()->toPlainText(), typed);
        QCOMPARE(bob.messages()->rowCount(), 1);
    }
};

QTEST_MAIN(TestDrafts)
#include "tst_drafts.moc"
