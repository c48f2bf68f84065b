#include "faultystore.h"

#include <QThread>

using namespace natter;
using namespace natter::server;

FaultyStore::FaultyStore(std::unique_ptr<ChatStore> inner) : m_inner(std::move(inner))
{}

void FaultyStore::failOn(const QString &method, StoreFailure failure)
{
    m_failing.insert(method, failure);
}

template <typename T, typename Call>
StoreResult<T> FaultyStore::guarded(const char *method, Call call)
{
    const auto it = m_failing.constFind(QLatin1String(method));
    if (it != m_failing.constEnd())
        return StoreResult<T>::fail(
            *it, QStringLiteral("injected failure in %1").arg(QLatin1String(method)));
    return call();
}

StoreResult<StoredUser> FaultyStore::createUser(const QString &username,
                                                const QByteArray &passwordHash, qint64 createdAt)
{
    return guarded<StoredUser>(
        "createUser", [&] { return m_inner->createUser(username, passwordHash, createdAt); });
}

StoreResult<StoredUser> FaultyStore::userByName(const QString &username)
{
    return guarded<StoredUser>("userByName", [&] { return m_inner->userByName(username); });
}

StoreResult<StoredUser> FaultyStore::userById(qint64 id)
{
    return guarded<StoredUser>("userById", [&] { return m_inner->userById(id); });
}

StoreResult<QList<User>> FaultyStore::listUsers(const QString &query, int limit)
{
    return guarded<QList<User>>("listUsers", [&] { return m_inner->listUsers(query, limit); });
}

StoreResult<bool> FaultyStore::setUserDisabled(qint64 id, bool disabled)
{
    return guarded<bool>("setUserDisabled", [&] { return m_inner->setUserDisabled(id, disabled); });
}

StoreResult<bool> FaultyStore::setPasswordHash(qint64 id, const QByteArray &passwordHash)
{
    return guarded<bool>("setPasswordHash",
                         [&] { return m_inner->setPasswordHash(id, passwordHash); });
}

StoreResult<bool> FaultyStore::addToken(qint64 userId, const QByteArray &tokenHash,
                                        qint64 createdAt, qint64 expiresAt)
{
    return guarded<bool>(
        "addToken", [&] { return m_inner->addToken(userId, tokenHash, createdAt, expiresAt); });
}

StoreResult<qint64> FaultyStore::userForToken(const QByteArray &tokenHash, qint64 now)
{
    return guarded<qint64>("userForToken", [&] { return m_inner->userForToken(tokenHash, now); });
}

StoreResult<bool> FaultyStore::revokeToken(const QByteArray &tokenHash)
{
    return guarded<bool>("revokeToken", [&] { return m_inner->revokeToken(tokenHash); });
}

StoreResult<bool> FaultyStore::revokeUserTokens(qint64 userId)
{
    return guarded<bool>("revokeUserTokens", [&] { return m_inner->revokeUserTokens(userId); });
}

StoreResult<QList<QByteArray>> FaultyStore::tokensEndedBetween(qint64 after, qint64 upTo)
{
    return guarded<QList<QByteArray>>("tokensEndedBetween",
                                      [&] { return m_inner->tokensEndedBetween(after, upTo); });
}

StoreResult<Membership> FaultyStore::membership(qint64 conversationId, qint64 userId)
{
    return guarded<Membership>("membership",
                               [&] { return m_inner->membership(conversationId, userId); });
}

StoreResult<Group> FaultyStore::group(qint64 conversationId)
{
    return guarded<Group>("group", [&] { return m_inner->group(conversationId); });
}

StoreResult<QList<qint64>> FaultyStore::memberIds(qint64 conversationId)
{
    return guarded<QList<qint64>>("memberIds", [&] { return m_inner->memberIds(conversationId); });
}

StoreResult<QList<GroupMember>> FaultyStore::groupMembers(qint64 conversationId)
{
    return guarded<QList<GroupMember>>("groupMembers",
                                       [&] { return m_inner->groupMembers(conversationId); });
}

StoreResult<int> FaultyStore::groupCount(qint64 userId)
{
    return guarded<int>("groupCount", [&] { return m_inner->groupCount(userId); });
}

StoreResult<GroupChange> FaultyStore::changeGroup(const GroupEdit &edit)
{
    return guarded<GroupChange>("changeGroup", [&] { return m_inner->changeGroup(edit); });
}

StoreResult<Receipt> FaultyStore::receiptOf(qint64 conversationId, qint64 userId)
{
    return guarded<Receipt>("receiptOf",
                            [&] { return m_inner->receiptOf(conversationId, userId); });
}

StoreResult<QList<Conversation>> FaultyStore::conversationsFor(qint64 userId)
{
    return guarded<QList<Conversation>>("conversationsFor",
                                        [&] { return m_inner->conversationsFor(userId); });
}

StoreResult<QList<qint64>> FaultyStore::peersOf(qint64 userId)
{
    return guarded<QList<qint64>>("peersOf", [&] { return m_inner->peersOf(userId); });
}

QList<StoreResult<AppendedMessage>> FaultyStore::appendMessages(const QList<NewMessage> &batch)
{
    m_appendBatches.append(int(batch.size()));
    if (m_appendDelayUs > 0)
        QThread::usleep(qulonglong(m_appendDelayUs) * qulonglong(batch.size()));
    const auto it = m_failing.constFind(QStringLiteral("appendMessages"));
    if (it == m_failing.constEnd())
        return m_inner->appendMessages(batch);
    QList<StoreResult<AppendedMessage>> failed;
    for (qsizetype i = 0; i < batch.size(); ++i)
        failed.append(StoreResult<AppendedMessage>::fail(*it, QStringLiteral("injected failure")));
    return failed;
}

StoreResult<QList<Message>> FaultyStore::history(qint64 userId, qint64 conversationId,
                                                 qint64 before, int limit)
{
    return guarded<QList<Message>>(
        "history", [&] { return m_inner->history(userId, conversationId, before, limit); });
}

StoreResult<Message> FaultyStore::message(qint64 messageId)
{
    return guarded<Message>("message", [&] { return m_inner->message(messageId); });
}

StoreResult<Message> FaultyStore::editMessage(qint64 messageId, const QString &content,
                                              qint64 editedAt)
{
    return guarded<Message>("editMessage",
                            [&] { return m_inner->editMessage(messageId, content, editedAt); });
}

StoreResult<QList<EditRecord>> FaultyStore::editHistory(qint64 messageId)
{
    return guarded<QList<EditRecord>>("editHistory",
                                      [&] { return m_inner->editHistory(messageId); });
}

StoreResult<Message> FaultyStore::deleteForEveryone(qint64 messageId, qint64 at)
{
    return guarded<Message>("deleteForEveryone",
                            [&] { return m_inner->deleteForEveryone(messageId, at); });
}

StoreResult<HiddenMessage> FaultyStore::hideForUser(qint64 userId, qint64 messageId)
{
    return guarded<HiddenMessage>("hideForUser",
                                  [&] { return m_inner->hideForUser(userId, messageId); });
}

StoreResult<std::optional<Receipt>> FaultyStore::markRead(qint64 conversationId, qint64 userId,
                                                          qint64 upTo)
{
    return guarded<std::optional<Receipt>>(
        "markRead", [&] { return m_inner->markRead(conversationId, userId, upTo); });
}

StoreResult<std::optional<Receipt>> FaultyStore::markDelivered(qint64 conversationId, qint64 userId,
                                                               qint64 upTo)
{
    return guarded<std::optional<Receipt>>(
        "markDelivered", [&] { return m_inner->markDelivered(conversationId, userId, upTo); });
}

StoreResult<QList<Receipt>> FaultyStore::markDeliveredAll(const QList<DeliveryMark> &marks)
{
    return guarded<QList<Receipt>>("markDeliveredAll",
                                   [&] { return m_inner->markDeliveredAll(marks); });
}

StoreResult<QList<Message>> FaultyStore::historyAfter(qint64 userId, qint64 conversationId,
                                                      qint64 after, int limit)
{
    return guarded<QList<Message>>("historyAfter", [&] {
        return m_inner->historyAfter(userId, conversationId, after, limit);
    });
}

StoreResult<SearchPage> FaultyStore::search(const SearchScope &scope)
{
    return guarded<SearchPage>("search", [&] { return m_inner->search(scope); });
}

StoreResult<ChangePage> FaultyStore::changesSince(qint64 userId, qint64 since, int limit)
{
    return guarded<ChangePage>("changesSince",
                               [&] { return m_inner->changesSince(userId, since, limit); });
}

StoreResult<ReactionChange> FaultyStore::setReaction(qint64 userId, qint64 messageId,
                                                     const QString &emoji, bool on, qint64 at)
{
    return guarded<ReactionChange>(
        "setReaction", [&] { return m_inner->setReaction(userId, messageId, emoji, on, at); });
}
