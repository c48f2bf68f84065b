#pragma once
// The main window: the sidebar (you, conversations, contacts online) on the left, the open
// conversation on the right (header, messages, typing indicator, compose box), and the
// connection state always in the status bar. It marks messages read while the conversation
// is on screen and the window is active, and shows the unread total in its title.

#include "messagemenu.h"

#include <QHash>
#include <QMainWindow>
#include <QTimer>

class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace natter::client {

class ChatClient;
class ChatHeader;
class ComposeBox;
class ComposePanel;
class ConnectionIndicator;
class DraftStore;
class FileOpener;
class ImageThumbnails;
class LiveAnnouncer;
class FindBar;
class GroupUi;
class JumpDialog;
class MentionUi;
class MessageInfoDialog;
class MessageMenu;
class MessageView;
class OfflineBanner;
class OnlineListView;
class ReplyUi;
class SearchUi;
class Sidebar;
class TrayIcon;
class TypingIndicator;
class TransfersBar;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ChatClient &client, QWidget *parent = nullptr);

    // The widgets a person interacts with (tests and automation).
    ComposeBox *composeBox() const;
    ComposePanel *composePanel() const { return m_compose; }
    MessageView *messageView() const { return m_messages; }
    QListView *conversationView() const;
    OnlineListView *onlineView() const;
    Sidebar *sidebar() const { return m_sidebar; }
    ChatHeader *chatHeader() const { return m_header; }
    TypingIndicator *typingIndicator() const { return m_typing; }
    ConnectionIndicator *connectionIndicator() const { return m_connection; }
    OfflineBanner *offlineBanner() const { return m_offline; }
    JumpDialog *jumpDialog() const { return m_jump; }
    FindBar *findBar() const { return m_find; }
    SearchUi *searchUi() const { return m_search; }
    GroupUi *groupUi() const { return m_groupUi; }
    ReplyUi *replyUi() const { return m_replyUi; }
    MentionUi *mentionUi() const { return m_mentionUi; }
    MessageInfoDialog *messageInfo() const { return m_messageInfo; }
    FileOpener *fileOpener() const { return m_fileOpener; }
    TransfersBar *transfersBar() const { return m_transfers; }
    LiveAnnouncer *announcer() const { return m_announcer; }
    bool isChatShown() const;
    // The context-menu actions for the message at `row` (Copy, Edit, Delete…), owned by the
    // caller.
    QList<QAction *> messageActions(int row) { return m_messageMenu->actions(row); }
    void openJumpDialog();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildChatPanel();
    QWidget *buildEmptyPanel();
    void applyTheme();
    void buildMenu();
    // "Show message text" and "Play a sound", kept in the profile's settings.
    void addNotificationOptions(QMenu *menu);
    void buildShortcuts();
    void connectClient();
    void connectMessages();
    void addThemeOptions(QMenu *menu);
    void addLanguageOptions(QMenu *menu);
    // The viewer on the conversation's images, at the one clicked (a source-model index).
    void openImage(const QModelIndex &index);
    void onConversationOpened(qint64 conversationId, const QString &peerName);
    void onTyping(qint64 conversationId, const QString &username, bool active);
    void updateTitle();
    void updatePeerPresence();
    void onConnectionStateChanged();
    void scheduleMarkRead();
    void markReadNow();
    void openConversationAtOffset(int delta);
    void saveState();
    void saveDraft();
    // Files from the attach button, a drop or a paste: sent with the compose text as caption.
    void sendFiles(const QStringList &paths);
    void setDraftOwner();

    ChatClient &m_client;
    QSplitter *m_splitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    ChatHeader *m_header = nullptr;
    MessageView *m_messages = nullptr;
    TypingIndicator *m_typing = nullptr;
    ComposePanel *m_compose = nullptr;
    ConnectionIndicator *m_connection = nullptr;
    OfflineBanner *m_offline = nullptr;
    TrayIcon *m_tray = nullptr;
    JumpDialog *m_jump = nullptr;
    FindBar *m_find = nullptr;
    SearchUi *m_search = nullptr;
    GroupUi *m_groupUi = nullptr;
    ReplyUi *m_replyUi = nullptr;
    MentionUi *m_mentionUi = nullptr;
    MessageInfoDialog *m_messageInfo = nullptr;
    MessageMenu *m_messageMenu = nullptr;
    FileOpener *m_fileOpener = nullptr;
    ImageThumbnails *m_thumbnails = nullptr;
    LiveAnnouncer *m_announcer = nullptr;
    TransfersBar *m_transfers = nullptr;
    QTimer m_markRead;
    DraftStore *m_drafts = nullptr;
    QString m_draftKey; // whose draft the compose box holds
    QTimer m_draftSave;
    QHash<qint64, quint64> m_typingStamps; // per conversation: the latest "typing" event
    quint64 m_typingCounter = 0;
};

} // namespace natter::client
