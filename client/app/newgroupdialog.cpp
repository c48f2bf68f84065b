#include "newgroupdialog.h"

#include "chatclient.h"
#include "protocollimits.h"
#include "useritemrole.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace natter::client {

namespace {} // namespace

NewGroupDialog::NewGroupDialog(ChatClient &client, QWidget *parent)
    : QDialog(parent), m_client(client), m_name(new QLineEdit(this)), m_search(new QLineEdit(this)),
      m_results(new QListWidget(this)), m_pickedLabel(new QLabel(this)), m_error(new QLabel(this)),
      m_create(nullptr)
{
    setWindowTitle(tr("New group"));
    m_name->setPlaceholderText(tr("Group name"));
    m_name->setAccessibleName(tr("Group name"));
    m_search->setPlaceholderText(tr("Find people on this server"));
    m_search->setAccessibleName(tr("Find people"));
    m_results->setAccessibleName(tr("People"));
    m_pickedLabel->setTextFormat(Qt::PlainText);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette errorPal = m_error->palette();
    errorPal.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(errorPal);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewGroupDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_search);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_pickedLabel);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(380, 460);

    connect(m_search, &QLineEdit::textChanged, &client.people(), &PeopleController::searchUsers);
    connect(&client.people(), &PeopleController::usersFound, this, &NewGroupDialog::onUsersFound);
    connect(m_results, &QListWidget::itemChanged, this, &NewGroupDialog::onItemChanged);
    connect(&client.groups(), &GroupController::requestFailed, this, [this](const QString &why) {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_create->setEnabled(true);
        showError(tr("The server refused: %1").arg(why));
    });
    connect(&client.groups(), &GroupController::groupCreated, this, [this]() {
        if (!m_waiting)
            return;
        m_waiting = false;
        m_create->setEnabled(true);
        accept(); // the controller opens the group once the list has it
    });
}

void NewGroupDialog::start()
{
    m_name->clear();
    m_search->clear();
    m_results->clear();
    m_picked.clear();
    m_pickedLabel->setText(tr("Nobody picked yet"));
    m_error->hide();
    m_waiting = false;
    m_create->setEnabled(true);
    show();
    raise();
    activateWindow();
    m_name->setFocus();
    m_client.people().searchUsers(QString()); // everyone, until a name is typed
}

QString NewGroupDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void NewGroupDialog::onUsersFound(const QString &query, const QList<User> &users)
{
    if (!isVisible() || query != m_search->text())
        return;
    const QSignalBlocker block(m_results);
    m_results->clear();
    const qint64 self = m_client.session().currentUser().id;
    for (const User &u : users) {
        if (u.id == self)
            continue; // the creator is a member without being picked
        auto *item = new QListWidgetItem(u.username, m_results);
        item->setData(kUserIdRole, u.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(m_picked.contains(u.id) ? Qt::Checked : Qt::Unchecked);
    }
}

void NewGroupDialog::onItemChanged(QListWidgetItem *item)
{
    const qint64 id = item->data(kUserIdRole).toLongLong();
    if (item->checkState() == Qt::Checked)
        m_picked.insert(id, item->text());
    else
        m_picked.remove(id);
    QStringList names = m_picked.values();
    names.sort(Qt::CaseInsensitive);
    m_pickedLabel->setText(names.isEmpty()
                               ? tr("Nobody picked yet")
                               : tr("With you: %1").arg(names.join(QLatin1String(", "))));
    m_error->hide();
}

void NewGroupDialog::submit()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return showError(tr("Give the group a name."));
    if (name.size() > limits::kMaxGroupNameChars)
        return showError(
            tr("The name is too long: at most %1 characters.").arg(limits::kMaxGroupNameChars));
    if (m_picked.size() < limits::kMinGroupMembers - 1)
        return showError(tr("Pick at least one person to be in the group with you."));
    if (m_picked.size() > limits::kMaxGroupMembers - 1)
        return showError(tr("A group has at most %1 members.").arg(limits::kMaxGroupMembers));
    m_error->hide();
    m_waiting = true;
    m_create->setEnabled(false);
    m_client.groups().createGroup(name, m_picked.keys());
}

void NewGroupDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace natter::client
