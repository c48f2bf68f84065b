#include "chatclient.h"

#include <QDir>

namespace natter::client {

ChatClient::ChatClient(ProfileSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings),
      m_outbox(QDir(settings.dataDir()).filePath(QStringLiteral("outbox.json"))),
      m_cache(settings.dataDir()), m_session(settings, m_connection),
      m_people(m_connection, m_session),
      m_conversations(m_connection, m_session, m_people, m_outbox),
      m_sync(settings, m_connection, m_session, m_conversations, m_outbox),
      m_typing(m_connection, m_session, m_conversations, m_people),
      m_groups(m_connection, m_session, m_conversations, m_people),
      m_events(m_connection, m_conversations, m_people, m_sync, m_typing, m_groups),
      m_reactions(m_connection, m_conversations),
      m_files(m_session, m_conversations, m_transfers,
              QDir(settings.dataDir()).filePath(QStringLiteral("uploads.json")))
{
    m_events.setReactions(&m_reactions);
    connect(&m_reactions, &ReactionController::errorOccurred, this, &ChatClient::errorOccurred);
    m_conversations.setCache(&m_cache);
    m_sync.setCache(&m_cache);
    connect(&m_session, &SessionController::resuming, this, &ChatClient::useCache);
    connect(&m_session, &SessionController::authenticationFailed, this,
            [this](const ProtocolError &error) {
                if (m_session.isAuthenticated() || error.code == ErrorCode::Unavailable)
                    return;
                // The remembered account was refused: its cached data is not shown any more.
                m_cache.close();
                m_session.presumeUser({});
                forgetShownData();
            });
    connect(&m_session, &SessionController::signedIn, this, &ChatClient::onSignedIn);
    connect(&m_session, &SessionController::sessionStarted, this, &ChatClient::onSessionStarted);
    connect(&m_session, &SessionController::sessionEnded, this, &ChatClient::onSessionEnded);
    connect(&m_conversations, &ConversationController::revSeen, &m_sync, &SyncController::noteRev);
    connect(&m_conversations, &ConversationController::messageQueued, this, [this]() {
        m_typing.setTyping(false);
        m_sync.sendNext(); // the outbox holds it, behind any older one still unsent
    });
    connect(&m_people, &PeopleController::errorOccurred, this, &ChatClient::errorOccurred);
    connect(&m_files, &FileSender::errorOccurred, this, &ChatClient::errorOccurred);
    connect(&m_conversations, &ConversationController::errorOccurred, this,
            &ChatClient::errorOccurred);
    connect(&m_sync, &SyncController::errorOccurred, this, &ChatClient::errorOccurred);
}

ChatClient::~ChatClient()
{
    m_settings.sync();
}

void ChatClient::useCache(const QUrl &server, const QString &username)
{
    if (!m_cache.openFor(server, username))
        return;        // the same as before (or none): nothing new to show
    forgetShownData(); // what was shown belongs to another account
    m_sync.setCursor(m_cache.rev());
    showCache();
}

void ChatClient::showCache()
{
    const User me = m_cache.user();
    if (me.id <= 0)
        return; // never signed in with this cache yet
    if (!m_session.isAuthenticated())
        m_session.presumeUser(me);
    m_people.rememberName(me.id, me.username);
    m_conversations.list()->setSelf(me.id);
    m_conversations.showCachedConversations();
}

void ChatClient::onSignedIn(const User &me)
{
    useCache(m_session.serverUrl(), me.username);
    if (m_cache.setUser(me)) { // the same name, another account: its cache started afresh
        forgetShownData();
        m_sync.setCursor(0);
    }
    m_people.rememberName(me.id, me.username);
    m_conversations.list()->setSelf(me.id);
}

void ChatClient::onSessionStarted()
{
    m_conversations.refreshConversations();
    m_sync.resumeSession();
    m_conversations.resumeSession();
    m_files.resumeSaved();
}

void ChatClient::onSessionEnded()
{
    // Signed out by the user: this account's data leaves the profile. Ended by the server:
    // kept for the next sign-in of the same account.
    if (m_session.signOutReason().isEmpty()) {
        m_cache.removeCurrent();
        m_files.forgetAll();
    } else {
        m_cache.close();
    }
    forgetShownData();
}

void ChatClient::forgetShownData()
{
    m_conversations.forgetConversations();
    m_people.forget();
    m_groups.forget();
    m_conversations.messages()->close();
}

} // namespace natter::client
