#pragma once
// Hands each event the server pushes to the controller whose job it is.

#include "protocol.h"

#include <QJsonObject>
#include <QObject>

namespace natter::client {

class ConversationController;
class GroupController;
class PeopleController;
class ReactionController;
class ServerConnection;
class SyncController;
class TypingController;

class EventRouter final : public QObject
{
    Q_OBJECT

public:
    EventRouter(ServerConnection &connection, ConversationController &conversations,
                PeopleController &people, SyncController &sync, TypingController &typing,
                GroupController &groups, QObject *parent = nullptr);
    void setReactions(ReactionController *reactions) { m_reactions = reactions; }

private:
    void onEvent(protocol::EventType type, const QJsonObject &event);

    ConversationController &m_conversations;
    PeopleController &m_people;
    SyncController &m_sync;
    TypingController &m_typing;
    GroupController &m_groups;
    ReactionController *m_reactions = nullptr;
};

} // namespace natter::client
