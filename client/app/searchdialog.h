#pragma once
// Ctrl+Shift+F: search the messages of every conversation. Hits are listed newest first with
// the conversation, the sender, the time and a snippet with the words marked. Filters typed
// as `from:bob`, `in:alice`, `before:2026-11-01`, `after:2026-10-01` become chips once a
// space follows them (a click removes one). Enter or a click opens the conversation at the
// hit; "Load more" asks for older hits.

#include "searchfilters.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QHBoxLayout;
class QToolButton;

namespace natter::client {

class ChatClient;
class PlaceholderListView;
class SearchModel;

class SearchDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SearchDialog(ChatClient &client, QWidget *parent = nullptr);

    // Shows the dialog searching for `text` (filters in it included), chips cleared.
    void openWith(const QString &text);
    // Shows it as it was left (the last search still there, its text selected).
    void reopen();
    QLineEdit *queryEdit() const { return m_edit; }
    QListView *resultView() const;
    SearchModel *model() const { return m_model; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *loadMoreButton() const { return m_more; }
    const QList<SearchFilter> &chips() const { return m_chips; }
    QList<QToolButton *> chipButtons() const;
    void removeChip(int i);

signals:
    void messageChosen(qint64 conversationId, qint64 messageId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextChanged(const QString &text);
    void updateCriteria();
    void rebuildChips();
    void updateStatus();
    void choose(const QModelIndex &index);

    ChatClient &m_client;
    QLineEdit *m_edit;
    QWidget *m_chipBar;
    QHBoxLayout *m_chipLayout;
    PlaceholderListView *m_results;
    QLabel *m_status;
    QPushButton *m_more;
    SearchModel *m_model;
    QList<SearchFilter> m_chips;
};

} // namespace natter::client
