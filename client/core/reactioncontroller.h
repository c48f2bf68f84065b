#pragma once
// Reactions: sends `react` for the signed-in user and applies what comes back (the reply and
// the `reaction` events of everyone) to the open conversation's messages.

#include "reactionrequests.h"

#include <QObject>

namespace natter::client {

class ConversationController;
class ServerConnection;

class ReactionController final : public QObject
{
    Q_OBJECT

public:
    ReactionController(ServerConnection &connection, ConversationController &conversations,
                       QObject *parent = nullptr);

    // Sets (on) or clears the user's `emoji` on a message.
    void react(qint64 messageId, const QString &emoji, bool on);
    void applyReaction(const Reaction &reaction);

signals:
    void errorOccurred(const QString &message);

private:
    ServerConnection &m_connection;
    ConversationController &m_conversations;
};

} // namespace natter::client
