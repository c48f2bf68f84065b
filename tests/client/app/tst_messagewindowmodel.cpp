// The window the message view lays out: which source changes it forwards, which only move
// it, and how it slides.
#include "messagewindowmodel.h"

#include <QSignalSpy>
#include <QStringListModel>
#include <QtTest>

using namespace natter::client;

namespace {

QStringList numbers(int from, int to)
{
    QStringList out;
    for (int i = from; i <= to; ++i)
        out << QString::number(i);
    return out;
}

QStringList shown(const MessageWindowModel &window)
{
    QStringList out;
    for (int row = 0; row < window.rowCount(); ++row)
        out << window.index(row).data(Qt::DisplayRole).toString();
    return out;
}

} // namespace

class TestMessageWindowModel : public QObject
{
    Q_OBJECT

private:
    QStringListModel m_source;
    std::unique_ptr<MessageWindowModel> m_window;

    // Source 0..99, the window on 40..59.
    void middle()
    {
        m_window->showNewest(60);
        QCOMPARE(shown(*m_window), numbers(40, 99));
        m_window->trimBottom(40);
        QCOMPARE(shown(*m_window), numbers(40, 59));
    }

private slots:
    void init()
    {
        m_source.setStringList(numbers(0, 99));
        m_window = std::make_unique<MessageWindowModel>();
        m_window->setSourceModel(&m_source);
    }

    void itShowsTheNewestRowsOfALongSource()
    {
        m_window->showNewest(30);
        QCOMPARE(shown(*m_window), numbers(70, 99));
        QVERIFY(m_window->atSourceEnd());
        QVERIFY(!m_window->atSourceStart());
    }

    void rowsBeforeTheWindowOnlyMoveIt()
    {
        middle();
        QSignalSpy inserted(m_window.get(), &QAbstractItemModel::rowsInserted);
        m_source.insertRows(0, 5);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(shown(*m_window), numbers(40, 59));
        QCOMPARE(m_window->first(), 45);
        m_source.removeRows(0, 10);
        QCOMPARE(shown(*m_window), numbers(40, 59));
        QCOMPARE(m_window->first(), 35);
    }

    void rowsAfterTheWindowAreIgnoredUnlessItReachesTheEnd()
    {
        middle();
        QSignalSpy inserted(m_window.get(), &QAbstractItemModel::rowsInserted);
        m_source.insertRows(m_source.rowCount(), 1);
        QCOMPARE(inserted.count(), 0);
        m_window->showNewest(10);
        m_source.insertRows(m_source.rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_window->rowCount(), 12);
        QVERIFY(m_window->atSourceEnd());
    }

    void olderRowsJoinAWindowAtTheStart()
    {
        m_window->showNewest(100);
        QVERIFY(m_window->atSourceStart());
        QSignalSpy inserted(m_window.get(), &QAbstractItemModel::rowsInserted);
        m_source.insertRows(0, 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_window->rowCount(), 103);
        QCOMPARE(m_window->first(), 0);
    }

    void changesInsideAreForwardedInWindowRows()
    {
        middle();
        QSignalSpy changed(m_window.get(), &QAbstractItemModel::dataChanged);
        m_source.setData(m_source.index(45), QStringLiteral("changed"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 5);
        QCOMPARE(m_window->index(5).data().toString(), QStringLiteral("changed"));
        m_source.setData(m_source.index(10), QStringLiteral("outside"));
        QCOMPARE(changed.count(), 1);
        // A removal across its start: the part inside goes, the window moves.
        QSignalSpy removed(m_window.get(), &QAbstractItemModel::rowsRemoved);
        m_source.removeRows(38, 4); // 38..41
        QCOMPARE(removed.count(), 1);
        QCOMPARE(shown(*m_window),
                 numbers(42, 59).replaceInStrings(QStringLiteral("45"), QStringLiteral("changed")));
        QCOMPARE(m_window->first(), 38);
    }

    void itSlidesBothWaysAndMapsIndexes()
    {
        middle();
        QCOMPARE(m_window->extendUp(15), 15);
        QCOMPARE(m_window->extendDown(15), 15);
        QCOMPARE(shown(*m_window), numbers(25, 74));
        QCOMPARE(m_window->mapToSource(m_window->index(0)).row(), 25);
        QCOMPARE(m_window->mapFromSource(m_source.index(30)).row(), 5);
        QVERIFY(!m_window->mapFromSource(m_source.index(80)).isValid());
        QCOMPARE(m_window->extendUp(100), 25);
        QVERIFY(m_window->atSourceStart());
        QCOMPARE(m_window->extendDown(100), 25);
        QVERIFY(m_window->atSourceEnd());
    }

    void aSourceResetShowsItsNewestRows()
    {
        m_window->showNewest(30);
        QSignalSpy reset(m_window.get(), &MessageWindowModel::sourceReset);
        m_source.setStringList(numbers(0, 9));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(shown(*m_window), numbers(0, 9));
    }
};

QTEST_MAIN(TestMessageWindowModel)
#include "tst_messagewindowmodel.moc"
