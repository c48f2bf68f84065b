#pragma once
// What the widgets hold: the connection and the controllers, one job each, wired together.
// Widgets talk to the controllers; only tests reach the connection itself.

#include "conversationcontroller.h"
#include "eventrouter.h"
#include "filesender.h"
#include "groupcontroller.h"
#include "localcache.h"
#include "outbox.h"
#include "peoplecontroller.h"
#include "profilesettings.h"
#include "reactioncontroller.h"
#include "serverconnection.h"
#include "sessioncontroller.h"
#include "synccontroller.h"
#include "transferprogress.h"
#include "typingcontroller.h"

#include <QObject>

namespace natter::client {

class ChatClient final : public QObject
{
    Q_OBJECT

public:
    explicit ChatClient(ProfileSettings &settings, QObject *parent = nullptr);
    ~ChatClient() override;

    ServerConnection &connection() { return m_connection; } // for tests: delays, state
    ProfileSettings &settings() { return m_settings; }
    const Outbox &outbox() const { return m_outbox; }
    const LocalCache &cache() const { return m_cache; }
    SessionController &session() { return m_session; }
    PeopleController &people() { return m_people; }
    ConversationController &conversations() { return m_conversations; }
    SyncController &sync() { return m_sync; }
    TypingController &typing() { return m_typing; }
    GroupController &groups() { return m_groups; }
    ReactionController &reactions() { return m_reactions; }
    FileSender &files() { return m_files; }
    TransferProgress &transfers() { return m_transfers; }

signals:
    void errorOccurred(const QString &message); // from any controller

private:
    void onSignedIn(const User &me);
    void onSessionStarted();
    void onSessionEnded();
    void forgetShownData(); // the models, emptied
    // The local cache of this account: opened, and shown when it is another one than before.
    void useCache(const QUrl &server, const QString &username);
    void showCache();

    ProfileSettings &m_settings;
    ServerConnection m_connection;
    Outbox m_outbox;
    LocalCache m_cache;
    SessionController m_session;
    PeopleController m_people;
    ConversationController m_conversations;
    SyncController m_sync;
    TypingController m_typing;
    GroupController m_groups;
    EventRouter m_events;
    ReactionController m_reactions;
    TransferProgress m_transfers;
    FileSender m_files;
};

} // namespace natter::client
