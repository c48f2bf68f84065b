#pragma once
// The open group's members (toggled from the header's "Members" button): each with an online
// dot and an "admin" badge; admins add and remove members and rename the group; everyone can
// leave, after a confirmation.

#include <QWidget>

class QLabel;
class QListWidget;
class QMessageBox;
class QPushButton;

namespace natter::client {

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
    QMessageBox *leaveQuestion() const { return m_leaveQuestion; } // while it is asked
    void refresh();
    // Adds the person called exactly `username` (looked up in the directory).
    void addByName(const QString &username);
    void renameTo(const QString &name);

private:
    void askLeave();
    void removeSelected();

    ChatClient &m_client;
    QLabel *m_title;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_rename;
    QPushButton *m_leave;
    QMessageBox *m_leaveQuestion = nullptr;
    QString m_pendingAdd; // a name being looked up to add
};

} // namespace natter::client
