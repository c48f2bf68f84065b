#pragma once
// Groups in the main window: "New group…" (Ctrl+N, and in the menu) opens the dialog; an open
// group shows its size and who is online in the header, names the sender on others' bubbles,
// says who is typing ("alice and bob are typing…"), and when the caller left or was removed
// the compose box is disabled with a line saying why.

#include <QHash>
#include <QObject>
#include <QString>

class QAction;
class QDockWidget;
class QLabel;
class QToolButton;

namespace natter::client {

class ChatClient;
class MainWindow;
class MembersPanel;
class MuteStore;
class NewGroupDialog;

class GroupUi final : public QObject
{
    Q_OBJECT

public:
    GroupUi(ChatClient &client, MainWindow &window);

    QAction *newGroupAction() const { return m_newGroup; }
    NewGroupDialog *dialog() const { return m_dialog; }
    MembersPanel *membersPanel() const { return m_members; }
    QToolButton *membersButton() const { return m_membersButton; } // in the header, groups only
    QToolButton *muteButton() const { return m_muteButton; }       // in the header
    MuteStore *mutes() const { return m_mutes; }
    // A message arrived in `conversationId`: whether the tray may say so (not when muted).
    bool shouldNotify(qint64 conversationId) const;
    // "Seen by 2 of 3" for the caller's last message in the open group (names in its tooltip).
    QLabel *seenLabel() const { return m_seen; }
    void openNewGroup();
    // After the window has shown `conversationId` (MainWindow::onConversationOpened).
    void showConversation(qint64 conversationId);
    // Whether the open conversation is a group (the window's own typing line stays for 1:1).
    bool isGroupOpen() const;
    // A typing event of the open group; true when handled here.
    bool applyTyping(qint64 conversationId, const QString &username, bool active);
    // "alice is typing…", "alice and bob are typing…", "3 people are typing…", or empty.
    static QString typingText(QStringList names);
    QString headerStatus(); // "3 members, 2 online"; empty for a 1:1 conversation

private:
    void refresh(); // header and compose box of the open group
    void refreshTyping();
    void refreshSeen();

    ChatClient &m_client;
    MainWindow &m_window;
    NewGroupDialog *m_dialog;
    QAction *m_newGroup;
    MembersPanel *m_members;
    QDockWidget *m_membersDock;
    QToolButton *m_membersButton;
    QLabel *m_seen;
    MuteStore *m_mutes;
    QToolButton *m_muteButton;
    QString m_composePlaceholder;
    QHash<QString, quint64> m_typing; // who types in the open group -> their latest event
    quint64 m_typingSerial = 0;
};

} // namespace natter::client
