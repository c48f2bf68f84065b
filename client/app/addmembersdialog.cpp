#include "addmembersdialog.h"

#include "chatclient.h"
#include "protocollimits.h"
#include "theme.h"
#include "useritemrole.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::client {

namespace {} // namespace

AddMembersDialog::AddMembersDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_search(new QLineEdit(this)),
      m_results(new QListWidget(this)), m_error(new QLabel(this)), m_add(nullptr)
{
    setWindowTitle(tr("Add members"));
    m_search->setPlaceholderText(tr("Find people on this server"));
    m_search->setAccessibleName(tr("Find people"));
    m_results->setAccessibleName(tr("People"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette errorPal = m_error->palette();
    errorPal.setColor(QPalette::WindowText, theme::danger(palette()));
    m_error->setPalette(errorPal);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddMembersDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(340, 420);

    connect(m_search, &QLineEdit::textChanged, &client.people(), &PeopleController::searchUsers);
    connect(&client.people(), &PeopleController::usersFound, this, &AddMembersDialog::onUsersFound);
    connect(m_results, &QListWidget::itemChanged, this, &AddMembersDialog::onItemChanged);
    connect(&client.groups(), &GroupController::membersLoaded, this,
            &AddMembersDialog::onMembersLoaded);
    connect(&client.groups(), &GroupController::requestFailed, this, [this](const QString &why) {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_add->setEnabled(true);
        showError(tr("The server refused: %1").arg(why));
    });
}

void AddMembersDialog::start()
{
    m_group = m_client.conversations().openConversationId();
    m_search->clear();
    m_results->clear();
    m_picked.clear();
    m_error->hide();
    m_waiting = false;
    m_add->setEnabled(true);
    show();
    raise();
    activateWindow();
    m_search->setFocus();
    m_client.people().searchUsers(QString()); // everyone, until a name is typed
}

QString AddMembersDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool AddMembersDialog::pick(const QString &username)
{
    for (int i = 0; i < m_results->count(); ++i) {
        QListWidgetItem *item = m_results->item(i);
        if (item->data(Qt::UserRole + 2).toString() == username &&
            (item->flags() & Qt::ItemIsUserCheckable)) {
            item->setCheckState(Qt::Checked);
            return true;
        }
    }
    return false;
}

void AddMembersDialog::onUsersFound(const QString &query, const QList<User> &users)
{
    if (!isVisible() || query != m_search->text())
        return;
    const QSignalBlocker block(m_results);
    m_results->clear();
    QSet<qint64> members;
    if (m_client.groups().membersConversationId() == m_group) {
        for (const GroupMember &m : m_client.groups().members())
            members.insert(m.user.id);
    }
    for (const User &u : users) {
        const bool member = members.contains(u.id) || u.id == m_client.session().currentUser().id;
        auto *item = new QListWidgetItem(
            member ? tr("%1 (already a member)").arg(u.username) : u.username, m_results);
        item->setData(kUserIdRole, u.id);
        item->setData(Qt::UserRole + 2, u.username);
        if (member) {
            item->setFlags(Qt::NoItemFlags); // shown, so nobody wonders where they are
        } else {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(m_picked.contains(u.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (users.isEmpty() && !query.isEmpty())
        showError(tr("Nobody on this server matches “%1”.").arg(query));
    else if (!m_waiting)
        m_error->hide();
}

void AddMembersDialog::onItemChanged(QListWidgetItem *item)
{
    const qint64 id = item->data(kUserIdRole).toLongLong();
    if (item->checkState() == Qt::Checked)
        m_picked.insert(id, item->text());
    else
        m_picked.remove(id);
    m_error->hide();
}

void AddMembersDialog::submit()
{
    if (m_picked.isEmpty())
        return showError(tr("Pick someone to add."));
    const Conversation *c = m_client.conversations().list()->find(m_group);
    if (!c || !c->group || c->left)
        return showError(tr("You are no longer a member of this group."));
    if (c->memberCount + m_picked.size() > limits::kMaxGroupMembers)
        return showError(tr("A group has at most %1 members: you can add %n more.", nullptr,
                            qMax(0, limits::kMaxGroupMembers - c->memberCount))
                             .arg(limits::kMaxGroupMembers));
    m_error->hide();
    m_waiting = true;
    m_add->setEnabled(false);
    m_client.groups().addMembers(m_group, m_picked.keys());
}

void AddMembersDialog::onMembersLoaded(qint64 conversationId)
{
    if (!m_waiting || conversationId != m_group)
        return;
    for (const GroupMember &m : m_client.groups().members())
        m_picked.remove(m.user.id);
    if (!m_picked.isEmpty())
        return; // an older list: the one with them follows
    m_waiting = false;
    m_add->setEnabled(true);
    accept();
}

void AddMembersDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace natter::client
