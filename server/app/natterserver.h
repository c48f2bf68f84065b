#pragma once
// The whole server as one object: store, services, handlers and the WebSocket listener,
// wired together. main.cpp runs one; tests run one in-process on 127.0.0.1 port 0.

#include "config/serverconfig.h"
#include "store/sqlitestorefile.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QTimer;

namespace natter::server {

class ChatStore;
class DiscoveryResponder;
class FileService;
class MessageWriter;

class NatterServer final : public QObject
{
    Q_OBJECT

public:
    // Uses the SQLite store at config.databasePath.
    explicit NatterServer(const ServerConfig &config, QObject *parent = nullptr);
    // Uses `store` (tests inject a failing decorator through this).
    NatterServer(const ServerConfig &config, std::unique_ptr<ChatStore> store,
                 QObject *parent = nullptr);
    ~NatterServer() override;
    Q_DISABLE_COPY_MOVE(NatterServer)

    // Checks the TLS pair, opens the database (creating it only as databaseCreation()
    // allows), then listens. False with errorString() when any of it fails.
    bool start();
    QString errorString() const { return m_error; }
    // Why the server stopped on its own (its SQLite file deleted or replaced); empty after a
    // requested stop. main() exits 1 when set.
    QString failure() const { return m_failure; }
    quint16 port() const;
    QUrl url() const; // ws://ADDR:PORT/v1
    // Files (filespart.h); nullptr when this server keeps none.
    FileService *fileService() const;
    int connectionCount() const;
    // The UDP port discovery queries are answered on; 0 when discovery is off or failed.
    quint16 discoveryPort() const;

    // Clean shutdown: stop accepting, commit pending sends, close every socket with 1001,
    // close the database; stopped() follows.
    void stop();

signals:
    void stopped();

private:
    struct Parts;
    void finishStop();
    void startDiscovery();
    void checkDatabaseFile();

    // Stores messages on a thread of its own; stopped after m_parts, before m_store closes.
    void startWriter();
    void stopWriter();

    ServerConfig m_config;
    std::unique_ptr<ChatStore> m_store;
    std::unique_ptr<MessageWriter> m_writer; // null: messages are stored on the event loop
    std::unique_ptr<Parts> m_parts;
    DiscoveryResponder *m_discovery = nullptr;
    QString m_error;
    QString m_failure;
    // The SQLite file opened, checked every second: a deleted database must not go on
    // acknowledging writes that vanish at the next restart.
    std::optional<sqlitefile::Identity> m_databaseIdentity;
    QTimer *m_databaseWatch = nullptr;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace natter::server
