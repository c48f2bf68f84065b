#pragma once
// The main window: conversations and who is online on the left, the open conversation on
// the right, the connection state always in the status bar.

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QSystemTrayIcon;

namespace natter::client {

class ChatClient;
class ComposeBox;

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ChatClient &client, QWidget *parent = nullptr);

    // For tests and automation: the widgets a person interacts with.
    ComposeBox *composeBox() const { return m_compose; }
    QListView *messageView() const { return m_messages; }
    QListView *conversationView() const { return m_conversationView; }
    QListView *onlineView() const { return m_online; }
    QLabel *typingLabel() const { return m_typing; }
    QLabel *connectionLabel() const { return m_connection; }
    // The context-menu actions for the message at `row` (Copy, Edit, Delete…).
    QList<QAction *> messageActions(int row);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void connectClient();
    void updateTitle();
    void updateCounter();
    void markReadIfVisible();
    void openConversationAt(const QModelIndex &proxyIndex);
    void showMessageMenu(const QPoint &pos);
    void showEditHistory(qint64 messageId);
    void onConnectionState(int state);

    ChatClient &m_client;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_filter = nullptr;
    QSortFilterProxyModel *m_conversationProxy = nullptr;
    QListView *m_conversationView = nullptr;
    QListView *m_online = nullptr;
    QLabel *m_header = nullptr;
    QListView *m_messages = nullptr;
    QLabel *m_typing = nullptr;
    QLabel *m_counter = nullptr;
    ComposeBox *m_compose = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_connection = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer m_countdown;
    int m_retrySeconds = 0;
    qint64 m_anchorId = 0; // the message at the top while older history is prepended
    int m_anchorOffset = 0;
    bool m_followBottom = true;
};

} // namespace natter::client
