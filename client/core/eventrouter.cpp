#include "eventrouter.h"

#include "conversationcontroller.h"
#include "events.h"
#include "groupcontroller.h"
#include "peoplecontroller.h"
#include "reactioncontroller.h"
#include "serverconnection.h"
#include "synccontroller.h"
#include "typingcontroller.h"

namespace natter::client {

EventRouter::EventRouter(ServerConnection &connection, ConversationController &conversations,
                         PeopleController &people, SyncController &sync, TypingController &typing,
                         GroupController &groups, QObject *parent)
    : QObject(parent), m_conversations(conversations), m_people(people), m_sync(sync),
      m_typing(typing), m_groups(groups)
{
    connect(&connection, &ServerConnection::eventReceived, this, &EventRouter::onEvent);
}

void EventRouter::onEvent(protocol::EventType type, const QJsonObject &event)
{
    using protocol::EventType;
    switch (type) {
    case EventType::Message:
        if (auto e = MessageEvent::fromJson(event)) {
            m_typing.applyMessage(e->message); // a message from the peer ends their typing
            m_sync.noteRev(e->message.rev);
            m_conversations.applyNewMessage(e->message, true);
        }
        break;
    case EventType::MessageUpdated:
        if (auto e = MessageUpdatedEvent::fromJson(event)) {
            m_sync.noteRev(e->message.rev);
            m_conversations.applyUpdatedMessage(e->message);
        }
        break;
    case EventType::MessageHidden:
        if (auto e = MessageHiddenEvent::fromJson(event)) {
            m_sync.noteRev(e->hidden.rev);
            m_conversations.applyHidden(e->hidden.messageId);
        }
        break;
    case EventType::Typing:
        if (auto e = TypingEvent::fromJson(event))
            m_typing.applyTyping(*e);
        break;
    case EventType::Presence:
        if (auto e = PresenceEvent::fromJson(event)) {
            m_people.applyPresence(*e);
            for (const User &u : e->online)
                m_conversations.list()->setPeerOnline(u.id, true);
            for (qint64 id : e->offline)
                m_conversations.list()->setPeerOnline(id, false);
        }
        break;
    case EventType::Receipt:
        if (auto e = ReceiptEvent::fromJson(event)) {
            m_sync.noteRev(e->receipt.rev);
            m_conversations.applyReceipt(e->receipt);
            m_groups.applyReceiptPositions(e->receipt.conversationId, e->receipt.userId,
                                           e->receipt.readUpTo, e->receipt.deliveredUpTo);
        }
        break;
    case EventType::GroupUpdated:
        if (auto e = GroupUpdatedEvent::fromJson(event))
            m_groups.applyGroupUpdated(e->group);
        break;
    case EventType::Reaction:
        if (auto e = ReactionEvent::fromJson(event); e && m_reactions) {
            m_sync.noteRev(e->reaction.rev);
            m_reactions->applyReaction(e->reaction);
        }
        break;
    }
}

} // namespace natter::client
