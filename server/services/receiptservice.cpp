#include "receiptservice.h"

#include "codec.h"
#include "config/logging.h"
#include "events.h"

namespace natter::server {

ReceiptService::ReceiptService(ChatStore &store, ConversationDirectory &directory, EventSink &sink)
    : m_store(store), m_directory(directory), m_sink(sink)
{
    m_sink.setPushedHandler([this](const QList<PushedMessage> &pushed) { markPushed(pushed); });
}

ReceiptService::~ReceiptService()
{
    m_sink.setPushedHandler({});
}

void ReceiptService::markPushed(const QList<PushedMessage> &pushed)
{
    QList<ChatStore::DeliveryMark> marks;
    marks.reserve(pushed.size());
    for (const PushedMessage &p : pushed)
        marks.append({p.conversationId, p.recipientId, p.messageId});
    markDeliveredAll(marks);
}

Outcome<Receipt> ReceiptService::read(const Caller &caller, const ReadRequest &request)
{
    const QString notFound = QStringLiteral("no such conversation");
    const QString field = QStringLiteral("conversation_id");
    const auto peer = m_directory.peerOf(request.conversationId, caller.userId);
    if (!peer.ok())
        return Outcome<Receipt>::failure(storeError(peer, notFound, field));
    const auto moved = m_store.markRead(request.conversationId, caller.userId, request.upTo);
    if (!moved.ok())
        return Outcome<Receipt>::failure(storeError(moved, notFound, field));
    if (!moved.value)
        return currentReceipt(request.conversationId, caller.userId, peer.value);
    announce(*moved.value, peer.value);
    return Outcome<Receipt>::success(*moved.value);
}

void ReceiptService::markDelivered(qint64 conversationId, qint64 userId, qint64 upTo)
{
    const auto peer = m_directory.peerOf(conversationId, userId);
    if (!peer.ok())
        return;
    const auto moved = m_store.markDelivered(conversationId, userId, upTo);
    if (!moved.ok()) {
        qCWarning(lcMessaging) << "could not mark delivered: conversation" << conversationId
                               << "user" << userId << moved.detail;
        return;
    }
    if (moved.value)
        announce(*moved.value, peer.value);
}

void ReceiptService::markDeliveredAll(const QList<ChatStore::DeliveryMark> &marks)
{
    if (marks.isEmpty())
        return;
    if (marks.size() == 1)
        return markDelivered(marks.first().conversationId, marks.first().userId,
                             marks.first().upTo);
    const auto moved = m_store.markDeliveredAll(marks);
    if (!moved.ok()) {
        qCWarning(lcMessaging) << "could not mark" << marks.size()
                               << "conversations delivered:" << moved.detail;
        return;
    }
    for (const Receipt &receipt : moved.value) {
        const auto peer = m_directory.peerOf(receipt.conversationId, receipt.userId);
        if (peer.ok())
            announce(receipt, peer.value);
    }
}

void ReceiptService::announce(const Receipt &receipt, qint64 peerId)
{
    const QString frame = codec::encodeEvent(ReceiptEvent{receipt});
    m_sink.sendToUser(receipt.userId, frame);
    m_sink.sendToUser(peerId, frame);
}

Outcome<Receipt> ReceiptService::currentReceipt(qint64 conversationId, qint64 userId, qint64 peerId)
{
    // Nothing moved: answer with the standing position. The peer's view of the conversation
    // carries the caller's read and delivered positions.
    const auto conversations = m_store.conversationsFor(peerId);
    if (!conversations.ok())
        return Outcome<Receipt>::failure(storeError(conversations, QString()));
    for (const Conversation &c : conversations.value) {
        if (c.id == conversationId)
            return Outcome<Receipt>::success(
                Receipt{conversationId, userId, c.peerReadUpTo, c.peerDeliveredUpTo, 0});
    }
    return Outcome<Receipt>::success(Receipt{conversationId, userId, 0, 0, 0});
}

} // namespace natter::server
