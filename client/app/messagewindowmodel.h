#pragma once
// The slice of a long message list that the view lays out. QListView measures every row
// again whenever rows arrive (its layout is not incremental), so with 100,000 messages
// loaded each page would block the UI for a fifth of a second; the view shows at most a
// window of a few hundred rows of the source instead and slides it as the reader scrolls.
// Rows arriving inside or at the open end of the window are forwarded; rows outside only
// move it.

#include <QAbstractListModel>
#include <QPointer>

namespace natter::client {

class MessageWindowModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit MessageWindowModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source);
    QAbstractItemModel *sourceModel() const { return m_source; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int first() const { return m_first; }
    bool atSourceStart() const { return m_first == 0; }
    bool atSourceEnd() const;
    QModelIndex mapToSource(const QModelIndex &index) const;
    QModelIndex mapFromSource(const QModelIndex &source) const; // invalid when outside

    // Moves the window: rows come in on one side; trim() drops them on the other.
    int extendUp(int rows);   // rows actually added
    int extendDown(int rows); // rows actually added
    void trimTop(int rows);
    void trimBottom(int rows);
    void showNewest(int rows); // the last `rows` rows of the source (a reset of the window)

signals:
    void sourceReset();

private:
    void onAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onInserted(const QModelIndex &parent, int first, int last);
    void onAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void onReset();

    QPointer<QAbstractItemModel> m_source;
    int m_first = 0;
    int m_count = 0;
    int m_initial = 1000; // rows shown after a reset of the source
    // Between a source's about-to and done signals: what this window does with them.
    enum class Pending
    {
        None,
        Forward,
        Shift
    } m_pending = Pending::None;
    int m_removeFrom = 0;
    int m_removeTo = -1; // the part of a removal inside the window, in window rows
    int m_removedBefore = 0;
};

} // namespace natter::client
