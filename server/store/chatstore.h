#pragma once
// The storage interface of the server: the only place that runs SQL is behind it. SqlStore
// implements it on SQLite (the embedded default) and on PostgreSQL; tests wrap it
// (FaultyStore). All calls are synchronous and made from the server's thread.

#include "filemetastore.h"
#include "grouptypes.h"
#include "searchtext.h"
#include "storeresult.h"
#include "types.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

#include <memory>
#include <optional>

namespace natter::server {

struct StoredUser
{
    qint64 id = 0;
    QString username;
    QByteArray passwordHash; // libsodium crypto_pwhash_str output, scheme-tagged
    bool disabled = false;
    qint64 createdAt = 0;
};

// Where a user stands in a conversation they belong to now (a member who left or was removed
// from a group no longer does).
struct Membership
{
    bool group = false;
    qint64 peerId = 0; // 1:1: the other participant
    GroupRole role = GroupRole::Member;
    qint64 joinedFrom = 0; // the first message id the user sees (0: all)
};

// One change to a group, already allowed by the caller (GroupService); the store writes it and
// its system line (a message from `actorId` with `content` and `event`) in ONE transaction.
struct GroupEdit
{
    enum class Kind
    {
        Create,  // name, users (the others; the actor becomes the admin creator)
        Rename,  // name
        Add,     // users (a former member comes back, seeing from this line on)
        Remove,  // users (one)
        Leave,   // the actor; promote: members made admins because no admin remains
        SetRole, // users (one), role
    };
    Kind kind = Kind::Create;
    qint64 conversationId = 0; // 0 with Create
    qint64 actorId = 0;
    QString name;
    QList<qint64> users;
    GroupRole role = GroupRole::Member;
    QList<qint64> promote;
    QString content; // the system line's text
    SystemEvent event;
    qint64 at = 0;
};

// A group after a change, and the system line that records it.
struct GroupChange
{
    Group group;
    Message line;
};

// One message to append. Exactly one of conversationId / recipientId is set on input; the
// conversation between sender and recipient is created when it does not exist yet.
struct NewMessage
{
    qint64 senderId = 0;
    qint64 conversationId = 0;
    qint64 recipientId = 0;
    QUuid clientId;
    QString content;
    qint64 createdAt = 0;
    qint64 replyTo = 0; // the message it answers, checked by the caller (0: none)
    std::optional<FileInfo> file = std::nullopt; // a stored file (MessagingService checked it)
    // The recipient is connected and gets the message pushed right after the commit: move its
    // delivered position in the same transaction (a separate one would cost another fsync).
    bool markDelivered = false;
};

struct AppendedMessage
{
    Message message;
    qint64 recipientId = 0;
    bool duplicate = false; // (sender, client_id) existed: this is the original
    bool conversationCreated = false;
    // markDelivered: the recipient's receipt if it moved. Set on the last message of its
    // conversation in the batch only (one move per conversation).
    std::optional<Receipt> delivered;
    // A group message (not a duplicate): the group's members when it was stored, read in its
    // transaction, once per group and batch; the fan-out needs no read of its own.
    QList<qint64> audience;
};

struct ReactionChange
{
    Message message; // after the change, with its reactions
    bool changed = false;
};

// What a search asks for (SearchRequest, checked): `terms` all match, newest first.
struct SearchScope
{
    qint64 userId = 0;         // only conversations this user is in, minus what they hid
    qint64 conversationId = 0; // 0: all of them
    qint64 senderId = 0;
    qint64 afterTime = 0;  // created_at >= this; 0: no bound
    qint64 beforeTime = 0; // created_at < this; 0: no bound
    qint64 before = 0;     // ids below this; 0: from the newest
    int limit = 0;
    QList<searchtext::Term> terms;
};

struct SearchPage
{
    QList<Message> messages; // newest first
    bool hasMore = false;
    qint64 nextBefore = 0; // where the next page starts (ids below it)
    // First pages only (no `before`): the hits among the newest kSearchScanWindow matches;
    // totalExact when the matches ended inside that window. -1: not counted.
    int total = -1;
    bool totalExact = false;
};

// Everything that changed for one user after a revision, oldest change first.
struct ChangePage
{
    QList<Message> messages;     // current state of messages created/edited/deleted
    QList<Receipt> receipts;     // read/delivered positions that moved (both participants)
    QList<HiddenMessage> hidden; // the user's own delete-for-me
    qint64 rev = 0;              // cursor for the next call: the highest rev included
    bool hasMore = false;
};

class ChatStore : public FileMetaStore
{
public:
    virtual ~ChatStore() = default;

    // Opens the database and applies pending migrations.
    virtual StoreResult<bool> open() = 0;
    // A store on the same database over a connection of its own, not yet opened, to be used
    // on another thread beside this one (the message writer); null when there can be none
    // (a database private to one connection, a test's store).
    virtual std::unique_ptr<ChatStore> sibling() const { return nullptr; }
    virtual void close() = 0;
    virtual int schemaVersion() const = 0;

    // Users. Usernames are unique case-insensitively (Conflict).
    virtual StoreResult<StoredUser>
    createUser(const QString &username, const QByteArray &passwordHash, qint64 createdAt) = 0;
    virtual StoreResult<StoredUser> userByName(const QString &username) = 0; // NotFound
    virtual StoreResult<StoredUser> userById(qint64 id) = 0;                 // NotFound
    virtual StoreResult<QList<User>> listUsers(const QString &query, int limit) = 0;
    virtual StoreResult<bool> setUserDisabled(qint64 id, bool disabled) = 0;
    virtual StoreResult<bool> setPasswordHash(qint64 id, const QByteArray &passwordHash) = 0;

    // Session tokens: only a hash of the token is stored.
    virtual StoreResult<bool> addToken(qint64 userId, const QByteArray &tokenHash, qint64 createdAt,
                                       qint64 expiresAt) = 0;
    // NotFound when unknown, expired, revoked or the user is disabled.
    virtual StoreResult<qint64> userForToken(const QByteArray &tokenHash, qint64 now) = 0;
    // Revoking notes the time (this process's clock), for tokensEndedBetween.
    virtual StoreResult<bool> revokeToken(const QByteArray &tokenHash) = 0;
    virtual StoreResult<bool> revokeUserTokens(qint64 userId) = 0;
    // Hashes of the tokens revoked or expired in (after, upTo]: the sockets signed in with them
    // must be closed, whichever process (or instance) revoked them.
    virtual StoreResult<QList<QByteArray>> tokensEndedBetween(qint64 after, qint64 upTo) = 0;

    // Conversations. NotFound when the user is not (or no longer) a participant.
    virtual StoreResult<Membership> membership(qint64 conversationId, qint64 userId) = 0;
    // Every conversation the user takes or took part in (groups they left too), by activity.
    virtual StoreResult<QList<Conversation>> conversationsFor(qint64 userId) = 0;
    // The user's 1:1 peers (their contacts for presence; never group members).
    virtual StoreResult<QList<qint64>> peersOf(qint64 userId) = 0;

    // Groups. NotFound when the conversation is not a group.
    virtual StoreResult<Group> group(qint64 conversationId) = 0;
    // The current members (ids) of a conversation: both of a 1:1, the members of a group.
    virtual StoreResult<QList<qint64>> memberIds(qint64 conversationId) = 0;
    virtual StoreResult<QList<GroupMember>> groupMembers(qint64 conversationId) = 0;
    // The groups the user belongs to now.
    virtual StoreResult<int> groupCount(qint64 userId) = 0;
    // NotFound: a user named is unknown (or the group is). Conflict: nothing to change.
    virtual StoreResult<GroupChange> changeGroup(const GroupEdit &edit) = 0;

    // Messages. Appends all in ONE transaction (group commit); idempotent per
    // (sender, client_id). Each result has the same index as its input; a failed element
    // (e.g. recipient unknown: NotFound) does not fail the others.
    virtual QList<StoreResult<AppendedMessage>> appendMessages(const QList<NewMessage> &batch) = 0;
    // Newest first, ids < before (before 0 = newest), hiding the user's delete-for-me and, in a
    // group, what came before the user joined; NotFound when the user is not a participant.
    virtual StoreResult<QList<Message>> history(qint64 userId, qint64 conversationId, qint64 before,
                                                int limit) = 0;
    // Oldest first, ids > after: the page below a jumped-to message. As history() otherwise.
    virtual StoreResult<QList<Message>> historyAfter(qint64 userId, qint64 conversationId,
                                                     qint64 after, int limit) = 0;
    virtual StoreResult<Message> message(qint64 messageId) = 0;
    // Keeps the previous content in the edit history. Conflict when deleted.
    virtual StoreResult<Message> editMessage(qint64 messageId, const QString &content,
                                             qint64 editedAt) = 0;
    virtual StoreResult<QList<EditRecord>> editHistory(qint64 messageId) = 0; // oldest first
    // Tombstone: content cleared, deleted = true, edited_at = at, edit history dropped.
    virtual StoreResult<Message> deleteForEveryone(qint64 messageId, qint64 at) = 0;
    virtual StoreResult<HiddenMessage> hideForUser(qint64 userId, qint64 messageId) = 0;
    // Sets or clears one reaction (the caller checked that the user may see the message). When
    // it changed, the message takes a new rev (sync brings it again); `changed` says so.
    // Messages this store returns carry their reply quote and reactions (none when deleted).
    virtual StoreResult<ReactionChange> setReaction(qint64 userId, qint64 messageId,
                                                    const QString &emoji, bool on, qint64 at) = 0;

    // The user's standing position (rev 0 when it never moved). NotFound: not a participant.
    virtual StoreResult<Receipt> receiptOf(qint64 conversationId, qint64 userId) = 0;
    // Receipts never move backwards; value is nullopt when nothing changed.
    virtual StoreResult<std::optional<Receipt>> markRead(qint64 conversationId, qint64 userId,
                                                         qint64 upTo) = 0;
    virtual StoreResult<std::optional<Receipt>> markDelivered(qint64 conversationId, qint64 userId,
                                                              qint64 upTo) = 0;
    // Several delivered marks in ONE transaction (one commit, one fsync) for a group commit of
    // messages; returns the receipts that moved. Unknown conversations are skipped.
    struct DeliveryMark
    {
        qint64 conversationId = 0;
        qint64 userId = 0;
        qint64 upTo = 0;
    };
    virtual StoreResult<QList<Receipt>> markDeliveredAll(const QList<DeliveryMark> &marks) = 0;

    // Sync: every change visible to the user with rev > since (in a group: from the line that
    // added them, up to the one that removed them), oldest first, at most `limit`
    // items in all.
    virtual StoreResult<ChangePage> changesSince(qint64 userId, qint64 since, int limit) = 0;

    // Search: at most limits::kSearchScanWindow indexed matches are examined per call (a
    // common word costs the same as a rare one); NotFound when scope.conversationId is not
    // one of the user's conversations.
    virtual StoreResult<SearchPage> search(const SearchScope &scope) = 0;
};

} // namespace natter::server
