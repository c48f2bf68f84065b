#pragma once
// What a user can do to one message of the open conversation: the context menu's actions
// (Copy, Edit, Show edit history, Delete for me, Delete for everyone after a question) and
// Up in an empty compose box (edit the last own message).

#include <QList>
#include <QObject>

class QAction;
class QModelIndex;
class QPoint;
class QWidget;

namespace natter::client {

class ChatClient;
class ComposeBox;
class FileOpener;

class MessageMenu final : public QObject
{
    Q_OBJECT

public:
    // `window` parents the menu and the dialogs.
    MessageMenu(ChatClient &client, ComposeBox *compose, QWidget *window);

    // The actions for the message at `row`, owned by the caller.
    QList<QAction *> actions(int row);
    void showAt(const QModelIndex &index, const QPoint &globalPos);
    void editLastOwnMessage();
    // Adds "Open file" and "Save file as…" to file messages.
    void setFileOpener(FileOpener *opener) { m_files = opener; }

signals:
    // "Message info" on a group's message: who has seen it (MessageInfoDialog).
    void infoRequested(qint64 messageId, qint64 senderId, const QString &text);

private:
    void showEditHistory(const QModelIndex &index);
    bool confirmDeleteForEveryone();

    ChatClient &m_client;
    ComposeBox *m_compose;
    QWidget *m_window;
    FileOpener *m_files = nullptr;
};

} // namespace natter::client
