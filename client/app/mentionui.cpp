#include "mentionui.h"

#include "chatclient.h"
#include "composebox.h"
#include "composepanel.h"
#include "conversationlistdelegate.h"
#include "groupui.h"
#include "mainwindow.h"
#include "mentioncompleter.h"
#include "mentiontracker.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "sidebar.h"

#include <QListView>

namespace natter::client {

MentionUi::MentionUi(ChatClient &client, MainWindow &window, GroupUi &groups)
    : QObject(&window), m_client(client), m_window(window), m_groups(groups),
      m_tracker(new MentionTracker(client.conversations(), client.session(), this)),
      m_completer(new MentionCompleter(window.composeBox(), window.composePanel(),
                                       window.composePanel()->parentWidget()))
{
    const auto setName = [this]() {
        m_window.messageView()->bubbleDelegate()->setMentionName(
            m_client.session().isAuthenticated() ? m_client.session().currentUser().username
                                                 : QString());
        m_window.messageView()->viewport()->update();
    };
    m_tracker->setCache(&client.cache());
    setName();
    connect(&client.session(), &SessionController::authenticated, this, setName);
    connect(&client.session(), &SessionController::signedOut, this, setName);
    connect(m_tracker, &MentionTracker::unreadMentionsChanged, this, &MentionUi::refreshBadges);
    connect(&client.groups(), &GroupController::membersLoaded, this, &MentionUi::refreshNames);
    connect(&client.conversations(), &ConversationController::conversationOpened, this,
            &MentionUi::refreshNames);
    connect(client.conversations().list(), &QAbstractItemModel::dataChanged, this,
            &MentionUi::refreshNames); // left or removed: nobody to mention any more
}

bool MentionUi::shouldNotify(qint64 conversationId, const QString &text) const
{
    return m_groups.shouldNotify(conversationId) || m_tracker->mentionsMe(text);
}

void MentionUi::refreshNames()
{
    const qint64 open = m_client.conversations().openConversationId();
    const Conversation *c = m_client.conversations().list()->find(open);
    QStringList names;
    if (c && c->group && !c->left && m_client.groups().membersConversationId() == open) {
        const qint64 self = m_client.session().currentUser().id;
        for (const GroupMember &m : m_client.groups().members()) {
            if (m.user.id != self)
                names.append(m.user.username);
        }
    }
    if (names != m_completer->names())
        m_completer->setNames(names);
}

void MentionUi::refreshBadges()
{
    m_window.sidebar()->conversationDelegate()->setMentioned(m_tracker->unreadMentions());
    m_window.conversationView()->viewport()->update();
}

} // namespace natter::client
