#pragma once
// ChatStore on an embedded SQLite database (QtSql's QSQLITE driver) in WAL mode.

#include "chatstore.h"
#include "sqlitestorefile.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

namespace natter::server {

class WalCheckpointer;

class SqliteStore final : public ChatStore
{
public:
    explicit SqliteStore(QString path);
    ~SqliteStore() override;
    Q_DISABLE_COPY_MOVE(SqliteStore)

    StoreResult<bool> open() override;
    void close() override;
    int schemaVersion() const override { return m_schemaVersion; }

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

    StoreResult<qint64> peerOf(qint64 conversationId, qint64 userId) override;
    StoreResult<QList<Conversation>> conversationsFor(qint64 userId) override;
    StoreResult<QList<qint64>> peersOf(qint64 userId) override;

    QList<StoreResult<AppendedMessage>> appendMessages(const QList<NewMessage> &batch) override;
    StoreResult<QList<Message>> history(qint64 userId, qint64 conversationId, qint64 before,
                                        int limit) override;
    StoreResult<Message> message(qint64 messageId) override;
    StoreResult<Message> editMessage(qint64 messageId, const QString &content,
                                     qint64 editedAt) override;
    StoreResult<QList<EditRecord>> editHistory(qint64 messageId) override;
    StoreResult<Message> deleteForEveryone(qint64 messageId, qint64 at) override;
    StoreResult<HiddenMessage> hideForUser(qint64 userId, qint64 messageId) override;

    StoreResult<std::optional<Receipt>> markRead(qint64 conversationId, qint64 userId,
                                                 qint64 upTo) override;
    StoreResult<QList<Receipt>> markDeliveredAll(const QList<DeliveryMark> &marks) override;
    StoreResult<std::optional<Receipt>> markDelivered(qint64 conversationId, qint64 userId,
                                                      qint64 upTo) override;

    StoreResult<ChangePage> changesSince(qint64 userId, qint64 since, int limit) override;

private:
    // A prepared statement, cached by its SQL text and reused (bound values only).
    QSqlQuery &prepared(const QString &sql);
    // Prepares (cached), binds in order and executes. false on error (see m_lastFailure).
    bool run(QSqlQuery &query, std::initializer_list<QVariant> values);
    QSqlQuery &exec(const QString &sql, std::initializer_list<QVariant> values, bool *ok);
    StoreFailure failureOf(const QSqlQuery &query) const;
    // The error of a failed call: SQLite's text, with the free space on a full disk.
    QString describe(const QSqlError &error) const;
    // False (with m_refusal set) when the file opened is no longer at m_path: deleted or
    // replaced while open. Writes to it would be acknowledged and then lost.
    bool fileStillThere();
    QString errorText(const QSqlQuery &query) const;
    template <typename T> StoreResult<T> failed(const QSqlQuery &query) const
    {
        return StoreResult<T>::fail(failureOf(query), errorText(query));
    }

    bool begin();
    bool commit();
    void rollback();
    // Runs `work` in one transaction: commits when it succeeds, rolls back otherwise.
    template <typename T, typename Work> StoreResult<T> inTransaction(Work &&work)
    {
        if (!begin())
            return StoreResult<T>::fail(StoreFailure::Unavailable, lastErrorText());
        StoreResult<T> result = work();
        if (!result.ok()) {
            rollback();
            return result;
        }
        if (!commit())
            return StoreResult<T>::fail(StoreFailure::Unavailable, lastErrorText());
        return result;
    }
    QString lastErrorText() const;

    // `condition` is a fixed SQL fragment with one "?" (never built from input).
    StoreResult<StoredUser> userWhere(const QString &condition, const QVariant &value);
    StoreResult<std::optional<Receipt>> moveReceipt(qint64 conversationId, qint64 userId,
                                                    qint64 upTo, bool read);
    // moveReceipt's work inside a transaction the caller holds.
    StoreResult<std::optional<Receipt>>
    moveReceiptInTransaction(qint64 conversationId, qint64 userId, qint64 upTo, bool read);
    StoreResult<AppendedMessage> appendOne(const NewMessage &input);

    QString m_path;
    QString m_directory; // where the free space is measured
    QString m_connectionName;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    int m_schemaVersion = 0;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    QHash<std::pair<qint64, qint64>, qint64> m_peers; // (conversation, user) -> peer
    qint64 m_rev = 0;      // highest committed revision (every change takes the next one)
    qint64 m_savedRev = 0; // m_rev at transaction start, restored on rollback
    bool m_inTransaction = false;
    QString m_lastError; // of the last failed begin/commit, taken before any rollback
    std::optional<sqlitefile::Identity> m_identity; // the file opened
    QString m_refusal; // why the last statement was refused without running it
};

} // namespace natter::server
