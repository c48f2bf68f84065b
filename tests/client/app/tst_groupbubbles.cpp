// Others' bubbles in a group (the bubble delegate on its own, rows in a QStandardItemModel,
// real view, offscreen): a run of one sender's messages carries the name once, on its first
// bubble, and the avatar once, beside its last; 1:1 bubbles have neither.
#include "messagebubbledelegate.h"
#include "messagerows.h"
#include "messageview.h"
#include "theme.h"

#include <QStandardItemModel>
#include <QtTest>

using namespace natter::client;

class TestGroupBubbles : public QObject
{
    Q_OBJECT

    QStandardItemModel m_model;
    std::unique_ptr<MessageView> m_view;

    QModelIndex add(const MessageRow &row)
    {
        m_model.appendRow(messageItem(row));
        return m_model.index(m_model.rowCount() - 1, 0);
    }

    // Pixels left of the bubble of `index`, on its rows, that are not the chat's background.
    int inkBeside(const QImage &image, const QModelIndex &index)
    {
        const QRect bubble = m_view->bubbleRect(index);
        const QColor background = theme::chatBackground(m_view->palette());
        int n = 0;
        for (int y = bubble.top(); y <= bubble.bottom(); ++y) {
            for (int x = 0; x < bubble.left() - 2; ++x) {
                const QColor c = image.pixelColor(x, y);
                n += qAbs(c.red() - background.red()) + qAbs(c.green() - background.green()) +
                                 qAbs(c.blue() - background.blue()) >
                             24
                         ? 1
                         : 0;
            }
        }
        return n;
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

    void aRunHasOneAvatarBesideItsLastBubble()
    {
        m_view->bubbleDelegate()->setShowsSenderNames(true);
        MessageRow first{QStringLiteral("first"), false};
        MessageRow second{QStringLiteral("second"), false};
        MessageRow third{QStringLiteral("third"), false};
        second.at = first.at.addSecs(30);
        third.at = first.at.addSecs(60);
        const QModelIndex a = add(first);
        const QModelIndex b = add(second);
        const QModelIndex c = add(third);
        MessageRow mine{QStringLiteral("mine"), true};
        mine.at = first.at.addSecs(90);
        add(mine);
        m_view->doItemsLayout();
        const QImage image = m_view->viewport()->grab().toImage();
        QCOMPARE(inkBeside(image, a), 0);
        QCOMPARE(inkBeside(image, b), 0);
        QVERIFY(inkBeside(image, c) > 200); // the avatar
        // All three leave room for it, in one column.
        QCOMPARE(m_view->bubbleRect(a).left(), m_view->bubbleRect(c).left());
        QVERIFY(m_view->bubbleRect(a).left() >= 14 + 28);
        // The name is on the first only.
        QVERIFY(m_view->bubbleRect(a).height() > m_view->bubbleRect(b).height());
    }

    void oneToOneBubblesHaveNoAvatar()
    {
        const QModelIndex theirs = add({QStringLiteral("hello"), false});
        m_view->doItemsLayout();
        const QImage image = m_view->viewport()->grab().toImage();
        QCOMPARE(inkBeside(image, theirs), 0);
        QVERIFY(m_view->bubbleRect(theirs).left() < 30);
    }
};

QTEST_MAIN(TestGroupBubbles)
#include "tst_groupbubbles.moc"
