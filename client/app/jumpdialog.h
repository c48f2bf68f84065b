#pragma once
// Ctrl+K: a quick filter over your conversations, the people online and the server's
// directory of users (so anyone can be found, not just the people you already talk with).
// Type a few letters, pick with the arrow keys, Enter jumps there (or starts the
// conversation). Offline it still filters what this computer knows.

#include "types.h"

#include <QDialog>
#include <QList>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;

namespace natter::client {

class ChatClient;
class PlaceholderListView;

class JumpDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind
        TargetIdRole,                // conversation id or user id
        SubtitleRole,
        OnlineRole, // the person (or the conversation's peer) is online
    };
    enum Kind
    {
        ConversationKind,
        UserKind,
        MessageSearchKind // the last row while something is typed: search messages for it
    };

    explicit JumpDialog(ChatClient &client, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QListView *resultView() const;
    // Says when the server's directory could not be searched (hidden otherwise).
    QLabel *statusLabel() const { return m_status; }
    int resultCount() const; // conversations and people (not the message search row)
    // The line around the popup (it has no window frame).
    static QColor borderColour(const QPalette &palette);
    // Rebuilds the choices from the conversations, the online users and the directory's
    // latest answer, keeping the current choice when it is still there.
    void reload();

signals:
    void conversationChosen(qint64 conversationId);
    void userChosen(qint64 userId, const QString &username);
    void messageSearchRequested(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void onFilterChanged(const QString &text);
    void onUsersFound(const QString &query, const QList<natter::User> &users);
    void onSearchFailed(const QString &query);
    void search();
    void updateHints();
    QStandardItem *personItem(const User &user, bool presenceKnown) const;
    void choose(const QModelIndex &index);
    void selectFirst();
    void updateMessageSearchRow();

    ChatClient &m_client;
    QLineEdit *m_filter;
    PlaceholderListView *m_results;
    QLabel *m_status;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTimer m_searchDelay;    // one directory search per pause in typing, not per key
    QString m_query;         // what the directory is (to be) asked: the trimmed filter
    QList<User> m_directory; // the directory's latest answer
    bool m_searching = false;
    bool m_reachable = true; // the latest search reached the server
};

} // namespace natter::client
