#pragma once
// Rows shaped like MessageListModel's, in a QStandardItemModel, for testing the views and
// delegates without a server.

#include "messagelistmodel.h"

#include <QDateTime>
#include <QStandardItem>

struct MessageRow
{
    QString text;
    bool own = false;
    natter::client::DeliveryState delivery = natter::client::DeliveryState::Sent;
    QDateTime at = QDateTime(QDate(2026, 11, 25), QTime(14, 5));
    bool newDay = false;
    bool deleted = false;
    bool edited = false;
    qint64 id = 0;
};

inline QStandardItem *messageItem(const MessageRow &row)
{
    using natter::client::MessageListModel;
    static qint64 nextId = 1;
    auto *item = new QStandardItem(row.text);
    item->setData(row.id > 0 ? row.id : nextId++, MessageListModel::IdRole);
    item->setData(row.text, MessageListModel::TextRole);
    item->setData(row.own ? 1 : 2, MessageListModel::SenderIdRole);
    item->setData(row.own ? QStringLiteral("alice") : QStringLiteral("bob"),
                  MessageListModel::SenderNameRole);
    item->setData(row.own, MessageListModel::IsOwnRole);
    item->setData(row.at, MessageListModel::CreatedAtRole);
    item->setData(row.at.toMSecsSinceEpoch(), MessageListModel::CreatedAtMsRole);
    item->setData(qint64(1), MessageListModel::RevisionRole);
    item->setData(row.edited, MessageListModel::EditedRole);
    item->setData(row.deleted, MessageListModel::DeletedRole);
    item->setData(int(row.delivery), MessageListModel::DeliveryRole);
    item->setData(row.newDay, MessageListModel::StartsNewDayRole);
    return item;
}
