// ConversationController: the message the next one sent answers (the reply bar's state).
#include "conversationcontroller.h"

namespace natter::client {

void ConversationController::setReplyTo(qint64 messageId)
{
    if (m_replyTo == messageId)
        return;
    m_replyTo = messageId;
    emit replyToChanged(messageId);
}

} // namespace natter::client
