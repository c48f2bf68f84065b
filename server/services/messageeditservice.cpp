#include "messageeditservice.h"

#include "codec.h"
#include "events.h"

#include <QDateTime>

namespace natter::server {
namespace {

const QString kMessageField = QStringLiteral("message_id");

QString noSuchMessage()
{
    return QStringLiteral("no such message");
}

} // namespace

Outcome<Message> MessageEditService::visibleMessage(const Caller &caller, qint64 messageId)
{
    const auto message = m_store.message(messageId);
    if (!message.ok())
        return Outcome<Message>::failure(storeError(message, noSuchMessage(), kMessageField));
    const auto member = m_directory.membership(message.value.conversationId, caller.userId);
    if (!member.ok()) // not a participant: indistinguishable from a missing message
        return Outcome<Message>::failure(storeError(member, noSuchMessage(), kMessageField));
    if (message.value.id < member.value.joinedFrom) // a group's, from before they joined
        return Outcome<Message>::failure(
            ProtocolError::make(ErrorCode::NotFound, noSuchMessage(), kMessageField));
    return Outcome<Message>::success(message.value);
}

std::optional<ProtocolError>
MessageEditService::mayChange(const Caller &caller, const Message &message, const QString &what)
{
    if (message.system)
        return ProtocolError::make(ErrorCode::Forbidden,
                                   QStringLiteral("a system line cannot be %1").arg(what),
                                   kMessageField);
    if (message.senderId != caller.userId)
        return ProtocolError::make(
            ErrorCode::Forbidden,
            what == QLatin1String("edited")
                ? QStringLiteral("only the sender can edit a message")
                : QStringLiteral("only the sender can delete a message for everyone"),
            kMessageField);
    return std::nullopt;
}

Outcome<Message> MessageEditService::edit(const Caller &caller, const EditRequest &request)
{
    const auto visible = visibleMessage(caller, request.messageId);
    if (!visible.ok())
        return Outcome<Message>::failure(*visible.error);
    if (auto refused = mayChange(caller, visible.value, QStringLiteral("edited")))
        return Outcome<Message>::failure(*refused);
    if (visible.value.deleted)
        return Outcome<Message>::failure(ProtocolError::make(
            ErrorCode::Conflict, QStringLiteral("a deleted message cannot be edited"),
            kMessageField));
    const auto edited = m_store.editMessage(request.messageId, request.content,
                                            QDateTime::currentMSecsSinceEpoch());
    if (!edited.ok())
        return Outcome<Message>::failure(
            storeError(edited,
                       edited.failure == StoreFailure::Conflict
                           ? QStringLiteral("a deleted message cannot be edited")
                           : noSuchMessage(),
                       kMessageField));
    announceUpdate(edited.value);
    return Outcome<Message>::success(edited.value);
}

Outcome<bool> MessageEditService::remove(const Caller &caller, const DeleteRequest &request)
{
    const auto visible = visibleMessage(caller, request.messageId);
    if (!visible.ok())
        return Outcome<bool>::failure(*visible.error);
    if (request.scope == DeleteRequest::Scope::Me) {
        const auto hidden = m_store.hideForUser(caller.userId, request.messageId);
        if (!hidden.ok())
            return Outcome<bool>::failure(storeError(hidden, noSuchMessage(), kMessageField));
        m_sink.sendToUser(caller.userId, codec::encodeEvent(MessageHiddenEvent{hidden.value}),
                          caller.connection);
        return Outcome<bool>::success(true);
    }
    if (auto refused = mayChange(caller, visible.value, QStringLiteral("deleted for everyone")))
        return Outcome<bool>::failure(*refused);
    const auto tombstone =
        m_store.deleteForEveryone(request.messageId, QDateTime::currentMSecsSinceEpoch());
    if (!tombstone.ok())
        return Outcome<bool>::failure(storeError(tombstone, noSuchMessage(), kMessageField));
    announceUpdate(tombstone.value);
    return Outcome<bool>::success(true);
}

Outcome<QList<EditRecord>> MessageEditService::editHistory(const Caller &caller,
                                                           const EditHistoryRequest &request)
{
    const auto visible = visibleMessage(caller, request.messageId);
    if (!visible.ok())
        return Outcome<QList<EditRecord>>::failure(*visible.error);
    const auto edits = m_store.editHistory(request.messageId);
    if (!edits.ok())
        return Outcome<QList<EditRecord>>::failure(
            storeError(edits, noSuchMessage(), kMessageField));
    return Outcome<QList<EditRecord>>::success(edits.value);
}

void MessageEditService::announceUpdate(const Message &message)
{
    const auto audience = m_directory.audience(message.conversationId);
    const QString frame = codec::encodeEvent(MessageUpdatedEvent{message});
    m_sink.sendToUsers(audience.value, frame); // empty when unknown: the change is stored
}

} // namespace natter::server
