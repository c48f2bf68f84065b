#pragma once
// Opening a file of a message: from the profile's cache when it is there (filecache.h), else
// downloaded there first (FileDownload), then handed to the desktop's program for its type
// (QDesktopServices::openUrl). "Save as…" copies the cached file where the person chooses.

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class QWidget;

namespace natter::client {

class ChatClient;
class FileDownload;

class FileOpener final : public QObject
{
    Q_OBJECT

public:
    FileOpener(ChatClient &client, QWidget *window);

    // `file`: a message's file object (MessageListModel::FileRole).
    void open(const QJsonObject &file);
    void saveAs(const QJsonObject &file);
    // What opening a ready file does (tests: record it instead of launching a program).
    void setLauncher(std::function<void(const QUrl &)> launcher) { m_launch = std::move(launcher); }
    // Calls `then` with the cached path once the file is there (downloaded first if need be;
    // a file already on its way is not fetched twice). Its progress goes to the client's
    // TransferProgress, by file id.
    void fetch(const QJsonObject &file, std::function<void(const QString &)> then);

signals:
    void downloadStarted(natter::client::FileDownload *download, const QString &name);

private:
    ChatClient &m_client;
    QWidget *m_window;
    std::function<void(const QUrl &)> m_launch;
    QHash<QString, FileDownload *> m_running; // by file id
};

} // namespace natter::client
