// The compose box with the keyboard: Enter and Ctrl+Enter send, Shift+Enter is a new line,
// Esc leaves edit mode, Up edits the last message, the counter near the size limit, growth
// with the text, and Ctrl+K left to the window.
#include "composebox.h"
#include "composepanel.h"
#include "protocollimits.h"

#include <QLabel>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace natter;
using namespace natter::client;

class TestComposeBox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QWidget> m_window;
    ComposePanel *m_panel = nullptr;
    ComposeBox *m_box = nullptr;

private slots:
    void init()
    {
        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        layout->addStretch();
        m_panel = new ComposePanel(m_window.get());
        layout->addWidget(m_panel);
        m_box = m_panel->composeBox();
        m_window->resize(500, 300);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_box->setFocus();
    }

    void enterSendsAndClears()
    {
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        QTest::keyClicks(m_box, QStringLiteral("hello"));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("hello"));
        QCOMPARE(m_box->toPlainText(), QString());
        QTest::keyClicks(m_box, QStringLiteral("keypad"));
        QTest::keyClick(m_box, Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(sent.count(), 2);
    }

    void ctrlEnterSendsToo()
    {
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        QTest::keyClicks(m_box, QStringLiteral("hi"));
        QTest::keyClick(m_box, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.count(), 1);
    }

    void shiftEnterInsertsANewline()
    {
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        QTest::keyClicks(m_box, QStringLiteral("one"));
        QTest::keyClick(m_box, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(m_box, QStringLiteral("two"));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(m_box->toPlainText(), QStringLiteral("one\ntwo"));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("one\ntwo"));
    }

    void blankTextIsNotSentAndEdgesAreTrimmed()
    {
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        QTest::keyClicks(m_box, QStringLiteral("   "));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
        m_box->setPlainText(QStringLiteral("\n  text  \n\n"));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("text"));
    }

    void sendButtonSendsLikeEnter()
    {
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        QTest::keyClicks(m_box, QStringLiteral("clicked"));
        QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
        QCOMPARE(sent.count(), 1);
    }

    void editModeSubmitsChangesAndEscCancels()
    {
        QSignalSpy edited(m_box, &ComposeBox::editSubmitted);
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        m_box->beginEdit(42, QStringLiteral("tpyo"));
        QVERIFY(m_panel->isEditBannerShown());
        QCOMPARE(m_box->toPlainText(), QStringLiteral("tpyo"));
        QTest::keyClick(m_box, Qt::Key_Escape);
        QVERIFY(!m_panel->isEditBannerShown());
        QCOMPARE(m_box->editingId(), 0);
        QCOMPARE(m_box->toPlainText(), QString());

        m_box->beginEdit(42, QStringLiteral("tpyo"));
        m_box->selectAll();
        QTest::keyClicks(m_box, QStringLiteral("typo"));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.at(0).at(0).toLongLong(), 42);
        QCOMPARE(edited.at(0).at(1).toString(), QStringLiteral("typo"));
        QCOMPARE(sent.count(), 0);
        QVERIFY(!m_panel->isEditBannerShown());

        // Unchanged text: nothing to send, edit mode just ends.
        m_box->beginEdit(43, QStringLiteral("same"));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(m_box->editingId(), 0);
    }

    void upInAnEmptyBoxAsksToEditTheLastMessage()
    {
        QSignalSpy wanted(m_box, &ComposeBox::editLastRequested);
        QTest::keyClick(m_box, Qt::Key_Up);
        QCOMPARE(wanted.count(), 1);
        QTest::keyClicks(m_box, QStringLiteral("x"));
        QTest::keyClick(m_box, Qt::Key_Up);
        QCOMPARE(wanted.count(), 1);
    }

    void theCounterAppearsNearTheLimitAndBlocksOversizedText()
    {
        QSignalSpy sent(m_box, &ComposeBox::submitted);
        m_box->setPlainText(QString(100, QLatin1Char('a')));
        QVERIFY(m_panel->counterLabel()->isHidden());
        m_box->setPlainText(QString(limits::kMaxContentBytes - 10, QLatin1Char('a')));
        QVERIFY(!m_panel->counterLabel()->isHidden());
        QCOMPARE(m_panel->counterLabel()->text(), QStringLiteral("10"));
        // Three bytes per character in UTF-8: the limit is in bytes, not characters.
        m_box->setPlainText(QString(limits::kMaxContentBytes / 3 + 1, QChar(0x20AC)));
        QVERIFY(m_box->remainingBytes() < 0);
        QVERIFY(m_panel->counterLabel()->text().startsWith(QLatin1Char('-')));
        QTest::keyClick(m_box, Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
        QVERIFY(!m_box->toPlainText().isEmpty()); // kept, so it can be shortened
    }

    void theBoxGrowsWithItsTextUpToALimit()
    {
        const int oneLine = m_box->height();
        m_box->setPlainText(QStringLiteral("1\n2\n3"));
        QTRY_VERIFY(m_box->height() > oneLine + 2 * m_box->fontMetrics().lineSpacing() - 4);
        m_box->setPlainText(QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12"));
        QTRY_VERIFY(m_box->height() > oneLine);
        const int tallest = m_box->height();
        QVERIFY(tallest < oneLine + 7 * m_box->fontMetrics().lineSpacing());
        m_box->clear();
        QTRY_COMPARE(m_box->height(), oneLine);
    }

    // Issue 20: editing a multi-line message showed it from its second line (the one-line box
    // scrolled to the cursor at the end, then grew and stayed scrolled).
    void editingAMultiLineMessageShowsItsFirstLine()
    {
        const int oneLine = m_box->height();
        m_box->beginEdit(7, QStringLiteral("first line\nsecond line\nthird line"));
        QTRY_VERIFY(m_box->height() > oneLine + 2 * m_box->fontMetrics().lineSpacing() - 4);
        QCoreApplication::processEvents();
        QCOMPARE(m_box->verticalScrollBar()->value(), 0);
        QCOMPARE(m_box->cursorForPosition(QPoint(8, 4)).blockNumber(), 0);
        QCOMPARE(m_box->textCursor().position(), m_box->toPlainText().size()); // at the end
        // Taller than the box gets: the cursor's line (the last) is what shows.
        QString many;
        for (int i = 1; i <= 12; ++i)
            many += QStringLiteral("line %1\n").arg(i);
        m_box->beginEdit(8, many.trimmed());
        QTRY_VERIFY(m_box->verticalScrollBar()->value() > 0);
        QCOMPARE(m_box->cursorForPosition(QPoint(8, m_box->viewport()->height() - 6)).blockNumber(),
                 11);
    }

    void typingIsReported()
    {
        QSignalSpy typing(m_box, &ComposeBox::typingChanged);
        QTest::keyClicks(m_box, QStringLiteral("ab"));
        QVERIFY(typing.count() >= 1);
        QCOMPARE(typing.last().at(0).toBool(), true);
        m_box->clear();
        QCOMPARE(typing.last().at(0).toBool(), false);
    }

    void ctrlKReachesTheWindowShortcut()
    {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), m_window.get());
        QSignalSpy fired(shortcut, &QShortcut::activated);
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_box->setFocus();
        QTest::keyClicks(m_box, QStringLiteral("keep this"));
        QTest::keyClick(m_box, Qt::Key_Home);
        QTest::keyClick(m_box, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(fired.count(), 1);
        QCOMPARE(m_box->toPlainText(), QStringLiteral("keep this")); // not "delete to end"
    }
};

QTEST_MAIN(TestComposeBox)
#include "tst_composebox.moc"
