#pragma once
// Who is online, sorted by name (case-insensitively), applied from presence snapshots and
// diffs with row inserts/removes (never a reset per change), so thousands of users stay cheap.

#include "types.h"

#include <QAbstractListModel>
#include <QList>

namespace natter::client {

class OnlineUsersModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        UsernameRole
    };

    explicit OnlineUsersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void applySnapshot(const QList<User> &online, qint64 selfId);
    void applyDiff(const QList<User> &cameOnline, const QList<qint64> &wentOffline, qint64 selfId);
    bool isOnline(qint64 userId) const;
    void clear();

private:
    qsizetype lowerBound(const User &user) const;
    void insertSorted(const User &user);
    void removeUser(qint64 userId);

    QList<User> m_users;
};

} // namespace natter::client
