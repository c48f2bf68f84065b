#pragma once
// Ctrl+F: find in the open conversation. A bar above the compose box; hits come as you type
// (a search limited to the conversation) and the newest is shown at once; "3 of 41" says
// where you are ("41+" while older hits are not fetched yet); Enter goes to the next older
// hit, Shift+Enter back to a newer one, each opened where it is in the conversation (loaded
// around it when needed). The words are marked in the bubbles while the bar is open; Esc
// closes it.

#include "searchhighlight.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace natter::client {

class ChatClient;
class SearchModel;

class FindBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(ChatClient &client, QWidget *parent = nullptr);

    void open();  // shown, the query selected for typing over
    void close(); // hidden, marks gone
    // The conversation searched; another one closes the bar.
    void setConversation(qint64 conversationId);
    void step(int delta); // +1: the next older hit; -1: a newer one
    QLineEdit *queryEdit() const { return m_edit; }
    QLabel *countLabel() const { return m_count; }
    SearchModel *model() const { return m_model; }
    int currentHit() const { return m_current; } // row in model(); -1 when none

signals:
    void hitChosen(qint64 conversationId, qint64 messageId);
    void wordsChanged(const natter::client::SearchWords &words); // to mark; empty when closed

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextChanged(const QString &text);
    void onPageArrived();
    void go(int row);
    void updateCount();

    QLineEdit *m_edit;
    QLabel *m_count;
    QToolButton *m_newer;
    QToolButton *m_older;
    QToolButton *m_close;
    SearchModel *m_model;
    qint64 m_conversation = 0;
    int m_current = -1;
    bool m_stepPending = false; // Enter past the loaded hits: go on once the next page is in
};

} // namespace natter::client
