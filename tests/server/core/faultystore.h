#pragma once
// A ChatStore that forwards to a real one and can be told to fail: tests use it to check
// that store failures become protocol errors (and never crash the server), and to observe
// how sends are batched into appendMessages() calls.

#include "store/chatstore.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>

class FaultyStore final : public natter::server::ChatStore
{
public:
    explicit FaultyStore(std::unique_ptr<natter::server::ChatStore> inner);

    // Calls to `method` (e.g. "appendMessages") fail with `failure` until cleared.
    void failOn(const QString &method, natter::server::StoreFailure failure);
    void clearFailures() { m_failing.clear(); }
    // appendMessages() takes this long per message (a slow disk), before storing.
    void setAppendDelayPerMessageUs(int us) { m_appendDelayUs = us; }
    // The size of every appendMessages() batch so far.
    const QList<int> &appendBatches() const { return m_appendBatches; }

    natter::server::StoreResult<bool> open() override { return m_inner->open(); }
    void close() override { m_inner->close(); }
    int schemaVersion() const override { return m_inner->schemaVersion(); }
    natter::server::StoreResult<natter::server::StoredUser>
    createUser(const QString &username, const QByteArray &passwordHash, qint64 createdAt) override;
    natter::server::StoreResult<natter::server::StoredUser>
    userByName(const QString &username) override;
    natter::server::StoreResult<natter::server::StoredUser> userById(qint64 id) override;
    natter::server::StoreResult<QList<natter::User>> listUsers(const QString &query,
                                                               int limit) override;
    natter::server::StoreResult<bool> setUserDisabled(qint64 id, bool disabled) override;
    natter::server::StoreResult<bool> setPasswordHash(qint64 id,
                                                      const QByteArray &passwordHash) override;
    natter::server::StoreResult<bool> addToken(qint64 userId, const QByteArray &tokenHash,
                                               qint64 createdAt, qint64 expiresAt) override;
    natter::server::StoreResult<qint64> userForToken(const QByteArray &tokenHash,
                                                     qint64 now) override;
    natter::server::StoreResult<bool> revokeToken(const QByteArray &tokenHash) override;
    natter::server::StoreResult<bool> revokeUserTokens(qint64 userId) override;
    natter::server::StoreResult<QList<QByteArray>> tokensEndedBetween(qint64 after,
                                                                      qint64 upTo) override;
    natter::server::StoreResult<natter::server::Membership> membership(qint64 conversationId,
                                                                       qint64 userId) override;
    natter::server::StoreResult<natter::Group> group(qint64 conversationId) override;
    natter::server::StoreResult<QList<qint64>> memberIds(qint64 conversationId) override;
    natter::server::StoreResult<QList<natter::GroupMember>>
    groupMembers(qint64 conversationId) override;
    natter::server::StoreResult<int> groupCount(qint64 userId) override;
    natter::server::StoreResult<natter::server::GroupChange>
    changeGroup(const natter::server::GroupEdit &edit) override;
    natter::server::StoreResult<natter::Receipt> receiptOf(qint64 conversationId,
                                                           qint64 userId) override;
    natter::server::StoreResult<QList<natter::Conversation>>
    conversationsFor(qint64 userId) override;
    natter::server::StoreResult<QList<qint64>> peersOf(qint64 userId) override;
    QList<natter::server::StoreResult<natter::server::AppendedMessage>>
    appendMessages(const QList<natter::server::NewMessage> &batch) override;
    natter::server::StoreResult<QList<natter::Message>>
    history(qint64 userId, qint64 conversationId, qint64 before, int limit) override;
    natter::server::StoreResult<QList<natter::Message>>
    historyAfter(qint64 userId, qint64 conversationId, qint64 after, int limit) override;
    natter::server::StoreResult<natter::Message> message(qint64 messageId) override;
    natter::server::StoreResult<natter::Message>
    editMessage(qint64 messageId, const QString &content, qint64 editedAt) override;
    natter::server::StoreResult<QList<natter::EditRecord>> editHistory(qint64 messageId) override;
    natter::server::StoreResult<natter::Message> deleteForEveryone(qint64 messageId,
                                                                   qint64 at) override;
    natter::server::StoreResult<natter::HiddenMessage> hideForUser(qint64 userId,
                                                                   qint64 messageId) override;
    natter::server::StoreResult<natter::server::ReactionChange>
    setReaction(qint64 userId, qint64 messageId, const QString &emoji, bool on, qint64 at) override;
    natter::server::StoreResult<std::optional<natter::Receipt>>
    markRead(qint64 conversationId, qint64 userId, qint64 upTo) override;
    natter::server::StoreResult<std::optional<natter::Receipt>>
    markDelivered(qint64 conversationId, qint64 userId, qint64 upTo) override;
    natter::server::StoreResult<QList<natter::Receipt>>
    markDeliveredAll(const QList<DeliveryMark> &marks) override;
    natter::server::StoreResult<natter::server::ChangePage>
    changesSince(qint64 userId, qint64 since, int limit) override;
    natter::server::StoreResult<natter::server::SearchPage>
    search(const natter::server::SearchScope &scope) override;

    // Files: forwarded, never failed (FileService's own tests use the real store).
    using UploadRecord = natter::server::UploadRecord;
    using StoredFile = natter::server::StoredFile;
    template <typename T> using R = natter::server::StoreResult<T>;
    R<bool> addUpload(const UploadRecord &u) override { return m_inner->addUpload(u); }
    R<UploadRecord> upload(const QString &id) override { return m_inner->upload(id); }
    R<bool> touchUpload(const QString &id, qint64 at) override
    {
        return m_inner->touchUpload(id, at);
    }
    R<bool> removeUpload(const QString &id) override { return m_inner->removeUpload(id); }
    R<StoredFile> completeUpload(const QString &id, const StoredFile &f) override
    {
        return m_inner->completeUpload(id, f);
    }
    R<StoredFile> file(const QString &id) override { return m_inner->file(id); }
    R<natter::server::FileUsage> fileUsage(qint64 userId, const QString &exclude) override
    {
        return m_inner->fileUsage(userId, exclude);
    }
    R<bool> mayDownload(const QString &id, qint64 userId) override
    {
        return m_inner->mayDownload(id, userId);
    }
    R<QList<UploadRecord>> staleUploads(qint64 before) override
    {
        return m_inner->staleUploads(before);
    }
    R<QList<StoredFile>> unreferencedFiles(qint64 before) override
    {
        return m_inner->unreferencedFiles(before);
    }
    R<bool> forgetFile(const QString &id, bool *shared) override
    {
        return m_inner->forgetFile(id, shared);
    }

private:
    template <typename T, typename Call>
    natter::server::StoreResult<T> guarded(const char *method, Call call);

    std::unique_ptr<natter::server::ChatStore> m_inner;
    QHash<QString, natter::server::StoreFailure> m_failing;
    QList<int> m_appendBatches;
    int m_appendDelayUs = 0;
};
