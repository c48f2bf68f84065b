#pragma once
// "New group" (Ctrl+N): a name and the members, picked from the server's directory (the
// search Ctrl+K uses). Says in words what is wrong before sending (no name, too long, nobody
// picked) and what the server refused; closes when the group exists.

#include "types.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace natter::client {

class ChatClient;

class NewGroupDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit NewGroupDialog(ChatClient &client, QWidget *parent = nullptr);

    void start(); // empty, focused on the name, with everyone listed
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *results() const { return m_results; }
    QPushButton *createButton() const { return m_create; }
    QString errorText() const;
    QList<qint64> pickedIds() const { return m_picked.keys(); }

private:
    void onUsersFound(const QString &query, const QList<natter::User> &users);
    void onItemChanged(QListWidgetItem *item);
    void submit();
    void showError(const QString &text);

    ChatClient &m_client;
    QLineEdit *m_name;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_pickedLabel;
    QLabel *m_error;
    QPushButton *m_create;
    QHash<qint64, QString> m_picked; // user id -> name, kept across searches
    bool m_waiting = false;          // a create_group is under way
};

} // namespace natter::client
