#pragma once
// Ctrl+K: a quick filter over your conversations and the people online. Type a few letters,
// pick with the arrow keys, Enter jumps there (or starts the conversation).

#include <QDialog>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace natter::client {

class ChatClient;

class JumpDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind
        TargetIdRole,                // conversation id or user id
        SubtitleRole,
    };
    enum Kind
    {
        ConversationKind,
        UserKind
    };

    explicit JumpDialog(ChatClient &client, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QListView *resultView() const { return m_results; }
    int resultCount() const;
    // Rebuilds the choices from the client's current conversations and online users.
    void reload();

signals:
    void conversationChosen(qint64 conversationId);
    void userChosen(qint64 userId, const QString &username);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void selectFirst();

    ChatClient &m_client;
    QLineEdit *m_filter;
    QListView *m_results;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace natter::client
