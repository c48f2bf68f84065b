#include "groupui.h"

#include "chatclient.h"
#include "chatheader.h"
#include "composebox.h"
#include "composepanel.h"
#include "mainwindow.h"
#include "memberspanel.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "mutestore.h"
#include "newgroupdialog.h"
#include "protocollimits.h"
#include "typingindicator.h"

#include <QAction>
#include <QBoxLayout>
#include <QDockWidget>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

namespace natter::client {

GroupUi::GroupUi(ChatClient &client, MainWindow &window)
    : QObject(&window), m_client(client), m_window(window),
      m_dialog(new NewGroupDialog(client, &window)),
      m_newGroup(new QAction(tr("New group…"), this)), m_members(new MembersPanel(client)),
      m_membersDock(new QDockWidget(tr("Members"), &window)), m_membersButton(new QToolButton),
      m_seen(new QLabel), m_mutes(new MuteStore(client.settings(), this)),
      m_muteButton(new QToolButton)
{
    const auto setOwner = [this]() {
        m_mutes->setOwner(m_client.settings().serverUrl(), m_client.session().isAuthenticated()
                                                               ? m_client.session().currentUser().id
                                                               : 0);
    };
    setOwner();
    connect(&client.session(), &SessionController::signedIn, this, setOwner);
    m_muteButton->setText(tr("Mute"));
    m_muteButton->setToolTip(tr("No notifications for this conversation"));
    m_muteButton->setCheckable(true);
    m_muteButton->setAutoRaise(true);
    window.chatHeader()->addTrailingWidget(m_muteButton);
    connect(m_muteButton, &QToolButton::toggled, this, [this](bool muted) {
        m_mutes->setMuted(m_client.conversations().openConversationId(), muted);
    });
    m_membersDock->setObjectName(QStringLiteral("members"));
    m_membersDock->setWidget(m_members);
    m_membersDock->setFeatures(QDockWidget::DockWidgetClosable);
    window.addDockWidget(Qt::RightDockWidgetArea, m_membersDock);
    m_membersDock->hide();
    m_membersButton->setText(tr("Members"));
    m_membersButton->setToolTip(tr("Show the members"));
    m_membersButton->setCheckable(true);
    m_membersButton->setAutoRaise(true);
    window.chatHeader()->addTrailingWidget(m_membersButton);
    m_membersButton->hide();
    connect(m_membersButton, &QToolButton::toggled, m_membersDock, &QWidget::setVisible);
    connect(m_membersDock, &QDockWidget::visibilityChanged, m_membersButton, [this](bool shown) {
        if (!shown && isGroupOpen() && m_membersDock->isHidden())
            m_membersButton->setChecked(false);
    });

    // Under the messages, above the typing line (the chat panel's column: header, messages, ...).
    m_seen->setTextFormat(Qt::PlainText);
    m_seen->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_seen->setContentsMargins(8, 0, 12, 0);
    m_seen->setForegroundRole(QPalette::PlaceholderText);
    m_seen->hide();
    if (auto *column = qobject_cast<QBoxLayout *>(window.messageView()->parentWidget()->layout()))
        column->insertWidget(column->indexOf(window.messageView()) + 1, m_seen);

    m_newGroup->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_newGroup, &QAction::triggered, this, &GroupUi::openNewGroup);
    window.addAction(m_newGroup);
    m_composePlaceholder = window.composeBox()->placeholderText();

    GroupController *groups = &client.groups();
    connect(groups, &GroupController::membersLoaded, this, &GroupUi::refresh);
    // Renamed, members added or removed, the caller removed: the header and compose box follow.
    connect(client.conversations().list(), &QAbstractItemModel::dataChanged, this,
            &GroupUi::refresh);
    connect(client.conversations().list(), &QAbstractItemModel::modelReset, this,
            &GroupUi::refresh);
    // "Seen by": the caller's newest message changes, or is confirmed (its id arrives).
    MessageListModel *messages = client.conversations().messages();
    connect(messages, &QAbstractItemModel::rowsInserted, this, &GroupUi::refreshSeen);
    connect(messages, &QAbstractItemModel::rowsRemoved, this, &GroupUi::refreshSeen);
    connect(messages, &QAbstractItemModel::dataChanged, this, &GroupUi::refreshSeen);
    connect(messages, &QAbstractItemModel::modelReset, this, &GroupUi::refreshSeen);
    // A member's message ends their typing.
    // Who is online among the members follows presence.
    OnlineUsersModel *online = client.people().online();
    connect(online, &QAbstractItemModel::rowsInserted, this, &GroupUi::refresh);
    connect(online, &QAbstractItemModel::rowsRemoved, this, &GroupUi::refresh);
    connect(online, &QAbstractItemModel::modelReset, this, &GroupUi::refresh);
    connect(&client.conversations(), &ConversationController::messageArrived, this,
            [this](qint64 conversationId, const QString &sender) {
                applyTyping(conversationId, sender, false);
            });
}

void GroupUi::openNewGroup()
{
    if (m_client.session().isAuthenticated())
        m_dialog->start();
}

bool GroupUi::shouldNotify(qint64 conversationId) const
{
    return !m_mutes->isMuted(conversationId);
}

bool GroupUi::isGroupOpen() const
{
    const Conversation *c =
        m_client.conversations().list()->find(m_client.conversations().openConversationId());
    return c && c->group;
}

void GroupUi::showConversation(qint64)
{
    m_typing.clear();
    MessageView *view = m_window.messageView();
    view->bubbleDelegate()->setShowsSenderNames(isGroupOpen());
    view->bubbleDelegate()->clearCache();
    view->viewport()->update();
    refresh();
    if (isGroupOpen())
        refreshTyping(); // the window's own line would name the group
}

QString GroupUi::headerStatus()
{
    ConversationController &conversations = m_client.conversations();
    const Conversation *c = conversations.list()->find(conversations.openConversationId());
    if (!c || !c->group)
        return {};
    if (c->left)
        return tr("You are no longer a member");
    const GroupController &groups = m_client.groups();
    const QString size =
        c->memberCount == 1 ? tr("1 member") : tr("%1 members").arg(c->memberCount);
    if (groups.membersConversationId() != c->id ||
        m_client.session().connectionState() != ConnectionState::Connected)
        return size;
    return tr("%1, %2 online").arg(size).arg(groups.onlineCount());
}

void GroupUi::refresh()
{
    const qint64 open = m_client.conversations().openConversationId();
    const Conversation *c = m_client.conversations().list()->find(open);
    ComposeBox *compose = m_window.composeBox();
    const bool readOnly = c && c->group && c->left;
    const bool group = c && c->group;
    m_membersButton->setVisible(group);
    {
        const QSignalBlocker block(m_muteButton);
        m_muteButton->setVisible(open > 0);
        m_muteButton->setChecked(m_mutes->isMuted(open));
    }
    m_membersDock->setVisible(group && m_membersButton->isChecked());
    m_members->refresh();
    refreshSeen();
    if (c && c->group) {
        if (m_window.chatHeader()->peerName() != c->name)
            m_window.chatHeader()->setPeer(c->name, false);
        m_window.chatHeader()->setGroupStatus(headerStatus());
    }
    if (readOnly == !compose->isEnabled())
        return;
    compose->setEnabled(!readOnly);
    m_window.composePanel()->sendButton()->setEnabled(!readOnly);
    compose->setPlaceholderText(
        readOnly ? tr("You left this group or were removed from it: you can read it, not write.")
                 : m_composePlaceholder);
    if (readOnly)
        compose->clear();
}

bool GroupUi::applyTyping(qint64 conversationId, const QString &username, bool active)
{
    if (conversationId != m_client.conversations().openConversationId() || !isGroupOpen())
        return false;
    if (username.isEmpty())
        return true;
    if (active) {
        const quint64 serial = ++m_typingSerial;
        m_typing.insert(username, serial);
        // Each member's line expires on its own when their events stop.
        QTimer::singleShot(limits::kTypingExpiryMs, this, [this, username, serial]() {
            if (m_typing.value(username) == serial) {
                m_typing.remove(username);
                refreshTyping();
            }
        });
    } else {
        m_typing.remove(username);
    }
    refreshTyping();
    return true;
}

QString GroupUi::typingText(QStringList names)
{
    names.sort(Qt::CaseInsensitive);
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("%n people are typing…", nullptr, int(names.size()));
    }
}

void GroupUi::refreshSeen()
{
    const GroupController &groups = m_client.groups();
    const qint64 open = m_client.conversations().openConversationId();
    MessageListModel *messages = m_client.conversations().messages();
    qint64 last = 0;
    for (int row = messages->rowCount() - 1; row >= 0 && last == 0; --row) {
        const QModelIndex i = messages->index(row);
        if (i.data(MessageListModel::IsOwnRole).toBool() &&
            !i.data(MessageListModel::IsSystemRole).toBool())
            last = i.data(MessageListModel::IdRole).toLongLong(); // 0 while pending
        if (!i.data(MessageListModel::IsOwnRole).toBool())
            break; // only when the caller's message is the newest
    }
    if (last <= 0 || !isGroupOpen() || groups.membersConversationId() != open) {
        m_seen->hide();
        return;
    }
    const qint64 self = m_client.session().currentUser().id;
    QStringList names;
    for (const GroupMember &m : groups.members()) {
        if (m.user.id != self && m.readUpTo >= last)
            names.append(m.user.username);
    }
    names.sort(Qt::CaseInsensitive);
    const int others = int(groups.members().size()) - 1;
    m_seen->setText(tr("Seen by %1 of %2").arg(names.size()).arg(others));
    m_seen->setToolTip(names.isEmpty() ? tr("Nobody has seen it yet")
                                       : names.join(QLatin1String(", ")));
    m_seen->show();
}

void GroupUi::refreshTyping()
{
    m_window.typingIndicator()->setText(typingText(m_typing.keys()));
}

} // namespace natter::client
