#pragma once
// Files in a running server: where their contents live (the [files] directory, or "files"
// next to an SQLite database; none with PostgreSQL and no directory given: then /v1/files is
// refused like any other path), the FileService on it, wired into the chat's sends and the
// transport's /v1/files, and an hourly garbage collection.

#include "config/serverconfig.h"

#include <QTimer>

#include <memory>

namespace natter {
class FileStore;
}

namespace natter::server {

class AuthService;
class ChatServer;
class ChatStore;
class FileService;
class MessagingService;

class FilesPart final
{
public:
    static constexpr int kCollectEveryMs = 60 * 60 * 1000;

    FilesPart(ChatStore &store, AuthService &auth, const ServerConfig &config);
    ~FilesPart();
    Q_DISABLE_COPY_MOVE(FilesPart)

    // The folder file contents go to; empty when files are not served.
    static QString directoryFor(const ServerConfig &config);

    void wire(MessagingService &messaging, ChatServer &server);
    // Creates the folders and starts the collection; false (and why) when they cannot be made.
    bool start(QString *error);
    FileService *service() const { return m_service.get(); }

private:
    std::unique_ptr<FileStore> m_files;
    std::unique_ptr<FileService> m_service;
    QTimer m_collect;
};

} // namespace natter::server
