#include "conversationlistmodel.h"

#include "draftstore.h"
#include "filekinds.h"

#include <QDateTime>

#include <algorithm>

namespace natter::client {

ConversationListModel::ConversationListModel(QObject *parent) : QAbstractListModel(parent)
{}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_conversations.size())
        return {};
    const Conversation &c = m_conversations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PeerNameRole: // the title: a group's name
        return c.group ? c.name : c.peer.username;
    case IdRole:
        return c.id;
    case PeerIdRole:
        return c.peer.id;
    case PeerOnlineRole: // a group has no presence of its own (its peer is its creator)
        return !c.group && c.peer.online;
    case LastMessageTextRole: {
        if (!c.lastMessage)
            return QString();
        QString text =
            c.lastMessage->deleted ? tr("Message deleted") : c.lastMessage->content.simplified();
        if (const auto &file = c.lastMessage->file; file && !c.lastMessage->deleted) {
            // A file: its kind's symbol, then the caption or else the file's name.
            text = fileKindSymbol(fileKindOf(file->mime, file->name)) + QLatin1Char(' ') +
                   (text.isEmpty() ? file->name.simplified() : text);
        }
        if (c.lastMessage->senderId == m_selfId)
            return tr("You: %1").arg(text);
        if (!c.group || c.lastMessage->system || !m_nameOf)
            return text;
        const QString sender = m_nameOf(c.lastMessage->senderId);
        return sender.isEmpty() ? text : tr("%1: %2").arg(sender, text);
    }
    case LastActivityRole:
        return QDateTime::fromMSecsSinceEpoch(c.lastActivity);
    case UnreadRole:
        return c.unread;
    case Qt::AccessibleTextRole: {
        // "bob, 3 unread, online": what a screen reader says for the row.
        QString text = c.group ? c.name : c.peer.username;
        if (c.unread > 0)
            text = tr("%1, %n unread", nullptr, c.unread).arg(text);
        if (!c.group && c.peer.online)
            text = tr("%1, online").arg(text);
        return text;
    }
    case DraftRole:
        return m_drafts ? m_drafts->textOf(c.id).simplified() : QString();
    case IsGroupRole:
        return c.group;
    case MemberCountRole:
        return c.memberCount;
    case LeftRole:
        return c.left;
    case IsAdminRole:
        return c.admin;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"},
            {PeerIdRole, "peerId"},
            {PeerNameRole, "peerName"},
            {PeerOnlineRole, "peerOnline"},
            {LastMessageTextRole, "lastMessage"},
            {LastActivityRole, "lastActivity"},
            {UnreadRole, "unread"},
            {DraftRole, "draft"},
            {IsGroupRole, "isGroup"},
            {MemberCountRole, "memberCount"},
            {LeftRole, "left"},
            {IsAdminRole, "isAdmin"}};
}

void ConversationListModel::setDrafts(const DraftStore *drafts)
{
    if (m_drafts)
        disconnect(m_drafts, nullptr, this, nullptr);
    m_drafts = drafts;
    if (!drafts)
        return;
    // A handful of rows: repainting all of them is simpler than mapping keys to rows.
    connect(drafts, &DraftStore::draftChanged, this, [this]() {
        if (!m_conversations.isEmpty())
            emit dataChanged(index(0), index(rowCount() - 1), {DraftRole});
    });
    connect(drafts, &QObject::destroyed, this, [this]() { m_drafts = nullptr; });
}

void ConversationListModel::setConversations(const QList<Conversation> &conversations)
{
    beginResetModel();
    m_conversations = conversations;
    std::stable_sort(m_conversations.begin(), m_conversations.end(),
                     [](const Conversation &a, const Conversation &b) {
                         return a.lastActivity > b.lastActivity;
                     });
    endResetModel();
    emit unreadTotalChanged(unreadTotal());
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int i = 0; i < m_conversations.size(); ++i) {
        if (m_conversations.at(i).id == conversationId)
            return i;
    }
    return -1;
}

const Conversation *ConversationListModel::find(qint64 conversationId) const
{
    const int row = rowOf(conversationId);
    return row < 0 ? nullptr : &m_conversations.at(row);
}

const Conversation *ConversationListModel::findByPeer(qint64 peerId) const
{
    for (const Conversation &c : m_conversations) {
        if (!c.group && c.peer.id == peerId) // a group's peer is its creator
            return &c;
    }
    return nullptr;
}

void ConversationListModel::moveToTop(int row)
{
    if (row <= 0)
        return;
    beginMoveRows({}, row, row, {}, 0);
    m_conversations.move(row, 0);
    endMoveRows();
}

bool ConversationListModel::applyMessage(const Message &message, bool countsAsUnread)
{
    int row = rowOf(message.conversationId);
    if (row < 0)
        return false;
    Conversation &c = m_conversations[row];
    // The same message in an older state (events and sync pages may cross) changes nothing.
    const bool isNewest = !c.lastMessage || message.id > c.lastMessage->id ||
                          (message.id == c.lastMessage->id && message.rev >= c.lastMessage->rev);
    const bool isNew = !c.lastMessage || message.id > c.lastMessage->id;
    if (isNewest)
        c.lastMessage = message;
    if (isNew) {
        c.lastActivity = std::max(c.lastActivity, message.createdAt);
        if (countsAsUnread && message.senderId != m_selfId) {
            ++c.unread;
            emit unreadTotalChanged(unreadTotal());
        }
    }
    emit dataChanged(index(row), index(row));
    if (isNew)
        moveToTop(row);
    return true;
}

void ConversationListModel::applyReceipt(const Receipt &receipt)
{
    const int row = rowOf(receipt.conversationId);
    if (row < 0)
        return;
    Conversation &c = m_conversations[row];
    if (receipt.userId == m_selfId) {
        c.readUpTo = std::max(c.readUpTo, receipt.readUpTo);
        // Read up to the newest known message: nothing unread any more.
        if (c.lastMessage && c.readUpTo >= c.lastMessage->id && c.unread != 0) {
            c.unread = 0;
            emit unreadTotalChanged(unreadTotal());
        }
    } else {
        c.peerReadUpTo = std::max(c.peerReadUpTo, receipt.readUpTo);
        c.peerDeliveredUpTo = std::max(c.peerDeliveredUpTo, receipt.deliveredUpTo);
    }
    emit dataChanged(index(row), index(row));
}

void ConversationListModel::setPeerOnline(qint64 peerId, bool online)
{
    for (int i = 0; i < m_conversations.size(); ++i) {
        if (!m_conversations[i].group && m_conversations[i].peer.id == peerId &&
            m_conversations[i].peer.online != online) {
            m_conversations[i].peer.online = online;
            emit dataChanged(index(i), index(i), {PeerOnlineRole});
        }
    }
}

void ConversationListModel::applyGroup(const Group &group, qint64 selfId)
{
    const int row = rowOf(group.id);
    if (row < 0)
        return; // a group this client does not list yet: the conversations refresh brings it
    Conversation &c = m_conversations[row];
    c.group = true;
    c.name = group.name;
    c.memberCount = int(group.members.size());
    c.left = !group.hasMember(selfId);
    c.admin = false;
    for (const GroupMemberRole &m : group.members) {
        if (m.userId == selfId)
            c.admin = m.role == GroupRole::Admin;
    }
    emit dataChanged(index(row), index(row));
}

void ConversationListModel::clear()
{
    beginResetModel();
    m_conversations.clear();
    endResetModel();
    emit unreadTotalChanged(0);
}

int ConversationListModel::unreadTotal() const
{
    int total = 0;
    for (const Conversation &c : m_conversations)
        total += c.unread;
    return total;
}

} // namespace natter::client
