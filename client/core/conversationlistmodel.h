#pragma once
// The conversation list: peer, last message preview, time and unread count, most recent
// activity first, kept current by live events.

#include "grouptypes.h"
#include "types.h"

#include <QAbstractListModel>
#include <QList>

#include <functional>

namespace natter::client {

class DraftStore;

class ConversationListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        PeerIdRole,
        PeerNameRole,
        PeerOnlineRole,
        LastMessageTextRole,
        LastActivityRole,
        UnreadRole,
        DraftRole, // unsent text kept for this conversation, or empty
        IsGroupRole,
        MemberCountRole, // groups: current members, the caller included
        LeftRole,        // groups: the caller left or was removed
        IsAdminRole,     // groups: the caller may rename, add and remove
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSelf(qint64 userId) { m_selfId = userId; }
    void setDrafts(const DraftStore *drafts);
    // Who wrote a group's last message ("alice: hi"); empty when not known yet.
    void setNameLookup(std::function<QString(qint64)> lookup) { m_nameOf = std::move(lookup); }
    void setConversations(const QList<Conversation> &conversations);
    // A new or changed message; `countsAsUnread` when it is the peer's and not seen yet.
    // Returns false when the conversation is unknown (the caller refreshes the list).
    bool applyMessage(const Message &message, bool countsAsUnread);
    void applyReceipt(const Receipt &receipt);
    void setPeerOnline(qint64 peerId, bool online);
    // A group as it now is (group_updated, a group reply): name, size, role, left.
    void applyGroup(const Group &group, qint64 selfId);
    void clear();

    const Conversation *find(qint64 conversationId) const;
    const Conversation *findByPeer(qint64 peerId) const; // 1:1 conversations only
    int unreadTotal() const;

signals:
    void unreadTotalChanged(int total);

private:
    int rowOf(qint64 conversationId) const;
    void moveToTop(int row);

    QList<Conversation> m_conversations;
    qint64 m_selfId = 0;
    const DraftStore *m_drafts = nullptr;
    std::function<QString(qint64)> m_nameOf;
};

} // namespace natter::client
