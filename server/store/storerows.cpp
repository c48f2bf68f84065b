#include "storerows.h"

#include <QJsonDocument>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace natter::server {

const QString kMessageSelect = QStringLiteral(
    "SELECT m.id, m.conversation_id, m.sender_id, m.client_id, m.content, m.created_at, "
    "m.edited_at, m.deleted, m.rev, m.system_event, m.file FROM messages m ");

Message messageFromRow(const QSqlQuery &q, int first)
{
    Message m;
    m.id = q.value(first).toLongLong();
    m.conversationId = q.value(first + 1).toLongLong();
    m.senderId = q.value(first + 2).toLongLong();
    m.clientId = QUuid::fromString(q.value(first + 3).toString());
    m.content = q.value(first + 4).toString();
    m.createdAt = q.value(first + 5).toLongLong();
    if (!q.value(first + 6).isNull())
        m.editedAt = q.value(first + 6).toLongLong();
    m.deleted = q.value(first + 7).toBool();
    m.rev = q.value(first + 8).toLongLong();
    const QVariant system = q.value(first + 9);
    if (!system.isNull()) // written by appendSystemLine: always an object
        m.system = SystemEvent::fromJson(QJsonDocument::fromJson(system.toByteArray()).object());
    const QVariant file = q.value(first + 10);
    if (!file.isNull()) // written by appendOne from a stored file: always an object
        m.file = FileInfo::fromJson(QJsonDocument::fromJson(file.toByteArray()).object());
    return m;
}

std::optional<Receipt> advanceReceipt(const Receipt &current, qint64 newest, qint64 upTo, bool read)
{
    const qint64 target = std::min(upTo, newest);
    const qint64 readUpTo = read ? std::max(current.readUpTo, target) : current.readUpTo;
    const qint64 deliveredUpTo =
        std::max({current.deliveredUpTo, readUpTo, read ? current.deliveredUpTo : target});
    if (readUpTo == current.readUpTo && deliveredUpTo == current.deliveredUpTo)
        return std::nullopt;
    Receipt moved = current;
    moved.readUpTo = readUpTo;
    moved.deliveredUpTo = deliveredUpTo;
    return moved;
}

} // namespace natter::server
