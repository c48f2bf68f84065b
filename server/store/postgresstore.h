#pragma once
// ChatStore on PostgreSQL (QtSql's QPSQL driver), for several server processes sharing one
// database. Same semantics as SqliteStore. Every transaction that hands out revisions first
// locks the single row of the `revision` table, so those transactions run one after another
// and commit in rev order: a sync that has seen rev R has seen everything below R.

#include "chatstore.h"
#include "postgresurl.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace natter::server {

class PostgresStore final : public ChatStore
{
public:
    // `url`: postgresql://user[:password]@host[:port]/dbname[?schema=NAME] (see PostgresUrl).
    explicit PostgresStore(QString url);
    ~PostgresStore() override;
    Q_DISABLE_COPY_MOVE(PostgresStore)

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
    // The columns messageFromRow() reads, of the messages table under `alias`.
    static QString messageColumns(const QString &alias);

    bool connect();
    void disconnect();
    bool configureSession(QString *error);
    // After the connection broke (server restart, network), the next call outside a
    // transaction connects again instead of failing forever.
    bool reconnectIfBroken();

    // Prepares (cached by the SQL text, bound values only), binds in order and executes;
    // *ok is false on error.
    QSqlQuery &exec(const QString &sql, std::initializer_list<QVariant> values, bool *ok);
    // Classifies a failed statement by its SQLSTATE; notes a broken connection.
    StoreFailure failureOf(const QSqlQuery &query, QString *detail);
    template <typename T> StoreResult<T> failed(const QSqlQuery &query)
    {
        QString detail;
        const StoreFailure failure = failureOf(query, &detail);
        return StoreResult<T>::fail(failure, detail);
    }

    // A transaction that hands out revisions: it holds the revision row's lock until it ends.
    bool beginWrite();
    // A read-only transaction on one snapshot (sync reads several tables).
    bool beginSnapshot();
    bool commit();
    void rollback();
    qint64 nextRev() { return ++m_rev; }
    StoreResult<bool> transactionFailed();
    // Runs `work` in one writing transaction: commits when it succeeds, rolls back otherwise.
    template <typename T, typename Work> StoreResult<T> inTransaction(Work &&work)
    {
        if (!beginWrite()) {
            const auto failure = transactionFailed();
            return StoreResult<T>::fail(failure.failure, failure.detail);
        }
        StoreResult<T> result = work();
        if (!result.ok()) {
            rollback();
            return result;
        }
        if (!commit()) {
            const auto failure = transactionFailed();
            return StoreResult<T>::fail(failure.failure, failure.detail);
        }
        return result;
    }

    // `condition` is a fixed SQL fragment with one "?" (never built from input).
    StoreResult<StoredUser> userWhere(const QString &condition, const QVariant &value);
    StoreResult<std::optional<Receipt>> moveReceipt(qint64 conversationId, qint64 userId,
                                                    qint64 upTo, bool read);
    // moveReceipt's work inside a transaction the caller holds.
    StoreResult<std::optional<Receipt>>
    moveReceiptInTransaction(qint64 conversationId, qint64 userId, qint64 upTo, bool read);
    StoreResult<AppendedMessage> appendOne(const NewMessage &input);
    StoreResult<qint64> conversationFor(const NewMessage &input, AppendedMessage *out);

    QString m_url;
    PostgresUrl m_settings;
    QString m_connectionName; // prefix; each connection gets a number
    int m_connections = 0;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    QSqlQuery m_unprepared; // a statement whose PREPARE failed: not cached, kept for its error
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
    bool m_broken = false;          // the connection failed; reconnect before the next call
    bool m_statementFailed = false; // since the transaction began (which aborts it)
    QString m_lastError;            // of the last failed begin/commit
    qint64 m_rev = 0;               // inside a writing transaction: the last rev handed out
    qint64 m_revAtBegin = 0;        // the stored value when the transaction began
};

} // namespace natter::server
