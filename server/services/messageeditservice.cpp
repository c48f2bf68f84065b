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

Outcome<MessageEditService::Visible> MessageEditService::visibleMessage(const Caller &caller,
                                                                        qint64 messageId)
{
    const auto message = m_store.message(messageId);
    if (!message.ok())
        return Outcome<Visible>::failure(storeError(message, noSuchMessage(), kMessageField));
    const auto peer = m_directory.peerOf(message.value.conversationId, caller.userId);
    if (!peer.ok()) // not a participant: indistinguishable from a missing message
        return Outcome<Visible>::failure(storeError(peer, noSuchMessage(), kMessageField));
    return Outcome<Visible>::success(Visible{message.value, peer.value});
}

Outcome<Message> MessageEditService::edit(const Caller &caller, const EditRequest &request)
{
    const auto visible = visibleMessage(caller, request.messageId);
    if (!visible.ok())
        return Outcome<Message>::failure(*visible.error);
    if (visible.value.message.senderId != caller.userId)
        return Outcome<Message>::failure(ProtocolError::make(
            ErrorCode::Forbidden, QStringLiteral("only the sender can edit a message"),
            kMessageField));
    if (visible.value.message.deleted)
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
    announceUpdate(edited.value, caller.userId, visible.value.peerId);
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
    if (visible.value.message.senderId != caller.userId)
        return Outcome<bool>::failure(ProtocolError::make(
            ErrorCode::Forbidden,
            QStringLiteral("only the sender can delete a message for everyone"), kMessageField));
    const auto tombstone =
        m_store.deleteForEveryone(request.messageId, QDateTime::currentMSecsSinceEpoch());
    if (!tombstone.ok())
        return Outcome<bool>::failure(storeError(tombstone, noSuchMessage(), kMessageField));
    announceUpdate(tombstone.value, caller.userId, visible.value.peerId);
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

void MessageEditService::announceUpdate(const Message &message, qint64 senderId, qint64 peerId)
{
    const QString frame = codec::encodeEvent(MessageUpdatedEvent{message});
    m_sink.sendToUser(senderId, frame);
    m_sink.sendToUser(peerId, frame);
}

} // namespace natter::server
