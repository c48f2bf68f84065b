// The message view keeps the reader's place: it follows new messages only from the bottom,
// offers a "new messages" button otherwise, jumps down for your own sends, asks for older
// history near the top and keeps the first visible message in place when it is prepended.
#include "messagelinks.h"
#include "messagerows.h"
#include "messageview.h"

#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QToolButton>
#include <QToolTip>
#include <QtTest>

using namespace natter::client;

// Stands in for the system's browser: QDesktopServices hands it what the view opens.
class Opener : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

class TestMessageView : public QObject
{
    Q_OBJECT

private:
    QStandardItemModel m_model;
    std::unique_ptr<MessageView> m_view;

    void fill(int count, int firstNumber = 0)
    {
        for (int i = 0; i < count; ++i)
            m_model.appendRow(
                messageItem({QStringLiteral("message %1").arg(firstNumber + i), i % 3 == 0}));
    }

    QScrollBar *bar() const { return m_view->verticalScrollBar(); }

    QModelIndex topIndex() const { return m_view->indexAt(QPoint(10, 1)); }

private slots:
    void init()
    {
        m_model.clear();
        m_view = std::make_unique<MessageView>();
        m_view->setModel(&m_model);
        m_view->resize(500, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        fill(60);
        m_view->scrollToNewest();
        QTRY_VERIFY(bar()->maximum() > 0);
        QTRY_COMPARE(bar()->value(), bar()->maximum());
    }

    void newMessagesAreFollowedFromTheBottom()
    {
        QVERIFY(m_view->isAtBottom());
        m_model.appendRow(messageItem({QStringLiteral("new one"), false}));
        QTRY_COMPARE(bar()->value(), bar()->maximum());
        QVERIFY(m_view->visualRect(m_model.index(60, 0)).bottom() <= m_view->viewport()->height());
        QVERIFY(!m_view->newMessagesButton()->isVisible());
    }

    void scrolledUpTheViewStaysAndOffersAJump()
    {
        bar()->setValue(bar()->maximum() / 2);
        const int value = bar()->value();
        const QModelIndex top = topIndex();
        m_model.appendRow(messageItem({QStringLiteral("new one"), false}));
        m_model.appendRow(messageItem({QStringLiteral("another"), false}));
        QTest::qWait(50);
        QCOMPARE(bar()->value(), value);
        QCOMPARE(topIndex(), top);
        QTRY_VERIFY(m_view->newMessagesButton()->isVisible());
        QCOMPARE(m_view->unseenCount(), 2);
        QCOMPARE(m_view->newMessagesButton()->text(), QStringLiteral("2"));
        QTest::mouseClick(m_view->newMessagesButton(), Qt::LeftButton);
        QTRY_COMPARE(bar()->value(), bar()->maximum());
        QVERIFY(!m_view->newMessagesButton()->isVisible());
    }

    void ownSendAlwaysScrollsDown()
    {
        bar()->setValue(bar()->maximum() / 2);
        m_model.appendRow(
            messageItem({QStringLiteral("mine"), true, natter::client::DeliveryState::Pending}));
        QTRY_COMPARE(bar()->value(), bar()->maximum());
        QVERIFY(m_view->isAtBottom());
    }

    void nearTheTopOlderHistoryIsAskedFor()
    {
        QSignalSpy wanted(m_view.get(), &MessageView::olderMessagesWanted);
        bar()->setValue(bar()->maximum() / 2);
        QCOMPARE(wanted.count(), 0);
        bar()->setValue(10);
        QVERIFY(wanted.count() >= 1);
    }

    void prependedHistoryKeepsTheFirstVisibleMessageInPlace()
    {
        bar()->setValue(30);
        const QPersistentModelIndex top = topIndex();
        const int y = m_view->visualRect(top).top();
        const QString text = top.data(MessageListModel::TextRole).toString();
        QList<QStandardItem *> older;
        for (int i = 0; i < 25; ++i)
            m_model.insertRow(i, messageItem({QStringLiteral("older %1").arg(i), false}));
        QTest::qWait(50);
        QCOMPARE(topIndex().data(MessageListModel::TextRole).toString(), text);
        QCOMPARE(m_view->visualRect(top).top(), y);
        QVERIFY(bar()->value() > 30);
    }

    // Issue 20: the selection band stayed on a message after its context menu closed.
    void theBandLeavesWithTheContextMenu()
    {
        const QModelIndex index = m_view->indexAt(QPoint(10, m_view->viewport()->height() / 2));
        QVERIFY(index.isValid());
        const QPoint pos = m_view->visualRect(index).center();
        bool bandDuringMenu = false;
        connect(m_view.get(), &MessageView::messageMenuRequested, this,
                [&]() { bandDuringMenu = m_view->selectionModel()->isSelected(index); });
        // A right click as a mouse sends it: press (selects), release, then the menu event.
        QTest::mouseClick(m_view->viewport(), Qt::RightButton, {}, pos);
        QContextMenuEvent menu(QContextMenuEvent::Mouse, pos, m_view->viewport()->mapToGlobal(pos));
        QCoreApplication::sendEvent(m_view->viewport(), &menu);
        QVERIFY(bandDuringMenu); // it shows which message the menu is for
        QVERIFY(!m_view->selectionModel()->hasSelection());
        QCOMPARE(m_view->currentIndex(), index); // the keyboard's place stays
    }

    void onlyHttpHttpsAndMailtoAreLinks()
    {
        const auto urls = [](const QString &text) {
            QStringList found;
            for (const links::Link &link : links::find(text))
                found << link.url.toString();
            return found;
        };
        QCOMPARE(urls(QStringLiteral("see https://example.org/a?b=1, then http://x.lan.")),
                 QStringList({QStringLiteral("https://example.org/a?b=1"),
                              QStringLiteral("http://x.lan")}));
        QCOMPARE(urls(QStringLiteral("(https://en.wikipedia.org/wiki/Foo_(bar))")),
                 QStringList(QStringLiteral("https://en.wikipedia.org/wiki/Foo_(bar)")));
        QCOMPARE(urls(QStringLiteral("mail mailto:bob@example.org!")),
                 QStringList(QStringLiteral("mailto:bob@example.org")));
        QCOMPARE(urls(QStringLiteral("javascript:alert(1) file:///etc/passwd ftp://h/x "
                                     "data:text/html,hi xhttps://no.pe https:// mailto:")),
                 QStringList());
        // A bidi override cannot ride inside a link to disguise where it goes.
        QCOMPARE(urls(QStringLiteral("https://good.example\u202Eelpmaxe.live")),
                 QStringList(QStringLiteral("https://good.example")));
        QVERIFY(!links::isOpenable(QUrl(QStringLiteral("javascript:alert(1)"))));
        QVERIFY(!links::isOpenable(QUrl(QStringLiteral("file:///etc/passwd"))));
    }

    // Issue 20: links in bubbles. The address shows on hover, a click opens it through
    // QDesktopServices; the text itself stays plain text.
    void aLinkShowsWhereItGoesAndOpensWithAClick()
    {
        Opener opener;
        const QStringList schemes{"http", "https", "mailto", "javascript", "file", "ftp"};
        for (const QString &scheme : schemes)
            QDesktopServices::setUrlHandler(scheme, &opener, "open");
        m_model.clear();
        const QString text = QStringLiteral("see <b>https://example.org/a?b=1&c=2</b>, or "
                                            "javascript:alert(1) and file:///etc/passwd");
        m_model.appendRow(messageItem({text, false}));
        m_view->doItemsLayout();
        const QModelIndex index = m_model.index(0, 0);
        const QRect bubble = m_view->bubbleRect(index);
        QList<QUrl> seen;
        QPoint onLink;
        QPoint offLink;
        for (int y = bubble.top(); y <= bubble.bottom(); y += 2) {
            for (int x = bubble.left(); x <= bubble.right(); x += 2) {
                const QUrl url = m_view->linkAt(QPoint(x, y));
                if (url.isEmpty() && offLink.isNull() &&
                    bubble.adjusted(12, 8, -12, -8).contains(x, y))
                    offLink = QPoint(x, y);
                if (url.isEmpty())
                    continue;
                if (!seen.contains(url))
                    seen << url;
                if (onLink.isNull())
                    onLink = QPoint(x + 2, y + 2);
            }
        }
        const QUrl expected(QStringLiteral("https://example.org/a?b=1&c=2"));
        QCOMPARE(seen, QList<QUrl>{expected});
        QCOMPARE(m_view->linkAt(onLink), expected);

        QTest::mouseMove(m_view->viewport(), onLink);
        QTRY_COMPARE(m_view->viewport()->cursor().shape(), Qt::PointingHandCursor);
        QHelpEvent tip(QEvent::ToolTip, onLink, m_view->viewport()->mapToGlobal(onLink));
        QCoreApplication::sendEvent(m_view->viewport(), &tip);
        QTRY_COMPARE(QToolTip::text(), expected.toString(QUrl::FullyEncoded));
        QToolTip::hideText();
        QTest::mouseMove(m_view->viewport(), offLink);
        QTRY_VERIFY(m_view->viewport()->cursor().shape() != Qt::PointingHandCursor);

        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, offLink);
        QVERIFY(opener.opened.isEmpty());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, onLink);
        QCOMPARE(opener.opened, QList<QUrl>{expected});
        QCOMPARE(index.data(MessageListModel::TextRole).toString(), text); // not rewritten
        for (const QString &scheme : schemes)
            QDesktopServices::unsetUrlHandler(scheme);
    }

    void aResizeKeepsTheBottom()
    {
        m_view->resize(380, 300);
        QTRY_COMPARE(bar()->value(), bar()->maximum());
        m_view->resize(640, 520);
        QTRY_COMPARE(bar()->value(), bar()->maximum());
    }
};

QTEST_MAIN(TestMessageView)
#include "tst_messageview.moc"
