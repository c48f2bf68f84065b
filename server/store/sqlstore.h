#pragma once
// ChatStore on an SQL database through QtSql: one implementation for SQLite and PostgreSQL.
// SqlConnection owns the connection, transactions and revisions; SqlDialect holds what
// differs between the databases. The queries are in sqlstoreusers.cpp (users, tokens),
// sqlstoremessages.cpp (conversations, messages), sqlstorereceipts.cpp (receipts, sync),
// sqlstoresearch.cpp (the search index and search) and sqlstoresearchfile.cpp (SQLite's index
// file).

#include "chatstore.h"
#include "sqlconnection.h"

#include <QHash>

#include <memory>
#include <utility>

namespace natter::server {

class SearchIndexer;

class SqlStore : public ChatStore
{
public:
    // `counter`: the revision counter of another store on the same database (sibling()).
    explicit SqlStore(std::unique_ptr<SqlDialect> dialect,
                      SqlConnection::RevisionCounter counter = {});
    Q_DISABLE_COPY_MOVE(SqlStore)

    std::unique_ptr<ChatStore> sibling() const override;

    StoreResult<bool> open() override;
    void close() override;
    int schemaVersion() const override { return m_sql.schemaVersion(); }

    StoreResult<StoredUser> createUser(const QString &username, const QByteArray &passwordHash,
                                       qint64 createdAt) override;
    StoreResult<StoredUser> userByName(const QString &username) override;
    StoreResult<StoredUser> userById(qint64 id) override;
    StoreResult<QList<User>> listUsers(const QString &query, int limit) override;
    StoreResult<bool> setUserDisabled(qint64 id, bool disabled) override;
    StoreResult<bool> setPasswordHash(qint64 id, const QByteArray &passwordHash) override;

    StoreResult<bool> addToken(qint64 userId, const QByteArray &tokenHash, qint64 createdAt,
                               qint64 expiresAt) override;
    StoreResult<qint64> userForToken(const QByteArray &tokenHash, qint64 now) override;
    StoreResult<bool> revokeToken(const QByteArray &tokenHash) override;
    StoreResult<bool> revokeUserTokens(qint64 userId) override;
    StoreResult<QList<QByteArray>> tokensEndedBetween(qint64 after, qint64 upTo) override;

    StoreResult<Membership> membership(qint64 conversationId, qint64 userId) override;
    StoreResult<QList<Conversation>> conversationsFor(qint64 userId) override;
    StoreResult<QList<qint64>> peersOf(qint64 userId) override;

    StoreResult<Group> group(qint64 conversationId) override;
    StoreResult<QList<qint64>> memberIds(qint64 conversationId) override;
    StoreResult<QList<GroupMember>> groupMembers(qint64 conversationId) override;
    StoreResult<int> groupCount(qint64 userId) override;
    StoreResult<GroupChange> changeGroup(const GroupEdit &edit) override;

    QList<StoreResult<AppendedMessage>> appendMessages(const QList<NewMessage> &batch) override;
    StoreResult<QList<Message>> history(qint64 userId, qint64 conversationId, qint64 before,
                                        int limit) override;
    StoreResult<QList<Message>> historyAfter(qint64 userId, qint64 conversationId, qint64 after,
                                             int limit) override;
    StoreResult<Message> message(qint64 messageId) override;
    StoreResult<Message> editMessage(qint64 messageId, const QString &content,
                                     qint64 editedAt) override;
    StoreResult<QList<EditRecord>> editHistory(qint64 messageId) override;
    StoreResult<Message> deleteForEveryone(qint64 messageId, qint64 at) override;
    StoreResult<HiddenMessage> hideForUser(qint64 userId, qint64 messageId) override;
    StoreResult<ReactionChange> setReaction(qint64 userId, qint64 messageId, const QString &emoji,
                                            bool on, qint64 at) override;

    StoreResult<Receipt> receiptOf(qint64 conversationId, qint64 userId) override;
    StoreResult<std::optional<Receipt>> markRead(qint64 conversationId, qint64 userId,
                                                 qint64 upTo) override;
    StoreResult<std::optional<Receipt>> markDelivered(qint64 conversationId, qint64 userId,
                                                      qint64 upTo) override;
    StoreResult<QList<Receipt>> markDeliveredAll(const QList<DeliveryMark> &marks) override;

    StoreResult<ChangePage> changesSince(qint64 userId, qint64 since, int limit) override;

    StoreResult<SearchPage> search(const SearchScope &scope) override;

    // ---- for SearchIndexer (SQLite) ----
    // Another connection to this database, in the role that writes the search index file.
    std::unique_ptr<SqlStore> indexerSibling() const;
    struct SearchIndexStep
    {
        qint64 messagesUpTo = 0; // the index's cursors after the step
        qint64 changesUpTo = 0;
        qint64 latest = 0; // the newest message stored
        int messages = 0;  // messages the step went through (at most the limit)
        int changes = 0;   // changes it applied
    };
    // In one transaction of the index file: up to `limit` of the messages the index has not
    // reached, and every edit and delete recorded since the last step.
    StoreResult<SearchIndexStep> indexSearchStep(int limit);

    // Files (sqlstorefiles.cpp).
    StoreResult<bool> addUpload(const UploadRecord &upload) override;
    StoreResult<UploadRecord> upload(const QString &uploadId) override;
    StoreResult<bool> touchUpload(const QString &uploadId, qint64 at) override;
    StoreResult<bool> removeUpload(const QString &uploadId) override;
    StoreResult<StoredFile> completeUpload(const QString &uploadId,
                                           const StoredFile &file) override;
    StoreResult<StoredFile> file(const QString &fileId) override;
    StoreResult<FileUsage> fileUsage(qint64 userId, const QString &excludeUpload) override;
    StoreResult<bool> mayDownload(const QString &fileId, qint64 userId) override;
    StoreResult<QList<UploadRecord>> staleUploads(qint64 before) override;
    StoreResult<QList<StoredFile>> unreferencedFiles(qint64 before) override;
    StoreResult<bool> forgetFile(const QString &fileId, bool *contentStillUsed) override;

private:
    enum class Role
    {
        Primary, // the event loop's: searches
        Sibling, // the message writer's: tells the indexer what it stored
        Indexer, // SearchIndexer's: writes the index file
    };
    // A second connection to this database in `role`; null where there can be none.
    std::unique_ptr<SqlStore> siblingAs(Role role) const;

    // `condition` is a fixed SQL fragment with one "?" (never built from input).
    StoreResult<StoredUser> userWhere(const QString &condition, const QVariant &value);
    // An UPDATE of one user by id: NotFound when there is no such user.
    StoreResult<bool> updateUser(const QString &sql, std::initializer_list<QVariant> values);
    // The conversation a new message goes to: the given one (the sender must take part) or
    // the one with the recipient, created on first use. Sets out->recipientId.
    StoreResult<qint64> conversationFor(const NewMessage &input, AppendedMessage *out);
    // Empties m_peers and m_pairs after a rollback: they may hold what it undid.
    void forgetUndoneCaches();
    StoreResult<AppendedMessage> appendOne(const NewMessage &input);
    // PostgreSQL (sqlstorebulk.cpp): the plain messages batch[run...] (no file, no reply) in
    // one INSERT, and their search rows in another, however many: each statement is a round
    // trip to the database server. Sets results[i] for each i in `run`; fails only when a
    // statement failed (the caller rolls back).
    StoreResult<bool> appendRun(const QList<NewMessage> &batch, const QList<qsizetype> &run,
                                QList<StoreResult<AppendedMessage>> &results);
    // The message an insert found already stored under (sender, client_id): a resend.
    StoreResult<AppendedMessage> storedOriginal(const NewMessage &input, qint64 conversationId,
                                                AppendedMessage out);
    // PostgreSQL: every conversation's last activity in one UPDATE (sqlstorebulk.cpp).
    StoreResult<bool> touchConversations(const QList<const Message *> &newest);
    // PostgreSQL: each message's recipient delivered up to it (one per conversation), read in
    // one statement and moved in another; sets AppendedMessage::delivered where it moved.
    StoreResult<bool> markDeliveredTogether(const QList<AppendedMessage *> &marks);
    // PostgreSQL, inside a concurrent writing transaction: moves each receipt's delivered
    // position (one read and one update for all); the receipts that moved.
    StoreResult<QList<Receipt>> moveDeliveredTogether(const QList<DeliveryMark> &marks);
    // Sets AppendedMessage::audience on each group message (groups: conversation -> the
    // indexes of its messages in results), one read per group.
    StoreResult<bool> readAudiences(const QHash<qint64, QList<qsizetype>> &groups,
                                    QList<StoreResult<AppendedMessage>> &results);
    // One update per conversation of the batch (not per message), then the delivered marks.
    StoreResult<bool> finishBatch(const QList<NewMessage> &batch,
                                  QList<StoreResult<AppendedMessage>> &results);
    StoreResult<std::optional<Receipt>> moveReceipt(qint64 conversationId, qint64 userId,
                                                    qint64 upTo, bool read);
    // moveReceipt's work inside a transaction the caller holds.
    StoreResult<std::optional<Receipt>>
    moveReceiptInTransaction(qint64 conversationId, qint64 userId, qint64 upTo, bool read);

    // The search index (sqlstoresearch.cpp), inside the caller's transaction.
    StoreResult<bool> indexMessage(const Message &m);
    StoreResult<bool> unindexMessage(const Message &m); // m as indexed (its old content)
    // PostgreSQL: indexes the messages stored before the index existed, a batch per
    // transaction (SQLite's SearchIndexer builds its file from scratch instead).
    StoreResult<bool> backfillSearchIndex();
    // SQLite keeps the index in a file of its own (schema 9), written by SearchIndexer over a
    // connection in the Indexer role; PostgreSQL indexes each message in its transaction.
    bool indexesApart() const { return m_sql.kind() == SqlDialect::Kind::Sqlite; }
    // sqlstoresearchfile.cpp. open()'s part, by role: the primary starts the indexer and
    // attaches its file read-only (in memory: read-write, indexed when searched); the
    // indexer checks the file and builds it again when it does not match the database.
    StoreResult<bool> openSearchIndex();
    StoreResult<bool> attachSearchIndex(const QString &file, bool readOnly);
    StoreResult<bool> prepareSearchIndexFile(const QString &file);
    // Why the attached index file cannot be used as it is (empty: it can); fails when it
    // cannot tell now (busy, I/O).
    StoreResult<QString> searchIndexMismatch();
    StoreResult<bool> createSearchIndex();
    // The stored messages with ids in (after, upTo] that belong in the index, indexed.
    StoreResult<bool> indexStored(qint64 after, qint64 upTo);
    // The changes after `changesUpTo` applied to messages the index has (up to `indexedUpTo`);
    // the last change read.
    StoreResult<qint64> applySearchChanges(qint64 indexedUpTo, qint64 changesUpTo);
    // An edit or a delete for everyone of a stored message, for the indexer (in the caller's
    // transaction); `oldContent`: its text before.
    StoreResult<bool> recordSearchChange(qint64 messageId, const QString &oldContent);
    // Something new to index was committed.
    void searchIndexChanged();
    // Before a search: the index has everything committed so far.
    StoreResult<bool> catchUpSearchIndex();
    // search()'s queries; on PostgreSQL search() runs them in a transaction of their own that
    // plans each for its values.
    StoreResult<SearchPage> searchMatches(const SearchScope &scope);
    // SQLite: the index's words that start with `prefix`, in order, at most
    // limits::kSearchPrefixCompletions + 1 (one more: there are too many).
    StoreResult<QStringList> completions(const QString &prefix);
    // The terms as one FTS5 query (a phrase's last word a prefix: its completions).
    StoreResult<QString> fts5Query(const QList<searchtext::Term> &terms, qint64 conversationId);
    // Replies and reactions (sqlstorereactions.cpp): the reply row of a new message, and the
    // quotes and reactions of messages read (a query of each per conversation).
    StoreResult<bool> storeReply(Message &m, qint64 replyTo);
    StoreResult<bool> decorate(QList<Message> &messages);
    StoreResult<bool> decorate(Message &m);
    // changeGroup's work inside its transaction.
    StoreResult<GroupChange> changeGroupInTransaction(const GroupEdit &edit);
    // Writes a group's system line (and moves the conversation's last activity to it).
    StoreResult<Message> appendSystemLine(qint64 conversationId, const GroupEdit &edit);
    StoreResult<bool> usersExist(const QList<qint64> &users);

    Role m_role = Role::Primary;
    // SQLite on a file: the primary's indexer, shared with its siblings (they notify it).
    // Declared before m_sql, so destroyed after it: the last connection to the index file
    // (the indexer's) checkpoints its WAL into it.
    std::shared_ptr<SearchIndexer> m_searchIndexer;
    SqlConnection m_sql;
    // The participants of a 1:1 conversation never change, and every message asks:
    // (conversation, user) -> peer. Groups are not cached (members come and go, also through
    // other instances). Emptied after a rollback (it may hold a conversation that the rollback
    // undid).
    QHash<std::pair<qint64, qint64>, qint64> m_peers;
    // Then a cache starts over: about 3 MB at most.
    static constexpr qsizetype kMaxCachedPeers = 65'536;
    // Likewise a pair's 1:1 conversation, once it exists: (lower user id, higher) -> its id.
    // A message sent "to" a user asked twice per message (the user, then the conversation).
    QHash<std::pair<qint64, qint64>, qint64> m_pairs;
    quint64 m_peersRollbacks = 0;    // m_sql.rollbacks() when m_peers and m_pairs were valid
    bool m_searchTermsTable = false; // SQLite: temp.message_search_terms exists (completions)
};

} // namespace natter::server
