// ConversationController: the bubbles of files being sent. A file's bubble appears when its
// upload starts (so its progress shows where the message will be) and becomes the message,
// with the same client id, when the stored file goes out through the outbox.
#include "clientid.h"
#include "conversationcontroller.h"

#include <QDateTime>

namespace natter::client {

void ConversationController::showUpload(const PendingMessage &message)
{
    m_uploading.append(message);
    if (message.conversationId == openConversationId())
        m_messages.addPending(message);
}

void ConversationController::dropUpload(const QUuid &clientId)
{
    m_uploading.removeIf([&](const PendingMessage &m) { return m.clientId == clientId; });
    m_messages.removePending(clientId);
}

void ConversationController::sendFileMessage(qint64 conversationId, const FileInfo &file,
                                             const QString &caption, const QUuid &clientId)
{
    m_uploading.removeIf([&](const PendingMessage &m) { return m.clientId == clientId; });
    PendingMessage p;
    p.clientId = clientId.isNull() ? newClientId() : clientId;
    p.conversationId = conversationId;
    p.content = caption;
    p.createdAt = QDateTime::currentMSecsSinceEpoch();
    p.file = file;
    m_outbox.add(p);
    if (conversationId == openConversationId())
        m_messages.addPending(p); // the upload's bubble, now with the stored file
    emit messageQueued(p);
}

} // namespace natter::client
