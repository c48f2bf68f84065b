#include "memberspanel.h"

#include "addmembersdialog.h"
#include "chatclient.h"
#include "theme.h"
#include "useritemrole.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::client {

namespace {
constexpr int kIsAdminRole = Qt::UserRole + 2;

QIcon presenceDot(const QColor &colour)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(2, 2, 8, 8));
    return QIcon(pm);
}
} // namespace

MembersPanel::MembersPanel(ChatClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_title(new QLabel(this)), m_list(new QListWidget(this)),
      m_add(new QPushButton(tr("Add…"), this)), m_remove(new QPushButton(tr("Remove"), this)),
      m_rename(new QPushButton(tr("Rename…"), this)),
      m_leave(new QPushButton(tr("Leave group…"), this)),
      m_role(new QPushButton(tr("Make admin"), this)), m_error(new QLabel(this)),
      m_addDialog(new AddMembersDialog(client, this))
{
    setAccessibleName(tr("Members"));
    m_title->setTextFormat(Qt::PlainText);
    m_list->setAccessibleName(tr("Members"));
    auto *admin = new QHBoxLayout;
    admin->addWidget(m_add);
    admin->addWidget(m_remove);
    admin->addWidget(m_rename);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(admin);
    layout->addWidget(m_role);
    layout->addWidget(m_error);
    layout->addWidget(m_leave);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    connect(m_role, &QPushButton::clicked, this, &MembersPanel::toggleRole);
    connect(&client.groups(), &GroupController::requestFailed, this, [this](const QString &why) {
        if (isVisible() && !m_addDialog->isVisible()) { // the dialog says it itself
            m_error->setText(tr("The server refused: %1").arg(why));
            m_error->show();
        }
    });
    setMinimumWidth(220);

    GroupController *groups = &client.groups();
    connect(groups, &GroupController::membersLoaded, this, &MembersPanel::refresh);
    connect(client.conversations().list(), &QAbstractItemModel::dataChanged, this,
            &MembersPanel::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, &MembersPanel::refresh);
    connect(m_remove, &QPushButton::clicked, this, &MembersPanel::removeSelected);
    connect(m_leave, &QPushButton::clicked, this, &MembersPanel::askLeave);
    connect(m_rename, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Rename group"), tr("New name:"),
                                                   QLineEdit::Normal, QString(), &ok);
        if (ok)
            renameTo(name);
    });
    connect(m_add, &QPushButton::clicked, m_addDialog, &AddMembersDialog::start);
    connect(&client.people(), &PeopleController::usersFound, this,
            [this](const QString &query, const QList<User> &users) {
                if (m_pendingAdd.isEmpty() || query != m_pendingAdd)
                    return;
                for (const User &u : users) {
                    if (u.username == m_pendingAdd)
                        m_client.groups().addMembers(m_client.conversations().openConversationId(),
                                                     {u.id});
                }
                m_pendingAdd.clear();
            });
}

void MembersPanel::refresh()
{
    const qint64 open = m_client.conversations().openConversationId();
    const Conversation *c = m_client.conversations().list()->find(open);
    const GroupController &groups = m_client.groups();
    const bool isAdmin = c && c->group && c->admin && !c->left;
    m_title->setText(c && c->group ? c->name : QString());
    const qint64 selected =
        m_list->currentItem() ? m_list->currentItem()->data(kUserIdRole).toLongLong() : 0;
    if (sender() != m_list) {
        const QSignalBlocker block(m_list);
        m_list->clear();
        if (groups.membersConversationId() == open) {
            const qint64 self = m_client.session().currentUser().id;
            for (const GroupMember &m : groups.members()) {
                const bool online =
                    m.user.id == self || m_client.people().isOnline(m.user.id) || m.user.online;
                QString text = m.user.username;
                if (m.role == GroupRole::Admin)
                    text += tr(" · admin");
                auto *item = new QListWidgetItem(
                    presenceDot(online ? theme::online(palette()) : theme::mutedText(palette())),
                    text, m_list);
                item->setData(kUserIdRole, m.user.id);
                item->setData(kIsAdminRole, m.role == GroupRole::Admin);
                item->setToolTip(online ? tr("online") : tr("offline"));
                if (m.user.id == selected)
                    m_list->setCurrentItem(item);
            }
        }
    }
    const qint64 current =
        m_list->currentItem() ? m_list->currentItem()->data(kUserIdRole).toLongLong() : 0;
    const qint64 self = m_client.session().currentUser().id;
    for (QPushButton *b : {m_add, m_rename, m_remove})
        b->setVisible(isAdmin); // a plain member cannot use them: they are not offered
    m_add->setEnabled(isAdmin);
    m_rename->setEnabled(isAdmin);
    m_remove->setEnabled(isAdmin && current != 0 && current != self);
    const bool roles = maySetRoles();
    m_role->setVisible(roles);
    m_role->setEnabled(roles && current != 0 && current != self && current != c->peer.id);
    m_role->setText(m_list->currentItem() && m_list->currentItem()->data(kIsAdminRole).toBool()
                        ? tr("Remove admin")
                        : tr("Make admin"));
    if (!c || !c->group || c->left)
        m_error->hide();
    m_leave->setEnabled(c && c->group && !c->left);
}

bool MembersPanel::maySetRoles() const
{
    // The creator names admins; once the creator has left, the admins do (docs/protocol.md).
    const qint64 open = m_client.conversations().openConversationId();
    const Conversation *c = m_client.conversations().list()->find(open);
    if (!c || !c->group || c->left || m_client.groups().membersConversationId() != open)
        return false;
    const qint64 creator = c->peer.id;
    if (m_client.session().currentUser().id == creator)
        return true;
    for (const GroupMember &m : m_client.groups().members()) {
        if (m.user.id == creator)
            return false;
    }
    return c->admin;
}

void MembersPanel::toggleRole()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || !maySetRoles())
        return;
    m_error->hide();
    m_client.groups().setRole(
        m_client.conversations().openConversationId(), item->data(kUserIdRole).toLongLong(),
        item->data(kIsAdminRole).toBool() ? GroupRole::Member : GroupRole::Admin);
}

QString MembersPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void MembersPanel::addByName(const QString &username)
{
    if (username.isEmpty())
        return;
    m_pendingAdd = username;
    m_client.people().searchUsers(username);
}

void MembersPanel::renameTo(const QString &name)
{
    if (!name.trimmed().isEmpty())
        m_client.groups().renameGroup(m_client.conversations().openConversationId(),
                                      name.trimmed());
}

void MembersPanel::removeSelected()
{
    if (!m_list->currentItem())
        return;
    m_client.groups().removeMember(m_client.conversations().openConversationId(),
                                   m_list->currentItem()->data(kUserIdRole).toLongLong());
}

void MembersPanel::askLeave()
{
    const qint64 group = m_client.conversations().openConversationId();
    const Conversation *c = m_client.conversations().list()->find(group);
    if (!c || m_leaveQuestion)
        return;
    m_leaveQuestion = new QMessageBox(
        QMessageBox::Question, tr("Leave group"),
        tr("Leave %1? You will keep what you received but see nothing new.").arg(c->name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    m_leaveQuestion->setTextFormat(Qt::PlainText);
    m_leaveQuestion->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_leaveQuestion, &QMessageBox::finished, this, [this, group](int result) {
        m_leaveQuestion = nullptr;
        if (result == QMessageBox::Yes)
            m_client.groups().leaveGroup(group);
    });
    m_leaveQuestion->open();
}

} // namespace natter::client
