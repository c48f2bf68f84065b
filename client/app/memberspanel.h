#pragma once
// The open group's members (toggled from the header's "Members" button): each with an online
// dot and an "admin" badge; admins add members (picked from the directory, AddMembersDialog)
// and remove them and rename the group, and plain members do not see those buttons; the
// creator makes members admins and takes it back (the admins do once the creator has left);
// everyone can leave, after a confirmation. What the server refuses is said under the list.

#include <QWidget>

class QLabel;
class QListWidget;
class QMessageBox;
class QPushButton;

namespace natter::client {

class AddMembersDialog;
class ChatClient;

class MembersPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit MembersPanel(ChatClient &client, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *leaveButton() const { return m_leave; }
    QPushButton *roleButton() const { return m_role; } // "Make admin" / "Remove admin"
    QString errorText() const;
    AddMembersDialog *addDialog() const { return m_addDialog; }
    QMessageBox *leaveQuestion() const { return m_leaveQuestion; } // while it is asked
    void refresh();
    // Adds the person called exactly `username` (looked up in the directory).
    void addByName(const QString &username);
    void renameTo(const QString &name);

private:
    void askLeave();
    void toggleRole();
    bool maySetRoles() const;
    void removeSelected();

    ChatClient &m_client;
    QLabel *m_title;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_rename;
    QPushButton *m_leave;
    QPushButton *m_role;
    QLabel *m_error;
    AddMembersDialog *m_addDialog;
    QMessageBox *m_leaveQuestion = nullptr;
    QString m_pendingAdd; // a name being looked up to add
};

} // namespace natter::client
