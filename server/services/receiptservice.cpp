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
    const auto member = m_directory.membership(request.conversationId, caller.userId);
    if (!member.ok())
        return Outcome<Receipt>::failure(storeError(member, notFound, field));
    const auto moved = m_store.markRead(request.conversationId, caller.userId, request.upTo);
    if (!moved.ok())
        return Outcome<Receipt>::failure(storeError(moved, notFound, field));
    if (!moved.value) {
        // Nothing moved: answer with the standing position.
        const auto standing = m_store.receiptOf(request.conversationId, caller.userId);
        if (!standing.ok())
            return Outcome<Receipt>::failure(storeError(standing, notFound, field));
        return Outcome<Receipt>::success(standing.value);
    }
    announce(*moved.value);
    return Outcome<Receipt>::success(*moved.value);
}

void ReceiptService::markDelivered(qint64 conversationId, qint64 userId, qint64 upTo)
{
    if (!m_directory.membership(conversationId, userId).ok())
        return;
    const auto moved = m_store.markDelivered(conversationId, userId, upTo);
    if (!moved.ok()) {
        qCWarning(lcMessaging) << "could not mark delivered: conversation" << conversationId
                               << "user" << userId << moved.detail;
        return;
    }
    if (moved.value)
        announce(*moved.value);
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
    for (const Receipt &receipt : moved.value)
        announce(receipt);
}

void ReceiptService::announce(const Receipt &receipt)
{
    const auto audience = m_directory.audience(receipt.conversationId);
    if (!audience.ok()) {
        qCWarning(lcMessaging) << "receipt of conversation" << receipt.conversationId
                               << "not announced:" << audience.detail;
        return;
    }
    const QString frame = codec::encodeEvent(ReceiptEvent{receipt});
    m_sink.sendToUsers(audience.value, frame);
}

void ReceiptService::announce(const Receipt &receipt, qint64 peerId)
{
    const QString frame = codec::encodeEvent(ReceiptEvent{receipt});
    m_sink.sendToUser(receipt.userId, frame);
    m_sink.sendToUser(peerId, frame);
}

} // namespace natter::server
