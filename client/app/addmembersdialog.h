#pragma once
// "Add…" in the members panel: people picked from the server's directory (the search Ctrl+K
// and "New group" use), the group's members shown but not pickable. Says in words what is
// wrong (nobody picked, too many, nobody found, the server's refusal); closes once the
// members list has everyone picked.

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

class AddMembersDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AddMembersDialog(ChatClient &client, QWidget *parent = nullptr);

    void start(); // for the open group: empty, everyone listed
    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *results() const { return m_results; }
    QPushButton *addButton() const { return m_add; }
    QString errorText() const;
    // Ticks the person called `username` in the list; false when not listed or not pickable.
    bool pick(const QString &username);

private:
    void onUsersFound(const QString &query, const QList<natter::User> &users);
    void onItemChanged(QListWidgetItem *item);
    void onMembersLoaded(qint64 conversationId);
    void submit();
    void showError(const QString &text);

    ChatClient &m_client;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_error;
    QPushButton *m_add;
    qint64 m_group = 0;
    QHash<qint64, QString> m_picked; // user id -> name, kept across searches
    bool m_waiting = false;          // an add_members is under way
};

} // namespace natter::client
