// The bubble delegate on its own (rows in a QStandardItemModel, real view, offscreen):
// sides, colours, wrapping, literal text, tombstones, ticks, day separators and runs.
#include "bidicontrols.h"
#include "messagebubbledelegate.h"
#include "messagerows.h"
#include "messageview.h"
#include "theme.h"

#include <QStandardItemModel>
#include <QTextLayout>
#include <QtTest>

using namespace natter::client;

namespace {

bool near(const QColor &a, const QColor &b, int tolerance = 4)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance &&
           qAbs(a.blue() - b.blue()) <= tolerance;
}

int pixelsNear(const QImage &image, const QRect &rect, const QColor &colour, int tolerance)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (near(image.pixelColor(x, y), colour, tolerance))
                ++n;
        }
    }
    return n;
}

} // namespace

class TestMessageBubbleDelegate : public QObject
{
    Q_OBJECT

private:
    QStandardItemModel m_model;
    std::unique_ptr<MessageView> m_view;

    QModelIndex add(const MessageRow &row)
    {
        m_model.appendRow(messageItem(row));
        return m_model.index(m_model.rowCount() - 1, 0);
    }

    QImage grab()
    {
        m_view->doItemsLayout();
        return m_view->viewport()->grab().toImage();
    }

private slots:
    void init()
    {
        m_model.clear();
        m_view = std::make_unique<MessageView>();
        m_view->setModel(&m_model);
        m_view->resize(600, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void ownMessagesSitRightAndOthersLeft()
    {
        const QModelIndex mine = add({QStringLiteral("mine"), true});
        const QModelIndex theirs = add({QStringLiteral("theirs"), false});
        m_view->doItemsLayout();
        const int width = m_view->viewport()->width();
        QVERIFY(m_view->bubbleRect(mine).right() > width - 30);
        QVERIFY(m_view->bubbleRect(mine).left() > width / 2);
        QVERIFY(m_view->bubbleRect(theirs).left() < 30);
        QVERIFY(m_view->bubbleRect(theirs).right() < width / 2);
    }

    void bubblesArePaintedInTheirColours()
    {
        const QModelIndex mine = add({QStringLiteral("mine"), true});
        const QModelIndex theirs = add({QStringLiteral("theirs"), false});
        const QImage image = grab();
        const QPalette pal = m_view->palette();
        // Just inside the top edge, clear of the rounded corner and the text.
        const QRect own = m_view->bubbleRect(mine);
        const QRect other = m_view->bubbleRect(theirs);
        QVERIFY(near(image.pixelColor(own.center().x(), own.top() + 2), theme::ownBubble(pal)));
        QVERIFY(
            near(image.pixelColor(other.center().x(), other.top() + 2), theme::otherBubble(pal)));
        // Between the bubbles: the chat background.
        QVERIFY(near(image.pixelColor(m_view->viewport()->width() / 2, own.bottom() + 3),
                     theme::chatBackground(pal)));
    }

    void longWordsWrapInsideTheBubble()
    {
        const QModelIndex index = add({QString(400, QLatin1Char('w')), false});
        const QModelIndex shortOne = add({QStringLiteral("w"), false});
        m_view->doItemsLayout();
        const QRect bubble = m_view->bubbleRect(index);
        QVERIFY2(bubble.width() <= int(m_view->viewport()->width() * 0.8),
                 qPrintable(QString::number(bubble.width())));
        QVERIFY(bubble.height() > 4 * m_view->bubbleRect(shortOne).height() / 2);
    }

    void lineBreaksStartNewLines()
    {
        // Shift+Enter in the compose box: "first line" / "second line", not one run-on line.
        const QModelIndex twoLines = add({QStringLiteral("first line\nsecond line"), false});
        const QModelIndex oneLine = add({QStringLiteral("first line second line"), false});
        m_view->doItemsLayout();
        const QString shown = MessageBubbleDelegate::displayText(twoLines);
        QVERIFY(!shown.contains(QLatin1Char('\n')));
        QCOMPARE(shown.split(QChar::LineSeparator),
                 (QStringList{QStringLiteral("first line"), QStringLiteral("second line")}));
        const QFontMetrics metrics(m_view->font());
        const QRect two = m_view->bubbleRect(twoLines);
        const QRect one = m_view->bubbleRect(oneLine);
        // One more line of text, and no wider than its longer line needs.
        QVERIFY2(two.height() - one.height() >= metrics.lineSpacing() * 8 / 10,
                 qPrintable(QStringLiteral("%1 vs %2").arg(two.height()).arg(one.height())));
        QVERIFY(two.width() < one.width());
    }

    void markupIsShownLiterally()
    {
        const QString markup = QStringLiteral("<b>x</b> &amp; <i>y</i>");
        const QModelIndex tagged = add({markup, false});
        const QModelIndex plain = add({QStringLiteral("x & y"), false});
        m_view->doItemsLayout();
        QCOMPARE(MessageBubbleDelegate::displayText(tagged), markup);
        // Every character of the tags takes room: nothing was interpreted away.
        const int tags =
            QFontMetrics(m_view->font()).horizontalAdvance(QStringLiteral("<b></b>amp;<i></i>"));
        QVERIFY(m_view->bubbleRect(tagged).width() - m_view->bubbleRect(plain).width() >=
                tags * 8 / 10);
    }

    // An override a message leaves open ends with the message: the display string closes it,
    // and text laid out after an isolated message keeps its own order.
    void anUnterminatedOverrideStaysInItsMessage()
    {
        const QString evil = QStringLiteral("abc\u202Edef");
        const QModelIndex index = add({evil, false});
        QCOMPARE(MessageBubbleDelegate::displayText(index), evil + QChar(0x202C));

        // Where "12:30" is drawn after the text in one paragraph: its digits stay in order.
        const auto digitsInOrder = [this](const QString &message) {
            const QString line = message + QStringLiteral(" 12:30");
            QTextLayout layout(line, m_view->font());
            layout.beginLayout();
            layout.createLine();
            layout.endLayout();
            const qsizetype one = line.lastIndexOf(u'1');
            const QTextLine first = layout.lineAt(0);
            return first.cursorToX(int(one)) < first.cursorToX(int(one + 1));
        };
        QVERIFY(digitsInOrder(QStringLiteral("abcdef")));
        QVERIFY(!digitsInOrder(evil)); // what an unclosed override does
        QVERIFY(digitsInOrder(bidi::isolated(evil)));
        QVERIFY(digitsInOrder(MessageBubbleDelegate::displayText(index)));
    }

    void deletedMessagesShowATombstone()
    {
        MessageRow row{QString(), false};
        row.deleted = true;
        const QModelIndex index = add(row);
        QCOMPARE(MessageBubbleDelegate::displayText(index),
                 QStringLiteral("This message was deleted"));
        QVERIFY(m_view->bubbleRect(index).width() > 100);
    }

    void readTicksUseTheAccentColour()
    {
        MessageRow read{QStringLiteral("read one"), true, DeliveryState::Read};
        MessageRow delivered{QStringLiteral("delivered one"), true, DeliveryState::Delivered};
        delivered.at = read.at.addSecs(3600); // separate runs: same corners
        const QModelIndex r = add(read);
        const QModelIndex d = add(delivered);
        const QImage image = grab();
        const QColor accent = theme::readTicks(m_view->palette());
        const auto tickArea = [this](const QModelIndex &index) {
            const QRect b = m_view->bubbleRect(index);
            return QRect(b.right() - 30, b.top() + 2, 24, b.height() - 4);
        };
        QVERIFY(pixelsNear(image, tickArea(r), accent, 40) > 3);
        QCOMPARE(pixelsNear(image, tickArea(d), accent, 40), 0);
    }

    void pendingAndFailedLookDifferentFromSent()
    {
        const QModelIndex pending = add({QStringLiteral("same"), true, DeliveryState::Pending});
        MessageRow failedRow{QStringLiteral("same"), true, DeliveryState::Failed};
        failedRow.at = failedRow.at.addSecs(3600);
        const QModelIndex failed = add(failedRow);
        MessageRow sentRow{QStringLiteral("same"), true, DeliveryState::Sent};
        sentRow.at = sentRow.at.addSecs(7200);
        const QModelIndex sent = add(sentRow);
        const QImage image = grab();
        const auto corner = [&](const QModelIndex &index) {
            const QRect b = m_view->bubbleRect(index);
            return image.copy(QRect(b.right() - 28, b.top() + 4, 22, b.height() - 8));
        };
        QVERIFY(corner(pending) != corner(sent));
        QVERIFY(pixelsNear(image, m_view->bubbleRect(failed), theme::danger(m_view->palette()),
                           30) > 3);
        QVERIFY(m_view->bubbleRect(failed).width() >
                m_view->bubbleRect(sent).width()); // "Not sent"
    }

    void aNewDayGetsASeparator()
    {
        MessageRow first{QStringLiteral("same text"), false};
        MessageRow second{QStringLiteral("same text"), false};
        second.at = first.at.addSecs(3600);
        second.newDay = true;
        const QModelIndex a = add(first);
        const QModelIndex b = add(second);
        QStyleOptionViewItem option;
        option.widget = m_view.get();
        option.font = m_view->font();
        option.fontMetrics = m_view->fontMetrics();
        QVERIFY(m_view->itemDelegate()->sizeHint(option, b).height() >=
                m_view->itemDelegate()->sizeHint(option, a).height() + 20);
        QCOMPARE(MessageBubbleDelegate::dayLabel(QDate(2026, 11, 25), QDate(2026, 11, 25)),
                 QStringLiteral("Today"));
        QCOMPARE(MessageBubbleDelegate::dayLabel(QDate(2026, 11, 24), QDate(2026, 11, 25)),
                 QStringLiteral("Yesterday"));
    }

    // Issue 20: 1:1 bubbles repeated the other person's name (the header shows it already).
    void oneToOneBubblesCarryNoName()
    {
        QVERIFY(!m_view->bubbleDelegate()->showsSenderNames());
        const QModelIndex theirs = add({QStringLiteral("same text"), false});
        const QModelIndex own = add({QStringLiteral("same text"), true});
        m_view->doItemsLayout();
        QCOMPARE(m_view->bubbleRect(theirs).height(), m_view->bubbleRect(own).height());
    }

    // Where names are shown (more than one other person could have written).
    void aRunShowsTheSenderOnlyOnItsFirstBubble()
    {
        m_view->bubbleDelegate()->setShowsSenderNames(true);
        MessageRow first{QStringLiteral("same text"), false};
        MessageRow second{QStringLiteral("same text"), false};
        second.at = first.at.addSecs(60);
        const QModelIndex a = add(first);
        const QModelIndex b = add(second);
        m_view->doItemsLayout();
        QVERIFY(m_view->bubbleRect(a).height() > m_view->bubbleRect(b).height());
        // Own messages never carry a name.
        const QModelIndex own = add({QStringLiteral("same text"), true});
        m_view->doItemsLayout();
        QCOMPARE(m_view->bubbleRect(own).height(), m_view->bubbleRect(b).height());
    }

    void eachMessageIsMeasuredOnceAcrossLayoutsAndPaints()
    {
        for (int i = 0; i < 40; ++i)
            add({QStringLiteral("message number %1 with a few words").arg(i), i % 2 == 0});
        grab(); // the scroll bar has appeared: the width is final
        const auto *delegate = m_view->bubbleDelegate();
        const int measured = delegate->measuredCount();
        QVERIFY(measured >= 40);
        // Rows arriving relayout the whole list; none of it is measured again.
        m_model.insertRow(0, messageItem({QStringLiteral("older"), false}));
        grab();
        m_view->doItemsLayout();
        grab();
        QCOMPARE(delegate->measuredCount(), measured + 1);
    }

    void aChangedMessageIsMeasuredAgain()
    {
        MessageRow row{QStringLiteral("short"), false};
        row.id = 77;
        const QModelIndex index = add(row);
        add({QStringLiteral("below"), true});
        grab();
        const int height = m_view->bubbleRect(index).height();
        const int measured = m_view->bubbleDelegate()->measuredCount();
        // An edit: same id, a new revision, text that needs several lines.
        m_model.setData(index, QString(300, QLatin1Char('x')), MessageListModel::TextRole);
        m_model.setData(index, qint64(2), MessageListModel::RevisionRole);
        grab();
        QVERIFY(m_view->bubbleRect(index).height() > height * 2);
        QCOMPARE(m_view->bubbleDelegate()->measuredCount(), measured + 1);
        // A tombstone: measured again, one line in italics.
        m_model.setData(index, true, MessageListModel::DeletedRole);
        grab();
        QVERIFY(m_view->bubbleRect(index).height() < height * 2);
    }

    void aNarrowerViewMeasuresAgain()
    {
        const QModelIndex index = add({QString(60, QLatin1Char('y')), false});
        grab();
        const QRect wide = m_view->bubbleRect(index);
        m_view->resize(240, 500);
        grab();
        const QRect narrow = m_view->bubbleRect(index);
        QVERIFY(narrow.width() < wide.width());
        QVERIFY(narrow.height() > wide.height());
    }
};

QTEST_MAIN(TestMessageBubbleDelegate)
#include "tst_messagebubbledelegate.moc"
