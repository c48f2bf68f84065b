#include "typingcontroller.h"

#include "conversationcontroller.h"
#include "peoplecontroller.h"
#include "protocollimits.h"
#include "requests.h"
#include "serverconnection.h"
#include "sessioncontroller.h"

namespace natter::client {

using protocol::RequestType;

TypingController::TypingController(ServerConnection &connection, const SessionController &session,
                                   const ConversationController &conversations,
                                   const PeopleController &people, QObject *parent)
    : QObject(parent), m_connection(connection), m_session(session), m_conversations(conversations),
      m_people(people)
{
    m_peerTypingExpiry.setSingleShot(true);
    m_peerTypingExpiry.setInterval(limits::kTypingExpiryMs);
    connect(&m_peerTypingExpiry, &QTimer::timeout, this, &TypingController::peerStopped);
}

void TypingController::peerStopped()
{
    emit typingChanged(m_conversations.openConversationId(),
                       m_people.peerName(m_conversations.openPeerId()), false);
}

void TypingController::applyMessage(const Message &message)
{
    if (message.senderId == m_conversations.openPeerId() &&
        message.conversationId == m_conversations.openConversationId()) {
        m_peerTypingExpiry.stop();
        peerStopped();
    }
}

void TypingController::applyTyping(const TypingEvent &event)
{
    if (event.userId == m_session.currentUser().id)
        return;
    if (event.active && event.conversationId == m_conversations.openConversationId())
        m_peerTypingExpiry.start();
    emit typingChanged(event.conversationId, m_people.peerName(event.userId), event.active);
}

void TypingController::setTyping(bool active)
{
    const qint64 conversation = m_conversations.openConversationId();
    if (conversation == 0 || !m_session.isAuthenticated())
        return;
    if (active && m_typingSent && m_typingClock.elapsed() < limits::kTypingRefreshMs)
        return;
    if (!active && !m_typingSent)
        return;
    m_typingSent = active;
    m_typingClock.start();
    m_connection.request(RequestType::Typing, TypingRequest{conversation, active}.toJson(),
                         [](const QJsonObject &, const std::optional<ProtocolError> &) {});
}

} // namespace natter::client
