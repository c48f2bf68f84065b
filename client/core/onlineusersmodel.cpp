#include "onlineusersmodel.h"

#include <algorithm>

namespace natter::client {
namespace {

bool lessByName(const User &a, const User &b)
{
    const int c = a.username.compare(b.username, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a.id < b.id;
}

} // namespace

OnlineUsersModel::OnlineUsersModel(QObject *parent) : QAbstractListModel(parent)
{}

int OnlineUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant OnlineUsersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_users.size())
        return {};
    const User &u = m_users.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole:
        return u.username;
    case IdRole:
        return u.id;
    default:
        return {};
    }
}

QHash<int, QByteArray> OnlineUsersModel::roleNames() const
{
    return {{IdRole, "userId"}, {UsernameRole, "username"}};
}

qsizetype OnlineUsersModel::lowerBound(const User &user) const
{
    return std::lower_bound(m_users.cbegin(), m_users.cend(), user, lessByName) - m_users.cbegin();
}

void OnlineUsersModel::insertSorted(const User &user)
{
    if (isOnline(user.id))
        return;
    const int row = int(lowerBound(user));
    beginInsertRows({}, row, row);
    m_users.insert(row, user);
    endInsertRows();
}

void OnlineUsersModel::removeUser(qint64 userId)
{
    const auto it = std::find_if(m_users.cbegin(), m_users.cend(),
                                 [userId](const User &u) { return u.id == userId; });
    if (it == m_users.cend())
        return;
    const int row = int(it - m_users.cbegin());
    beginRemoveRows({}, row, row);
    m_users.removeAt(row);
    endRemoveRows();
}

void OnlineUsersModel::applySnapshot(const QList<User> &online, qint64 selfId)
{
    beginResetModel(); // a snapshot replaces everything: one reset, not one per user
    m_users.clear();
    for (const User &u : online) {
        if (u.id != selfId)
            m_users.append(u);
    }
    std::sort(m_users.begin(), m_users.end(), lessByName);
    endResetModel();
}

void OnlineUsersModel::applyDiff(const QList<User> &cameOnline, const QList<qint64> &wentOffline,
                                 qint64 selfId)
{
    for (qint64 id : wentOffline)
        removeUser(id);
    for (const User &u : cameOnline) {
        if (u.id != selfId)
            insertSorted(u);
    }
}

bool OnlineUsersModel::isOnline(qint64 userId) const
{
    return std::any_of(m_users.cbegin(), m_users.cend(),
                       [userId](const User &u) { return u.id == userId; });
}

void OnlineUsersModel::clear()
{
    beginResetModel();
    m_users.clear();
    endResetModel();
}

} // namespace natter::client
