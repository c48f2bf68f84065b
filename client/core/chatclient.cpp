#include "chatclient.h"

#include <QDir>

namespace natter::client {

ChatClient::ChatClient(ProfileSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings),
      m_outbox(QDir(settings.dataDir()).filePath(QStringLiteral("outbox.json"))),
      m_session(settings, m_connection), m_people(m_connection, m_session),
      m_conversations(m_connection, m_session, m_people, m_outbox),
      m_sync(settings, m_connection, m_session, m_conversations, m_outbox),
      m_typing(m_connection, m_session, m_conversations, m_people),
      m_events(m_connection, m_conversations, m_people, m_sync, m_typing)
{
    connect(&m_session, &SessionController::signedIn, this, &ChatClient::onSignedIn);
    connect(&m_session, &SessionController::sessionStarted, this, &ChatClient::onSessionStarted);
    connect(&m_session, &SessionController::sessionEnded, this, &ChatClient::onSessionEnded);
    connect(&m_conversations, &ConversationController::revSeen, &m_sync, &SyncController::noteRev);
    connect(&m_conversations, &ConversationController::messageQueued, this,
            [this](const PendingMessage &message) {
                m_typing.setTyping(false);
                m_sync.transmit(message);
            });
    connect(&m_people, &PeopleController::errorOccurred, this, &ChatClient::errorOccurred);
    connect(&m_conversations, &ConversationController::errorOccurred, this,
            &ChatClient::errorOccurred);
    connect(&m_sync, &SyncController::errorOccurred, this, &ChatClient::errorOccurred);
}

ChatClient::~ChatClient()
{
    m_settings.sync();
}

void ChatClient::onSignedIn(const User &me)
{
    m_people.rememberName(me.id, me.username);
    m_conversations.list()->setSelf(me.id);
}

void ChatClient::onSessionStarted()
{
    m_conversations.refreshConversations();
    m_sync.resumeSession();
    m_conversations.resumeSession();
}

void ChatClient::onSessionEnded()
{
    m_conversations.forgetConversations();
    m_people.forget();
    m_conversations.messages()->close();
}

} // namespace natter::client
