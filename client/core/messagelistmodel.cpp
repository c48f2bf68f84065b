#include "messagelistmodel.h"

#include "filetransfer.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace natter::client {
namespace {

// Resolved once: a QDateTime in Qt::LocalTime asks the C library, which checks
// /etc/localtime on every conversion; the zone's own transition table does not.
const QTimeZone &localZone()
{
    static const QTimeZone zone = QTimeZone::systemTimeZone();
    return zone;
}

QDateTime localTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, localZone());
}

} // namespace

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent)
{}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

DeliveryState MessageListModel::deliveryOf(const Row &row) const
{
    if (row.failed)
        return DeliveryState::Failed;
    if (row.pending)
        return DeliveryState::Pending;
    if (row.message.id <= m_peerReadUpTo)
        return DeliveryState::Read;
    if (row.message.id <= m_peerDeliveredUpTo)
        return DeliveryState::Delivered;
    return DeliveryState::Sent;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const Message &m = row.message;
    const bool own = m.senderId == m_self.id;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.content;
    case IdRole:
        return m.id;
    case ClientIdRole:
        return m.clientId;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole: {
        if (own)
            return m_self.username;
        const QString name = m_nameOf ? m_nameOf(m.senderId) : QString();
        return name.isEmpty() ? m_peer.username : name;
    }
    case IsSystemRole:
        return m.system.has_value();
    case IsOwnRole:
        return own;
    case CreatedAtRole:
        return localTime(m.createdAt);
    case CreatedAtMsRole:
        return m.createdAt;
    case RevisionRole:
        return m.rev;
    case EditedRole:
        return m.editedAt.has_value() && !m.deleted;
    case DeletedRole:
        return m.deleted;
    case DeliveryRole:
        return int(deliveryOf(row));
    case Qt::AccessibleTextRole:
        return accessibleText(index);
    case StartsNewDayRole:
        return index.row() == 0 || m_rows.at(index.row() - 1).localDay != row.localDay;
    case ReplyToIdRole:
        return m.replyTo && !m.deleted ? m.replyTo->id : qint64(0); // a tombstone quotes none
    case ReplyQuoteRole:
        return replyQuote(m);
    case ReactionsRole:
        return reactionChips(m);
    case StartsUnreadRole:
        return startsUnread(index.row());
    case FileRole:
        return m.file && !m.deleted ? QVariant(m.file->toJson()) : QVariant();
    case IsImageRole:
        return m.file && !m.deleted && isInlineImageMime(m.file->mime);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"},        {ClientIdRole, "clientId"},
            {SenderIdRole, "senderId"},   {SenderNameRole, "sender"},
            {IsOwnRole, "own"},           {TextRole, "text"},
            {CreatedAtRole, "createdAt"}, {EditedRole, "edited"},
            {DeletedRole, "deleted"},     {DeliveryRole, "delivery"},
            {StartsNewDayRole, "newDay"}, {CreatedAtMsRole, "createdAtMs"},
            {RevisionRole, "revision"},   {FileRole, "file"},
            {IsImageRole, "isImage"}};
}

MessageListModel::Row MessageListModel::makeRow(const Message &message, bool pending, bool failed)
{
    return Row{message, pending, failed, localTime(message.createdAt).date().toJulianDay()};
}

void MessageListModel::open(qint64 conversationId, const User &self, const User &peer)
{
    beginResetModel();
    m_rows.clear();
    m_conversationId = conversationId;
    m_self = self;
    m_peer = peer;
    m_peerReadUpTo = m_peerDeliveredUpTo = 0;
    m_unreadAfter = 0;
    endResetModel();
}

void MessageListModel::close()
{
    open(0, m_self, User{});
}

qint64 MessageListModel::oldestId() const
{
    for (const Row &r : m_rows) {
        if (!r.pending)
            return r.message.id;
    }
    return 0;
}

qint64 MessageListModel::newestId() const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (!it->pending)
            return it->message.id;
    }
    return 0;
}

int MessageListModel::rowOfId(qint64 id) const
{
    // Shown messages are in id order with pending ones (no id yet) at the end: a binary
    // search, so merging a page stays cheap with 100,000 rows loaded.
    auto end = m_rows.cend();
    while (end != m_rows.cbegin() && std::prev(end)->pending)
        --end;
    const auto it = std::lower_bound(m_rows.cbegin(), end, id,
                                     [](const Row &r, qint64 v) { return r.message.id < v; });
    return it != end && it->message.id == id ? int(it - m_rows.cbegin()) : -1;
}

int MessageListModel::rowOfClientId(const QUuid &clientId) const
{
    if (clientId.isNull()) // not sent from a client of ours: nothing to match
        return -1;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows[i].message.clientId == clientId && m_rows[i].message.senderId == m_self.id)
            return i;
    }
    return -1;
}

void MessageListModel::prependPage(const QList<Message> &newestFirst)
{
    QList<Row> older;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        if (it->conversationId == m_conversationId && rowOfId(it->id) < 0)
            older.append(makeRow(*it));
    }
    if (older.isEmpty())
        return;
    // The page may overlap what is shown; keep only what is older than the oldest row.
    const qint64 oldest = oldestId();
    if (oldest > 0)
        older.removeIf([oldest](const Row &r) { return r.message.id >= oldest; });
    if (older.isEmpty())
        return;
    // Only the new rows are inserted (no reset), so views keep their place and what they know.
    beginInsertRows({}, 0, int(older.size()) - 1);
    for (auto it = older.rbegin(); it != older.rend(); ++it)
        m_rows.prepend(std::move(*it)); // QList keeps room at the front: no copy of the rest
    endInsertRows();
    if (m_rows.size() > older.size()) // the next row may start a new day now
        emit dataChanged(index(int(older.size())), index(int(older.size())), {StartsNewDayRole});
}

int MessageListModel::dropNewestBeyond(int keep)
{
    const int drop = int(m_rows.size()) - keep;
    if (keep < 0 || drop <= 0)
        return 0;
    beginRemoveRows({}, keep, int(m_rows.size()) - 1);
    m_rows.resize(keep);
    endRemoveRows();
    return drop;
}

int MessageListModel::dropOldestBeyond(int keep)
{
    const int drop = int(m_rows.size()) - keep;
    if (keep < 0 || drop <= 0)
        return 0;
    beginRemoveRows({}, 0, drop - 1);
    m_rows.remove(0, drop);
    endRemoveRows();
    if (!m_rows.isEmpty()) // the first row starts its day now
        emit dataChanged(index(0), index(0), {StartsNewDayRole});
    return drop;
}

void MessageListModel::upsert(const Message &message)
{
    if (message.conversationId != m_conversationId)
        return;
    int row = rowOfId(message.id);
    if (row < 0)
        row = rowOfClientId(message.clientId);
    if (row >= 0) {
        // Events and sync pages may arrive out of order: never go back to an older state.
        if (!m_rows[row].pending && m_rows[row].message.rev > message.rev)
            return;
        if (m_rows[row].pending && row > 0 && m_rows[row - 1].pending) {
            // Stored while an older pending row waits (a file still uploading): it goes to
            // its place in id order, before every pending row.
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        } else {
            m_rows[row] = makeRow(message);
            emit dataChanged(index(row), index(row));
            return;
        }
    }
    // Keep id order; pending rows stay at the end.
    int at = int(m_rows.size());
    while (at > 0 && (m_rows[at - 1].pending || m_rows[at - 1].message.id > message.id))
        --at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, makeRow(message));
    endInsertRows();
}

void MessageListModel::update(const Message &message)
{
    const int row = rowOfId(message.id);
    if (row < 0 || message.conversationId != m_conversationId ||
        m_rows[row].message.rev > message.rev)
        return;
    m_rows[row].message = message;
    emit dataChanged(index(row), index(row));
}

void MessageListModel::adoptConversation(qint64 conversationId)
{
    if (m_conversationId != 0)
        return;
    m_conversationId = conversationId;
    for (Row &r : m_rows)
        r.message.conversationId = conversationId;
}

void MessageListModel::addPending(const PendingMessage &pending)
{
    if (const int row = rowOfClientId(pending.clientId); row >= 0) {
        Message &m = m_rows[row].message;
        if (m_rows[row].pending && (m.file != pending.file || m.content != pending.content)) {
            m.file = pending.file;
            m.content = pending.content;
            emit dataChanged(index(row), index(row));
        }
        return;
    }
    Message m;
    m.conversationId = m_conversationId;
    m.senderId = m_self.id;
    m.clientId = pending.clientId;
    m.content = pending.content;
    m.createdAt = pending.createdAt;
    m.file = pending.file;
    if (pending.replyTo > 0)
        m.replyTo = quoteOf(pending.replyTo);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(makeRow(m, true, pending.failed));
    endInsertRows();
}

void MessageListModel::removePending(const QUuid &clientId)
{
    const int row = rowOfClientId(clientId);
    if (row < 0 || !m_rows[row].pending)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessageListModel::markFailed(const QUuid &clientId)
{
    const int row = rowOfClientId(clientId);
    if (row < 0 || !m_rows[row].pending)
        return;
    m_rows[row].failed = true;
    emit dataChanged(index(row), index(row), {DeliveryRole});
}

void MessageListModel::hide(qint64 messageId)
{
    const int row = rowOfId(messageId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void MessageListModel::refreshSenderNames()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {SenderNameRole});
}

void MessageListModel::setPeerReceipt(qint64 readUpTo, qint64 deliveredUpTo)
{
    readUpTo = std::max(readUpTo, m_peerReadUpTo);
    deliveredUpTo = std::max({deliveredUpTo, readUpTo, m_peerDeliveredUpTo});
    if (readUpTo == m_peerReadUpTo && deliveredUpTo == m_peerDeliveredUpTo)
        return;
    m_peerReadUpTo = readUpTo;
    m_peerDeliveredUpTo = deliveredUpTo;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {DeliveryRole});
}

QString MessageListModel::accessibleText(const QModelIndex &index) const
{
    // What a screen reader says for the row: who, when, what, and for one's own the state,
    // e.g. "alice, 09:02: lunch at 12? Delivered."
    const Message &m = m_rows.at(index.row()).message;
    const QString time = QLocale().toString(localTime(m.createdAt).time(), QLocale::ShortFormat);
    if (m.system)
        return tr("%1: %2").arg(time, m.content);
    QString what = m.deleted ? tr("This message was deleted") : m.content;
    if (m.file && !m.deleted)
        what = what.isEmpty() ? tr("File %1").arg(m.file->name)
                              : tr("File %1, %2").arg(m.file->name, what);
    QString text =
        tr("%1, %2: %3").arg(data(index, SenderNameRole).toString(), time, what.simplified());
    if (m.senderId != m_self.id || m.deleted)
        return text;
    switch (deliveryOf(m_rows.at(index.row()))) {
    case DeliveryState::Pending:
        return tr("%1 Sending.").arg(text);
    case DeliveryState::Failed:
        return tr("%1 Not sent.").arg(text);
    case DeliveryState::Sent:
        return tr("%1 Sent.").arg(text);
    case DeliveryState::Delivered:
        return tr("%1 Delivered.").arg(text);
    case DeliveryState::Read:
        return tr("%1 Read.").arg(text);
    }
    return text;
}

} // namespace natter::client
