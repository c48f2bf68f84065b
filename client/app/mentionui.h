#pragma once
// Mentions in the main window (issue 21): `@` in the compose box offers the open group's
// members (MentionCompleter), others' bubbles mark "@me" (mentionmarks.h), the conversation
// list shows an "@" badge on a group with an unread mention (MentionTracker), and a mention
// notifies even in a muted conversation.

#include <QObject>

namespace natter::client {

class ChatClient;
class GroupUi;
class MainWindow;
class MentionCompleter;
class MentionTracker;

class MentionUi final : public QObject
{
    Q_OBJECT

public:
    MentionUi(ChatClient &client, MainWindow &window, GroupUi &groups);

    MentionCompleter *completer() const { return m_completer; }
    MentionTracker *tracker() const { return m_tracker; }
    // A message arrived: whether the tray may say so (a mention of the reader always may).
    bool shouldNotify(qint64 conversationId, const QString &text) const;

private:
    void refreshNames();
    void refreshBadges();

    ChatClient &m_client;
    MainWindow &m_window;
    GroupUi &m_groups;
    MentionTracker *m_tracker;
    MentionCompleter *m_completer;
};

} // namespace natter::client
