// The emoji picker by the compose box: a click or Enter inserts at the cursor, arrow keys move,
// the filter finds by name, the ones used come first, and each has a name a screen reader reads.

#include "chatclient.h"
#include "composebox.h"
#include "composepanel.h"
#include "emojipicker.h"
#include "mainwindow.h"
#include "profilesettings.h"
#include "testprofiles.h"

#include <QLineEdit>
#include <QListWidget>
#include <QToolButton>
#include <QtTest>

using natter::client::ChatClient;
using natter::client::ComposePanel;
using natter::client::EmojiPicker;
using natter::client::MainWindow;
using natter::client::ProfileSettings;

class TestEmojiPicker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void aClickInsertsAtTheCursor()
    {
        ComposePanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *compose = panel.composeBox();
        compose->setPlainText(QStringLiteral("see you  there"));
        QTextCursor cursor = compose->textCursor();
        cursor.setPosition(8); // between the two spaces
        compose->setTextCursor(cursor);
        QTest::mouseClick(panel.emojiButton(), Qt::LeftButton);
        EmojiPicker *picker = panel.emojiPicker();
        QTRY_VERIFY(picker->isVisible());
        QListWidget *grid = picker->grid();
        QVERIFY(grid->count() > 50);
        QListWidgetItem *second = grid->item(1);
        QTest::mouseClick(grid->viewport(), Qt::LeftButton, {},
                          grid->visualItemRect(second).center());
        QTRY_VERIFY(!picker->isVisible());
        QCOMPARE(compose->toPlainText(),
                 QStringLiteral("see you ") + second->text() + QStringLiteral(" there"));
    }

    void theKeyboardAloneFindsMovesAndInserts()
    {
        ComposePanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        EmojiPicker *picker = panel.emojiPicker();
        picker->popUp(panel.emojiButton());
        QTRY_VERIFY(picker->filterField()->hasFocus());
        QTest::keyClicks(picker->filterField(), QStringLiteral("heart"));
        QListWidget *grid = picker->grid();
        QVERIFY(grid->count() >= 5);
        for (int i = 0; i < grid->count(); ++i)
            QVERIFY(grid->item(i)
                        ->data(Qt::AccessibleTextRole)
                        .toString()
                        .contains(QStringLiteral("heart")));
        QTest::keyClick(picker->filterField(), Qt::Key_Down); // into the grid
        QTRY_VERIFY(grid->hasFocus());
        QTest::keyClick(grid, Qt::Key_Right);
        const QString chosen = grid->currentItem()->text();
        QCOMPARE(grid->currentRow(), 1);
        QTest::keyClick(grid, Qt::Key_Return);
        QTRY_VERIFY(!picker->isVisible());
        QCOMPARE(panel.composeBox()->toPlainText(), chosen);

        // Esc closes without inserting anything.
        picker->popUp(panel.emojiButton());
        QTRY_VERIFY(picker->isVisible());
        QTest::keyClick(picker->filterField(), Qt::Key_Escape);
        QTRY_VERIFY(!picker->isVisible());
        QCOMPARE(panel.composeBox()->toPlainText(), chosen);
    }

    void theOnesUsedComeFirst()
    {
        EmojiPicker picker;
        QSignalSpy chosen(&picker, &EmojiPicker::emojiChosen);
        const QString tenth = picker.grid()->item(10)->text();
        emit picker.grid()->itemActivated(picker.grid()->item(10));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), tenth);
        picker.filterField()->setText(QStringLiteral("x"));
        picker.filterField()->clear(); // refilled
        QCOMPARE(picker.grid()->item(0)->text(), tenth);
        QCOMPARE(picker.grid()->findItems(tenth, Qt::MatchExactly).size(), 1); // not twice
    }

    // The ones used come first after a restart of the app too: kept in the profile.
    void theOnesUsedOutliveTheApp()
    {
        QString used;
        {
            ProfileSettings settings(QStringLiteral("emoji-restart"));
            ChatClient client(settings);
            MainWindow window(client);
            EmojiPicker *picker = window.findChild<ComposePanel *>()->emojiPicker();
            used = picker->grid()->item(12)->text();
            emit picker->grid()->itemActivated(picker->grid()->item(12));
            QCOMPARE(picker->recent(), QStringList{used});
        }
        ProfileSettings settings(QStringLiteral("emoji-restart"));
        ChatClient client(settings);
        MainWindow window(client);
        EmojiPicker *picker = window.findChild<ComposePanel *>()->emojiPicker();
        QCOMPARE(picker->grid()->item(0)->text(), used);
        QCOMPARE(picker->grid()->findItems(used, Qt::MatchExactly).size(), 1);

        // What the file holds is checked: a glyph the picker does not offer is dropped.
        picker->setRecent({QStringLiteral("not an emoji"), used});
        QCOMPARE(picker->recent(), QStringList{used});
    }
};

QTEST_MAIN(TestEmojiPicker)
#include "tst_emojipicker.moc"
