#pragma once
// The left side of the main window: who you are (with the app menu), a "jump to…" button,
// your conversations, and which of the people you talk with are online.

#include <QWidget>

class QLabel;
class QToolButton;

namespace natter::client {

class ChatClient;
class ConversationListDelegate;
class OnlineListView;
class PlaceholderListView;

class Sidebar final : public QWidget
{
    Q_OBJECT

public:
    explicit Sidebar(ChatClient &client, QWidget *parent = nullptr);

    PlaceholderListView *conversationView() const { return m_conversations; }
    OnlineListView *onlineView() const { return m_online; }
    ConversationListDelegate *conversationDelegate() const { return m_delegate; }
    // Selects the row of the open conversation (after the list was rebuilt or reordered).
    void selectConversation(qint64 conversationId);
    void setMenu(QMenu *menu);
    // Offline: presence is what it was when the connection dropped; say so.
    void setPresenceKnown(bool known);

signals:
    void conversationChosen(qint64 conversationId);
    void userChosen(qint64 userId, const QString &username);
    void jumpRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void refreshAccount();
    void refreshOnlineTitle();
    void applyStyle();

    ChatClient &m_client;
    QLabel *m_avatar;
    QLabel *m_name;
    QToolButton *m_menuButton;
    QToolButton *m_jump;
    PlaceholderListView *m_conversations;
    ConversationListDelegate *m_delegate;
    QLabel *m_onlineTitle;
    OnlineListView *m_online;
    bool m_presenceKnown = true;
};

} // namespace natter::client
