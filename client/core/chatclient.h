#pragma once
// The facade the widgets use: sign-in, the models, and every chat action. It owns the
// connection; widgets never see the socket.

#include "conversationlistmodel.h"
#include "messagelistmodel.h"
#include "onlineusersmodel.h"
#include "outbox.h"
#include "profilesettings.h"
#include "serverconnection.h"
#include "usersearch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace natter::client {

class ChatClient final : public QObject
{
    Q_OBJECT

public:
    explicit ChatClient(ProfileSettings &settings, QObject *parent = nullptr);
    ~ChatClient() override;

    ServerConnection &connection() { return m_connection; }
    ConversationListModel *conversations() { return &m_conversations; }
    MessageListModel *messages() { return &m_messages; }
    OnlineUsersModel *onlineUsers() { return &m_online; }
    ProfileSettings &settings() { return m_settings; }

    User currentUser() const { return m_me; }
    bool isAuthenticated() const { return m_authenticated; }
    qint64 openConversationId() const { return m_messages.conversationId(); }
    qint64 openPeerId() const { return m_messages.peerId(); }
    QString peerName(qint64 userId) const { return m_names.value(userId); }
    // Online as far as this client knows: contacts from presence events; someone not a
    // contact yet (found in the directory, no conversation) as the directory last said.
    bool isPeerOnline(qint64 userId) const;
    // The sync cursor (docs/protocol.md, "Revisions, reconnect and sync"): every change up to
    // this rev has been received through `sync`. Persisted; only `sync` replies move it.
    qint64 syncCursor() const { return m_syncCursor; }
    // How long after the first live change beyond the cursor a catch-up `sync` runs.
    void setCatchUpDelay(int ms) { m_catchUp.setInterval(ms); }
    const Outbox &outbox() const { return m_outbox; }

    void signIn(const QUrl &server, const QString &username, const QString &password,
                bool remember);
    void registerAccount(const QUrl &server, const QString &username, const QString &password,
                         bool remember);
    bool resume(); // signs in with the remembered token; false when there is none
    void signOut();
    // Why the last session ended when the server ended it (empty after signOut()).
    QString signOutReason() const { return m_signOutReason; }
    // Accept this (self-signed) server certificate from now on and connect again.
    void trustCertificate(const QSslCertificate &certificate);

    void openConversation(qint64 conversationId);
    void startConversationWith(qint64 userId, const QString &username);
    void sendMessage(const QString &text);
    void editMessage(qint64 messageId, const QString &text);
    void deleteMessage(qint64 messageId, bool forEveryone);
    void requestEditHistory(qint64 messageId,
                            std::function<void(const QList<EditRecord> &)> handler);
    void setTyping(bool active);
    void markOpenConversationRead();
    void loadOlderMessages();
    bool hasOlderMessages() const { return m_hasOlder; }
    // Finds people on the server (not just those you talk with) whose name contains `query`,
    // everyone when empty: answered by usersFound, or userSearchFailed when signed out,
    // offline or refused. Only the latest search is answered.
    void searchUsers(const QString &query);

signals:
    void authenticated(const natter::User &user);
    void authenticationFailed(const natter::ProtocolError &error);
    void signedOut();
    void conversationOpened(qint64 conversationId, const QString &peerName);
    void typingChanged(qint64 conversationId, const QString &username, bool active);
    void messageArrived(qint64 conversationId, const QString &senderName, const QString &text);
    void olderMessagesLoaded(int count);
    void usersFound(const QString &query, const QList<natter::User> &users);
    void userSearchFailed(const QString &query);
    void errorOccurred(const QString &message);
    void untrustedCertificate(const QSslCertificate &certificate, bool changed);

private:
    // Forgets the session and its data; signedOut() follows.
    void endSession();
    void sendRead(qint64 conversationId, qint64 upTo);
    void flushPendingReads();

    enum class AuthAction
    {
        None,
        Login,
        Register,
        Token
    };

    void startAuth(const QUrl &server, AuthAction action, const QString &username,
                   const QString &password, bool remember);
    void onConnected();
    void onAuthenticated(const QJsonObject &reply);
    void onEvent(protocol::EventType type, const QJsonObject &event);
    void refreshConversations();
    // Pages of changes after `since` until has_more is false; moves the cursor.
    void syncFrom(qint64 since);
    void catchUp();
    void flushOutbox();
    void transmit(const PendingMessage &pending);
    void applyNewMessage(const Message &message, bool live);
    void applyReceipt(const Receipt &receipt);
    // A change seen live (an event or a reply) at `rev`. It never moves the cursor: revs are
    // server-wide and a connection can miss events (docs/scaling.md), so a live rev says
    // nothing about the ones before it. It schedules a catch-up sync instead.
    void noteRev(qint64 rev);
    void moveCursor(qint64 rev);
    void loadNewestPage();
    void report(const ProtocolError &error);

    ProfileSettings &m_settings;
    ServerConnection m_connection;
    ConversationListModel m_conversations;
    MessageListModel m_messages;
    OnlineUsersModel m_online;
    Outbox m_outbox;
    UserSearch m_userSearch{m_connection};

    AuthAction m_action = AuthAction::None;
    QString m_username;
    QString m_password; // only until the first successful sign-in
    bool m_remember = false;
    QString m_token;
    QString m_signOutReason;
    User m_me;
    bool m_authenticated = false;
    quint64 m_session = 0;                // counts sign-ins on a connection
    QHash<qint64, qint64> m_pendingReads; // conversation -> read up to, until the server has it
    qint64 m_syncCursor = 0;
    qint64 m_liveRev = 0;   // the highest rev seen live
    bool m_syncing = false; // a chain of sync pages is under way
    QTimer m_catchUp;
    QHash<qint64, QString> m_names;
    QHash<qint64, bool> m_directoryOnline; // from directory searches, for non-contacts
    QList<QUuid> m_inFlight;
    bool m_hasOlder = false;
    bool m_loadingOlder = false;
    bool m_typingSent = false;
    QElapsedTimer m_typingClock;
    QTimer m_peerTypingExpiry;
};

} // namespace natter::client
