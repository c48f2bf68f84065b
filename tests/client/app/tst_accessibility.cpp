// Keyboard and screen readers in the real windows: every focusable widget of every window
// has a name a screen reader can say and a visible focus ring (in both themes); Tab follows
// the layout; the message list is read message by message.
#include "addmembersdialog.h"
#include "composebox.h"
#include "edithistorydialog.h"
#include "emojipicker.h"
#include "focusring.h"
#include "imageviewer.h"
#include "jumpdialog.h"
#include "liveannouncer.h"
#include "logindialog.h"
#include "mainwindow.h"
#include "messageinfodialog.h"
#include "messageview.h"
#include "newgroupdialog.h"
#include "searchdialog.h"
#include "shortcutsdialog.h"
#include "sidebar.h"
#include "testprofiles.h"
#include "themechoice.h"
#include "windowperson.h"

#include <QAccessible>
#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

QString describe(const QWidget *w)
{
    return QStringLiteral("%1 '%2' in %3")
        .arg(QLatin1String(w->metaObject()->className()), w->objectName(),
             QLatin1String(w->window()->metaObject()->className()));
}

// Focusable (by Tab), shown and enabled widgets of `window`.
QList<QWidget *> focusable(QWidget *window)
{
    QList<QWidget *> out;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if ((w->focusPolicy() & Qt::TabFocus) && w->isVisibleTo(window) && w->isEnabled() &&
            !w->focusProxy())
            out.append(w);
    }
    return out;
}

QString accessibleName(QWidget *w)
{
    QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
    return a ? a->text(QAccessible::Name) : QString();
}

QStringList unnamed(QWidget *window)
{
    QStringList out;
    for (QWidget *w : focusable(window)) {
        if (accessibleName(w).trimmed().isEmpty())
            out << QStringLiteral("no name: ") + describe(w);
    }
    return out;
}

// The focus shows: the window's pixels around the widget change when it takes the focus.
QStringList focusInvisible(QWidget *window)
{
    QStringList out;
    for (QWidget *w : focusable(window)) {
        QWidget *top = w->window();
        const QRect around =
            QRect(w->mapTo(top, QPoint(0, 0)), w->size()).adjusted(-3, -3, 3, 3) & top->rect();
        if (QApplication::focusWidget() == w)
            top->setFocus(); // somewhere else first
        QApplication::processEvents();
        const QImage before = top->grab(around).toImage();
        w->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        const QImage after = top->grab(around).toImage();
        if (before == after)
            out << QStringLiteral("no visible focus: ") + describe(w);
    }
    return out;
}

} // namespace

class TestAccessibility final : public QObject, public PeopleInWindows
{
    Q_OBJECT

    // alice and bob with a conversation open on alice's side.
    Person aliceTalkingToBob(Person &bob)
    {
        Person alice = signedUp(QStringLiteral("alice"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("lunch at 12?"));
        [&] { QTRY_COMPARE(alice.messages()->rowCount(), 1); }();
        [&] {
            QTRY_VERIFY(alice.messages()->index(0).data(MessageListModel::IdRole).toLongLong() > 0);
        }();
        return alice;
    }

private slots:
    void initTestCase()
    {
        useFreshTestProfiles();
        FocusRing::install(); // as main.cpp does
    }
    void init() { QVERIFY(startServer()); }
    void cleanup()
    {
        theme::apply(theme::Choice::System);
        stopServer();
    }

    void everyWindowNamesItsControls_data()
    {
        QTest::addColumn<int>("choice");
        QTest::newRow("light") << int(theme::Choice::Light);
        QTest::newRow("dark") << int(theme::Choice::Dark);
    }
    void everyWindowNamesItsControls()
    {
        QFETCH(int, choice);
        theme::apply(theme::Choice(choice));
        Person bob = signedUp(QStringLiteral("bob"));
        Person alice = aliceTalkingToBob(bob);
        MainWindow *main = alice.window.get();
        main->show();
        QVERIFY(QTest::qWaitForWindowExposed(main));
        QStringList problems = unnamed(main);
        problems += focusInvisible(main);

        const QList<QWidget *> dialogs{
            new LoginDialog(*alice.client, nullptr, nullptr, main),
            new NewGroupDialog(*alice.client, main),
            new SearchDialog(*alice.client, main),
            new EmojiPicker(main),
            static_cast<QWidget *>(main->jumpDialog()),
            new AddMembersDialog(*alice.client, main),
            new MessageInfoDialog(*alice.client, main),
            new EditHistoryDialog(QStringLiteral("now"), QDateTime::currentDateTime(),
                                  {EditRecord{QStringLiteral("before"), 1764000000000}}, main),
            new ShortcutsDialog(main),
            new ImageViewer(main->fileOpener(), {}, -1, main)};
        for (QWidget *dialog : dialogs) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            problems += unnamed(dialog);
            problems += focusInvisible(dialog);
            dialog->hide();
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("\n"))));
    }

    // Tab goes through the window the way it is laid out: the sidebar's search, the
    // conversation list, the messages, the compose box, then send.
    void tabFollowsTheLayout()
    {
        Person bob = signedUp(QStringLiteral("bob"));
        Person alice = aliceTalkingToBob(bob);
        MainWindow *main = alice.window.get();
        main->show();
        QVERIFY(QTest::qWaitForWindowExposed(main));
        main->activateWindow();
        QWidget *search = main->sidebar()->findChild<QWidget *>(QStringLiteral("jumpButton"));
        QVERIFY(search);
        search->setFocus(Qt::TabFocusReason);
        QList<QWidget *> order{search};
        for (int i = 0; i < 30; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            if (now == search)
                break;
            order.append(now);
        }
        const QList<QWidget *> expected{search, main->conversationView(), main->messageView(),
                                        main->composeBox(),
                                        main->findChild<QWidget *>(QStringLiteral("sendButton"))};
        qsizetype last = -1;
        QStringList seen;
        for (QWidget *w : order)
            seen << describe(w);
        for (QWidget *w : expected) {
            const qsizetype at = order.indexOf(w);
            QVERIFY2(at > last, qPrintable(describe(w) + QStringLiteral(" out of order in:\n") +
                                           seen.join(QLatin1String("\n"))));
            last = at;
        }
        // The ring follows the keyboard.
        QVERIFY(FocusRing::current());
        QCOMPARE(FocusRing::current()->widget(), QApplication::focusWidget());
    }

    // In the message list Up and Down move between messages and Shift+F10 opens the menu of
    // the current one; a screen reader reads each row as who, when, what and its state.
    void messageListByKeyboard()
    {
        Person bob = signedUp(QStringLiteral("bob"));
        Person alice = aliceTalkingToBob(bob);
        alice.client->conversations().sendMessage(QStringLiteral("or at 1?"));
        QTRY_COMPARE(alice.messages()->rowCount(), 2);
        MessageView *view = alice.window->messageView();
        alice.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(alice.window.get()));
        view->setFocus(Qt::TabFocusReason);
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 1);
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(view->currentIndex().row(), 0);
        QSignalSpy menu(view, &MessageView::messageMenuRequested);
        // The window shows the menu modally: close it once it is up.
        const auto closeMenu = [] {
            QTimer::singleShot(50, [] {
                if (QWidget *popup = QApplication::activePopupWidget())
                    popup->close();
            });
        };
        closeMenu();
        QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(menu.count(), 1);
        QCOMPARE(menu.at(0).at(0).toModelIndex().row(), 0);
        QTest::keyClick(view, Qt::Key_Down);
        closeMenu();
        QTest::keyClick(view, Qt::Key_Menu);
        QCOMPARE(menu.count(), 2);
        QCOMPARE(menu.at(1).at(0).toModelIndex().row(), 1);

        const QModelIndex first = alice.messages()->index(0);
        const QString time = QLocale().toString(
            first.data(MessageListModel::CreatedAtRole).toDateTime().time(), QLocale::ShortFormat);
        QTRY_COMPARE(first.data(Qt::AccessibleTextRole).toString(),
                     QStringLiteral("alice, %1: lunch at 12? Delivered.").arg(time));

        // bob's side: the conversation row says who and how many are unread, and a message
        // arriving in the open conversation is announced without taking the focus.
        ConversationController &b = bob.client->conversations();
        QTRY_COMPARE(b.list()->rowCount(), 1);
        QTRY_COMPARE(b.list()->index(0).data(Qt::AccessibleTextRole).toString(),
                     QStringLiteral("alice, 2 unread, online"));
        b.openConversation(b.list()->index(0).data(ConversationListModel::IdRole).toLongLong());
        QTRY_COMPARE(bob.messages()->rowCount(), 2);
        QWidget *focused = QApplication::focusWidget();
        alice.client->conversations().sendMessage(QStringLiteral("see you"));
        QTRY_COMPARE(bob.messages()->rowCount(), 3);
        QCOMPARE(bob.window->announcer()->lastAnnouncement(),
                 bob.messages()->index(2).data(Qt::AccessibleTextRole).toString());
        QVERIFY(bob.window->announcer()->lastAnnouncement().contains(QLatin1String("see you")));
        QCOMPARE(QApplication::focusWidget(), focused);
    }

    // Ctrl+/ lists the window's shortcuts, read from its actions and shortcuts.
    void shortcutsDialogListsTheWindowsKeys()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        alice.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(alice.window.get()));
        alice.window->activateWindow();
        QTest::keyClick(alice.window.get(), Qt::Key_Slash, Qt::ControlModifier);
        ShortcutsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = alice.window->findChild<ShortcutsDialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        const auto has = [&](const QString &what, const QKeySequence &keys) {
            return dialog->rows().contains({what, keys.toString(QKeySequence::NativeText)});
        };
        QVERIFY(
            has(QStringLiteral("Jump to first message"), QKeySequence(Qt::CTRL | Qt::Key_Home)));
        QVERIFY(has(QStringLiteral("Previous conversation"), QKeySequence(Qt::ALT | Qt::Key_Up)));
        QVERIFY(has(QStringLiteral("Find in this conversation"), QKeySequence::Find));
        QVERIFY(has(QStringLiteral("Keyboard shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash)));
        dialog->close();
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
