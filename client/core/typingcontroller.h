#pragma once
// "Typing…" both ways: this user's typing goes to the server at most once per refresh period,
// and the peer's typing shown in the open conversation expires when their events stop.

#include "events.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace natter::client {

class ConversationController;
class PeopleController;
class ServerConnection;
class SessionController;

class TypingController final : public QObject
{
    Q_OBJECT

public:
    TypingController(ServerConnection &connection, const SessionController &session,
                     const ConversationController &conversations, const PeopleController &people,
                     QObject *parent = nullptr);

    void setTyping(bool active);
    void applyTyping(const TypingEvent &event);
    // A message from the peer ends their typing.
    void applyMessage(const Message &message);

signals:
    void typingChanged(qint64 conversationId, const QString &username, bool active);

private:
    void peerStopped();

    ServerConnection &m_connection;
    const SessionController &m_session;
    const ConversationController &m_conversations;
    const PeopleController &m_people;
    bool m_typingSent = false;
    QElapsedTimer m_typingClock;
    QTimer m_peerTypingExpiry;
};

} // namespace natter::client
