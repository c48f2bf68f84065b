#pragma once
// The conversation list and the open conversation: opening one, paging its history, sending,
// editing and deleting messages, and read receipts. Applies the messages and receipts that
// the sync and the server's events bring.

#include "conversationlistmodel.h"
#include "errorcode.h"
#include "errortext.h"
#include "messagelistmodel.h"
#include "outbox.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace natter {
struct HistoryRequest;
}

namespace natter::client {

class LocalCache;
class PeopleController;
class ServerConnection;
class SessionController;

class ConversationController final : public QObject
{
    Q_OBJECT

public:
    ConversationController(ServerConnection &connection, const SessionController &session,
                           PeopleController &people, Outbox &outbox, QObject *parent = nullptr);

    ConversationListModel *list() { return &m_conversations; }
    MessageListModel *messages() { return &m_messages; }
    qint64 openConversationId() const { return m_messages.conversationId(); }
    qint64 openPeerId() const { return m_messages.peerId(); }
    // Online as far as this client knows: contacts from presence events; someone not a
    // contact yet (found in the directory, no conversation) as the directory last said.
    bool isPeerOnline(qint64 userId) const;

    // What is seen is also kept there; what is there is shown before the server answers.
    void setCache(LocalCache *cache) { m_cache = cache; }
    void showCachedConversations();

    void openConversation(qint64 conversationId);
    void startConversationWith(qint64 userId, const QString &username);
    void sendMessage(const QString &text); // a reply when replyTo() is set (then cleared)
    // A file being uploaded (filesender.h) shows as a pending message of its conversation,
    // with its client id, from the start of the upload (conversationuploads.cpp).
    void showUpload(const PendingMessage &message);
    void dropUpload(const QUuid &clientId); // failed or cancelled: the bubble goes
    // The uploaded file as a message of its conversation, open or not; clientId: the one its
    // bubble was shown with.
    void sendFileMessage(qint64 conversationId, const FileInfo &file, const QString &caption,
                         const QUuid &clientId);
    // The message the next one sent answers (conversationreply.cpp); 0: none. Cleared when
    // another conversation opens.
    void setReplyTo(qint64 messageId);
    qint64 replyTo() const { return m_replyTo; }
    void editMessage(qint64 messageId, const QString &text);
    void deleteMessage(qint64 messageId, bool forEveryone);
    void requestEditHistory(qint64 messageId,
                            std::function<void(const QList<EditRecord> &)> handler);
    void markOpenConversationRead();
    void loadOlderMessages();
    // A message found by search (conversationjump.cpp): its conversation opens at it, with
    // neighbours above and below, detached from the newest messages until paging down
    // (loadNewerMessages) reaches them or jumpToLatest() reloads the newest page.
    void openConversationAt(qint64 conversationId, qint64 messageId);
    // Opens at the first message ever sent in the conversation (Ctrl+Home), the same way.
    void openConversationAtStart(qint64 conversationId);
    void loadNewerMessages();
    void jumpToLatest();
    bool hasNewerMessages() const { return m_hasNewer; }
    // How many messages of the open conversation stay in memory (MessageListModel::kKeepLoaded).
    void setKeepLoaded(int rows) { m_keepLoaded = rows; }

    // For the sync and the event router.
    void refreshConversations();
    void applyNewMessage(const Message &message, bool live);
    void applyUpdatedMessage(const Message &message);
    void applyReceipt(const Receipt &receipt);
    void applyHidden(qint64 messageId); // deleted for this user only
    // After a sign-in: reads made offline go again, the open conversation reloads.
    void resumeSession();
    void forgetConversations(); // signed out: the list and the reads not yet sent

signals:
    void conversationOpened(qint64 conversationId, const QString &peerName);
    void messageArrived(qint64 conversationId, const QString &senderName, const QString &text);
    // Every new or changed message applied from an event or the sync (mentions follow it).
    void messageApplied(const natter::Message &message);
    void olderMessagesLoaded(int count);
    void newerMessagesLoaded(int count);
    void newerMessagesChanged(bool exist); // newer than the loaded ones, not shown yet
    void messageFocused(qint64 messageId); // loaded after a jump: to be shown and flashed
    void replyToChanged(qint64 messageId);
    // Written and in the outbox: to be sent.
    void messageQueued(const natter::client::PendingMessage &message);
    // A change seen live in a reply, at `rev` (see SyncController::noteRev).
    void revSeen(qint64 rev);
    void errorOccurred(const QString &message);

private:
    void sendRead(qint64 conversationId, qint64 upTo);
    void flushPendingReads();
    void loadNewestPage();
    void cacheConversation(qint64 conversationId);
    void report(const ProtocolError &error) { emit errorOccurred(errorText(error)); }
    void endJump(); // back to the newest messages: a jump under way is dropped
    // Opens the conversation on the page `request` asks for and focuses `focusId` (0: the
    // oldest message of that page).
    void jump(const HistoryRequest &request, qint64 focusId);
    void setHasNewer(bool exist);
    void forgetNewestBeyondKeep();
    void addOutboxMessages(qint64 conversationId);

    ServerConnection &m_connection;
    const SessionController &m_session;
    PeopleController &m_people;
    Outbox &m_outbox;
    LocalCache *m_cache = nullptr;
    ConversationListModel m_conversations;
    MessageListModel m_messages;
    QHash<qint64, qint64> m_pendingReads; // conversation -> read up to, until the server has it
    bool m_hasOlder = false;
    bool m_loadingOlder = false;
    bool m_hasNewer = false; // a jump left the newest messages unloaded
    int m_keepLoaded = MessageListModel::kKeepLoaded;
    bool m_loadingNewer = false;
    quint64 m_jumpSerial = 0; // the latest jump; an older one's page is dropped
    qint64 m_replyTo = 0;
    QList<PendingMessage> m_uploading; // files whose upload has not finished
};

} // namespace natter::client
