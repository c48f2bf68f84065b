#include "messagewindowmodel.h"

#include <algorithm>

namespace natter::client {

MessageWindowModel::MessageWindowModel(QObject *parent) : QAbstractListModel(parent)
{}

void MessageWindowModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    if (m_source)
        m_source->disconnect(this);
    m_source = source;
    const int total = source ? source->rowCount() : 0;
    m_count = std::min(m_initial, total);
    m_first = total - m_count;
    if (source) {
        connect(source, &QAbstractItemModel::rowsAboutToBeInserted, this,
                &MessageWindowModel::onAboutToBeInserted);
        connect(source, &QAbstractItemModel::rowsInserted, this, &MessageWindowModel::onInserted);
        connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &MessageWindowModel::onAboutToBeRemoved);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &MessageWindowModel::onRemoved);
        connect(source, &QAbstractItemModel::dataChanged, this, &MessageWindowModel::onDataChanged);
        connect(source, &QAbstractItemModel::modelReset, this, &MessageWindowModel::onReset);
        // Not emitted by MessageListModel; start over if another model does.
        connect(source, &QAbstractItemModel::layoutChanged, this, &MessageWindowModel::onReset);
        connect(source, &QAbstractItemModel::rowsMoved, this, &MessageWindowModel::onReset);
    }
    endResetModel();
}

int MessageWindowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant MessageWindowModel::data(const QModelIndex &index, int role) const
{
    return m_source && index.isValid() ? mapToSource(index).data(role) : QVariant();
}

QHash<int, QByteArray> MessageWindowModel::roleNames() const
{
    return m_source ? m_source->roleNames() : QAbstractListModel::roleNames();
}

bool MessageWindowModel::atSourceEnd() const
{
    return !m_source || m_first + m_count >= m_source->rowCount();
}

QModelIndex MessageWindowModel::mapToSource(const QModelIndex &index) const
{
    if (!m_source || !index.isValid() || index.model() != this)
        return {};
    return m_source->index(m_first + index.row(), 0);
}

QModelIndex MessageWindowModel::mapFromSource(const QModelIndex &source) const
{
    if (!source.isValid() || source.model() != m_source)
        return {};
    const int row = source.row() - m_first;
    return row >= 0 && row < m_count ? index(row) : QModelIndex();
}

int MessageWindowModel::extendUp(int rows)
{
    rows = std::min(rows, m_first);
    if (rows <= 0)
        return 0;
    beginInsertRows({}, 0, rows - 1);
    m_first -= rows;
    m_count += rows;
    endInsertRows();
    return rows;
}

int MessageWindowModel::extendDown(int rows)
{
    if (!m_source)
        return 0;
    rows = std::min(rows, m_source->rowCount() - m_first - m_count);
    if (rows <= 0)
        return 0;
    beginInsertRows({}, m_count, m_count + rows - 1);
    m_count += rows;
    endInsertRows();
    return rows;
}

void MessageWindowModel::trimTop(int rows)
{
    rows = std::min(rows, m_count);
    if (rows <= 0)
        return;
    beginRemoveRows({}, 0, rows - 1);
    m_first += rows;
    m_count -= rows;
    endRemoveRows();
}

void MessageWindowModel::trimBottom(int rows)
{
    rows = std::min(rows, m_count);
    if (rows <= 0)
        return;
    beginRemoveRows({}, m_count - rows, m_count - 1);
    m_count -= rows;
    endRemoveRows();
}

void MessageWindowModel::showNewest(int rows)
{
    m_initial = rows;
    beginResetModel();
    const int total = m_source ? m_source->rowCount() : 0;
    m_count = std::min(rows, total);
    m_first = total - m_count;
    endResetModel();
}

void MessageWindowModel::onAboutToBeInserted(const QModelIndex &parent, int first, int last)
{
    m_pending = Pending::None;
    if (parent.isValid())
        return;
    // Inside the window, or right after it when it reaches the end (new messages); rows
    // before it only move it. An empty window at the start takes older pages too.
    const int end = m_first + m_count;
    const bool atEnd = end == m_source->rowCount();
    if ((first > m_first && first < end) || (first == end && atEnd) ||
        (first == m_first && m_first == 0)) {
        m_pending = Pending::Forward;
        beginInsertRows({}, first - m_first, last - m_first);
    } else if (first <= m_first) {
        m_pending = Pending::Shift;
    }
}

void MessageWindowModel::onInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int rows = last - first + 1;
    if (m_pending == Pending::Forward) {
        m_count += rows;
        m_pending = Pending::None;
        endInsertRows();
    } else if (m_pending == Pending::Shift) {
        m_first += rows;
        m_pending = Pending::None;
    }
}

void MessageWindowModel::onAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    m_removeTo = -1;
    m_removedBefore = 0;
    if (parent.isValid())
        return;
    const int end = m_first + m_count; // exclusive
    m_removedBefore = std::max(0, std::min(last, m_first - 1) - first + 1);
    const int from = std::max(first, m_first);
    const int to = std::min(last, end - 1);
    if (from <= to) {
        m_removeFrom = from - m_first;
        m_removeTo = to - m_first;
        beginRemoveRows({}, m_removeFrom, m_removeTo);
    }
}

void MessageWindowModel::onRemoved(const QModelIndex &parent, int, int)
{
    if (parent.isValid())
        return;
    m_first -= m_removedBefore;
    if (m_removeTo >= 0) {
        m_count -= m_removeTo - m_removeFrom + 1;
        m_removeTo = -1;
        endRemoveRows();
    }
    m_removedBefore = 0;
}

void MessageWindowModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                       const QList<int> &roles)
{
    const int from = std::max(topLeft.row(), m_first) - m_first;
    const int to = std::min(bottomRight.row(), m_first + m_count - 1) - m_first;
    if (from <= to)
        emit dataChanged(index(from), index(to), roles);
}

void MessageWindowModel::onReset()
{
    showNewest(m_initial);
    emit sourceReset();
}

} // namespace natter::client
