#pragma once
// Replies and reactions in the main window: "Replying to alice: …" above the compose box while
// a reply is being written (✕ or Esc cancels; Ctrl+R replies to the selected message, else the
// newest), a click on a bubble's quote jumps to the quoted message (as a search hit does), a
// click on a reaction chip sets or clears it.

#include <QObject>

class QLabel;
class QToolButton;
class QWidget;

namespace natter::client {

class ChatClient;
class MainWindow;

class ReplyUi final : public QObject
{
    Q_OBJECT

public:
    ReplyUi(ChatClient &client, MainWindow &window);

    QWidget *replyBar() const { return m_bar; }
    QString replyBarText() const; // as shown (tests)
    void replyToSelectedOrNewest();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onReplyToChanged(qint64 messageId);
    void jumpTo(qint64 messageId);

    ChatClient &m_client;
    MainWindow &m_window;
    QWidget *m_bar;
    QLabel *m_text;
    QToolButton *m_cancel;
};

} // namespace natter::client
