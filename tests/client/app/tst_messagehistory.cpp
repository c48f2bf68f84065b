// A long history in the real model and view (offscreen): paging up measures only the new
// messages, a page arrives as an insert of its rows (never a reset), the message the reader
// looks at stays where it is, and the view lays out a window of the loaded messages that
// slides as the reader scrolls, without losing new-message handling.
#include "messagebubbledelegate.h"
#include "messagelistmodel.h"
#include "messageview.h"
#include "messagewindowmodel.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

constexpr qint64 kConversation = 7;
const User kSelf{1, QStringLiteral("alice")};
const User kPeer{2, QStringLiteral("bob")};

Message message(qint64 id, qint64 sender)
{
    Message m;
    m.id = id;
    m.conversationId = kConversation;
    m.senderId = sender;
    m.content = QStringLiteral("message %1").arg(id);
    m.createdAt = 1764000000000 + id * 7 * 60 * 1000; // a new run every message
    m.rev = id;
    return m;
}

// `count` messages older than `before`, newest first (as a history reply has them).
QList<Message> page(qint64 before, int count)
{
    QList<Message> out;
    for (qint64 id = before - 1; id >= 1 && out.size() < count; --id)
        out.append(message(id, id % 3 == 0 ? kSelf.id : kPeer.id));
    return out;
}

} // namespace

class TestMessageHistory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MessageListModel> m_model;
    std::unique_ptr<MessageView> m_view;

    QScrollBar *bar() const { return m_view->verticalScrollBar(); }
    QModelIndex topIndex() const { return m_view->indexAt(QPoint(m_view->width() / 2, 1)); }
    qint64 topId() const { return topIndex().data(MessageListModel::IdRole).toLongLong(); }

    // The newest `count` of a conversation whose newest message is `newest`.
    void load(qint64 newest, int count)
    {
        for (int loaded = 0; loaded < count; loaded += 50)
            m_model->prependPage(page(loaded == 0 ? newest + 1 : m_model->oldestId(), 50));
        m_view->scrollToNewest();
        QTRY_COMPARE(bar()->value(), bar()->maximum());
    }

    // Scrolls a screen at a time (as PageUp/PageDown do) until `stop` holds.
    template <typename Stop>
    void pageUntil(Stop stop,
                   QAbstractSlider::SliderAction step = QAbstractSlider::SliderPageStepSub)
    {
        for (int i = 0; i < 5000 && !stop(); ++i) {
            bar()->triggerAction(step);
            QCoreApplication::processEvents();
        }
    }

private slots:
    void init()
    {
        m_model = std::make_unique<MessageListModel>();
        m_model->open(kConversation, kSelf, kPeer);
        m_view = std::make_unique<MessageView>();
        m_view->setModel(m_model.get());
        m_view->resize(500, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
    }

    void aPageIsInsertedAboveWithoutAReset()
    {
        load(10000, 200);
        QSignalSpy sourceResets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy viewResets(m_view->model(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->prependPage(page(m_model->oldestId(), 50));
        QCOMPARE(sourceResets.count(), 0);
        QCOMPARE(viewResets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 49);
        QCOMPARE(m_model->rowCount(), 250);
    }

    void pagingUpMeasuresEachMessageOnce()
    {
        load(10000, 100);
        const int before = m_view->bubbleDelegate()->measuredCount();
        QSignalSpy wanted(m_view.get(), &MessageView::olderMessagesWanted);
        connect(m_view.get(), &MessageView::olderMessagesWanted, m_model.get(), [this] {
            QTimer::singleShot(0, m_model.get(),
                               [this] { m_model->prependPage(page(m_model->oldestId(), 50)); });
        });
        pageUntil([this] { return m_model->rowCount() >= 1000; });
        QCOMPARE(m_model->rowCount(), 1000);
        QVERIFY(wanted.count() >= 18);
        // Before: every page measured every loaded message again (about 10,000 here).
        QCOMPARE(m_view->bubbleDelegate()->measuredCount() - before, 900);
    }

    void theMessageOnTopStaysWhenAPageArrives()
    {
        load(10000, 300);
        bar()->setValue(bar()->maximum() / 3);
        const qint64 id = topId();
        const int y = m_view->visualRect(topIndex()).top();
        m_model->prependPage(page(m_model->oldestId(), 50));
        QCoreApplication::processEvents();
        QCOMPARE(topId(), id);
        QCOMPARE(m_view->visualRect(topIndex()).top(), y);
    }

    void theViewLaysOutAWindowThatSlides()
    {
        load(10000, 3000);
        QVERIFY(m_view->model()->rowCount() <= MessageView::kWindowRows);
        QVERIFY(m_view->window()->atSourceEnd());
        QSignalSpy wanted(m_view.get(), &MessageView::olderMessagesWanted);
        // Up through all 3,000 loaded messages: the window slides, the reader's message
        // stays put at each slide, and only at the true top is the server asked.
        qint64 lastTop = topId();
        pageUntil([&] {
            const qint64 id = topId();
            if (id > lastTop)
                return true; // went backwards: the place was lost
            lastTop = id;
            return wanted.count() > 0;
        });
        QCOMPARE(wanted.count(), 1);
        QVERIFY(m_view->window()->atSourceStart());
        QVERIFY(topId() <= 10000 - 3000 + 20);
        // Sizes are kept for the window only, not for all 3,000 scrolled past.
        QVERIFY2(m_view->bubbleDelegate()->cachedCount() <=
                     MessageView::kWindowRows + MessageView::kSlideRows,
                 qPrintable(QString::number(m_view->bubbleDelegate()->cachedCount())));
        QVERIFY(m_view->model()->rowCount() <= MessageView::kWindowRows + MessageView::kSlideRows);
        // And back down to the newest message.
        pageUntil([&] { return m_view->isAtBottom(); }, QAbstractSlider::SliderPageStepAdd);
        QVERIFY(m_view->isAtBottom());
        QVERIFY(m_view->window()->atSourceEnd());
        QCOMPARE(m_view->indexAt(QPoint(10, m_view->viewport()->height() - 20))
                     .data(MessageListModel::IdRole)
                     .toLongLong(),
                 qint64(10000));
    }

    void farUpANewMessageIsCountedAndTheJumpShowsIt()
    {
        load(10000, 3000);
        pageUntil([this] { return m_view->window()->first() < 1000; });
        QVERIFY(!m_view->window()->atSourceEnd());
        const qint64 id = topId();
        m_model->upsert(message(10001, kPeer.id));
        QCoreApplication::processEvents();
        QCOMPARE(topId(), id);
        QCOMPARE(m_view->unseenCount(), 1);
        QTRY_VERIFY(m_view->newMessagesButton()->isVisible());
        QTest::mouseClick(m_view->newMessagesButton(), Qt::LeftButton);
        QTRY_VERIFY(m_view->isAtBottom());
        QCOMPARE(m_view->indexAt(QPoint(10, m_view->viewport()->height() - 20))
                     .data(MessageListModel::IdRole)
                     .toLongLong(),
                 qint64(10001));
    }

    void atTheBottomTheWindowFollowsNewMessages()
    {
        load(10000, 600);
        for (qint64 id = 10001; id <= 10300; ++id)
            m_model->upsert(message(id, kPeer.id));
        QTRY_COMPARE(bar()->value(), bar()->maximum());
        QVERIFY(m_view->isAtBottom());
        QVERIFY(m_view->model()->rowCount() <= MessageView::kWindowRows + MessageView::kSlideRows);
        QTRY_COMPARE(m_view->indexAt(QPoint(10, m_view->viewport()->height() - 20))
                         .data(MessageListModel::IdRole)
                         .toLongLong(),
                     qint64(10300));
    }
};

QTEST_MAIN(TestMessageHistory)
#include "tst_messagehistory.moc"
