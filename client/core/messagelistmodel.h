#pragma once
// The messages of the open conversation, oldest first. Merges by server id and client_id so
// live events, history pages, sync and outbox re-sends never show a message twice.

#include "outbox.h"
#include "types.h"

#include <QAbstractListModel>
#include <QList>

#include <functional>

namespace natter::client {

enum class DeliveryState
{
    Pending,
    Failed,
    Sent,
    Delivered,
    Read
};

// One emoji under a bubble, for ReactionsRole.
struct ReactionChip
{
    QString emoji;
    int count = 0;
    bool mine = false; // the signed-in user gave it
    QString who;       // "alice, bob"
};

namespace detail {
struct MessageRow
{
    Message message;
    bool pending = false;
    bool failed = false;
    qint64 localDay = 0; // the Julian day of createdAt in the local time zone
};
} // namespace detail

class MessageListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ClientIdRole,
        SenderIdRole,
        SenderNameRole,
        IsOwnRole,
        TextRole,
        CreatedAtRole,
        EditedRole,
        DeletedRole,
        DeliveryRole, // DeliveryState as int, own messages only
        StartsNewDayRole,
        CreatedAtMsRole, // qint64 ms since the epoch: compares without a time-zone look-up
        RevisionRole,    // changes whenever the message does (edits, deletes)
        IsSystemRole,    // a group's system line ("alice added carol"): drawn centred
        // Replies and reactions (reactionroles.cpp).
        ReplyToIdRole,    // qint64: the message this one answers; 0 when none
        ReplyQuoteRole,   // QString: "alice: the first words", "" when none
        ReactionsRole,    // QVariantList of ReactionChip, in the fixed set's order
        StartsUnreadRole, // bool: the "New messages" line goes above this row (unreadmarker.cpp)
        // Files (docs/protocol.md "Files"): the message's `file` object; absent on text.
        FileRole,    // QJsonObject {id, name, size, mime, sha256}; invalid QVariant when none
        IsImageRole, // bool: the server sniffed a raster image the app shows inline
    };

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Switches to a conversation (0 with a peer: a draft created by the first message).
    void open(qint64 conversationId, const User &self, const User &peer);
    void close();
    qint64 conversationId() const { return m_conversationId; }
    qint64 peerId() const { return m_peer.id; }
    qint64 oldestId() const;
    qint64 newestId() const;

    // A history page, newest first (as the server sends it); older than what is shown.
    void prependPage(const QList<Message> &newestFirst);
    void upsert(const Message &message);
    // A long history stays in memory only near where the reader is: after a page, the rows
    // farthest from it go (pending rows too: the outbox brings them back at the end), to be
    // paged in again when the reader comes back. Each returns how many rows went.
    static constexpr int kKeepLoaded = 3'000;
    int dropNewestBeyond(int keep);      // keeps the oldest `keep` rows
    int dropOldestBeyond(int keep);      // keeps the newest `keep` rows
    void update(const Message &message); // only if shown (edits, deletes)
    // A draft's first message created the conversation.
    void adoptConversation(qint64 conversationId);
    // A pending row already there (a file's upload bubble) takes the new file and text.
    void addPending(const PendingMessage &pending);
    void removePending(const QUuid &clientId); // a pending row only, never a stored message
    void markFailed(const QUuid &clientId);
    void hide(qint64 messageId);
    void setPeerReceipt(qint64 readUpTo, qint64 deliveredUpTo);
    // Groups: whose each message is, by sender id (the peer's name otherwise).
    void setNameLookup(std::function<QString(qint64)> lookup) { m_nameOf = std::move(lookup); }
    void refreshSenderNames(); // names learnt later: the rows are drawn again
    // A reaction event: the message's reactions now (only if shown and not newer).
    void setReactions(qint64 messageId, const QList<ReactionGroup> &reactions, qint64 rev);
    int rowOf(qint64 messageId) const { return rowOfId(messageId); }
    // Where the reader left off when the conversation opened (its read position then, 0: no
    // line): the first message after it starts the "New messages" line.
    void setUnreadBoundary(qint64 readUpTo);
    qint64 unreadBoundary() const { return m_unreadAfter; }

private:
    using Row = detail::MessageRow;
    static Row makeRow(const Message &message, bool pending = false, bool failed = false);
    int rowOfId(qint64 id) const;
    int rowOfClientId(const QUuid &clientId) const;
    DeliveryState deliveryOf(const Row &row) const;
    QString accessibleText(const QModelIndex &index) const;
    QString nameOf(qint64 userId) const;
    bool startsUnread(int row) const;
    QVariant replyQuote(const Message &m) const;
    QVariant reactionChips(const Message &m) const;
    std::optional<ReplyQuote> quoteOf(qint64 messageId) const; // from a shown row

    QList<Row> m_rows;
    qint64 m_conversationId = 0;
    User m_self;
    User m_peer;
    qint64 m_peerReadUpTo = 0;
    qint64 m_peerDeliveredUpTo = 0;
    qint64 m_unreadAfter = 0;
    std::function<QString(qint64)> m_nameOf;
};

} // namespace natter::client

// Rows only hold relocatable Qt types: growing the list at the front (older pages) moves
// them with memmove instead of one move construction per loaded message.
Q_DECLARE_TYPEINFO(natter::client::detail::MessageRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(natter::client::ReactionChip)
