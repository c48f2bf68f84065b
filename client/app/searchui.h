#pragma once
// Message search in the main window: Ctrl+Shift+F (and the Ctrl+K dialog's last row) opens
// the search dialog, Ctrl+F the find bar; a chosen hit opens its conversation at the
// message, which the view scrolls to and lights up; scrolling past the loaded messages after
// such a jump asks for newer ones, and the jump button for the newest page again.

#include <QObject>

namespace natter::client {

class ChatClient;
class MainWindow;
class SearchDialog;

class SearchUi final : public QObject
{
    Q_OBJECT

public:
    SearchUi(ChatClient &client, MainWindow &window);

    SearchDialog *dialog() const { return m_dialog; }
    // With `text`: a new search for it; without: the dialog as it was left.
    void openSearch(const QString &text = {});
    void openFind(); // only while a conversation is shown

private:
    ChatClient &m_client;
    MainWindow &m_window;
    SearchDialog *m_dialog;
};

} // namespace natter::client
