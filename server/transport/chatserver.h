#pragma once
// The listening WebSocket server: accepts sockets on /v1 (anything else gets an
// unsupported_version error and close 4400), applies the transport limits and creates one
// WebSocketSession per socket.

#include "config/serverconfig.h"
#include "heaptrimmer.h"
#include "userratelimiter.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QSslConfiguration;
class QWebSocket;
class QWebSocketServer;

namespace natter::server {

class WebSocketSession;
class FileSessions;
class FileTransfers;
class RequestDispatcher;
class SessionRegistry;
class WebSocketListener;

class ChatServer final : public QObject
{
    Q_OBJECT

public:
    ChatServer(SessionRegistry &registry, const RequestDispatcher &dispatcher,
               const ServerConfig &config, QObject *parent = nullptr);
    ~ChatServer() override;
    Q_DISABLE_COPY_MOVE(ChatServer)

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    quint16 serverPort() const;
    bool isSecure() const; // wss://
    void stopListening();

    // Closes every connection with `code`; connectionsClosed() follows once all are gone.
    void closeAll(quint16 code, const QString &reason);
    int connectionCount() const;
    // Serves /v1/files (docs/protocol.md "Files") through `transfers`; without it that path
    // is refused like any other.
    void serveFiles(FileTransfers *transfers);

signals:
    void connectionsClosed();

private:
    bool configureTls(QSslConfiguration *tls);
    void rejectFlood(QWebSocket *socket);
    void acceptPending();
    void rejectWrongPath(QWebSocket *socket);
    void sessionFinished(WebSocketSession *session);
    void sweepDeadlines();

    SessionRegistry &m_registry;
    const RequestDispatcher &m_dispatcher;
    const ServerConfig &m_config;
    UserRateLimiter m_userLimiter;
    // Does the HTTP upgrade only (it never listens itself; it is in SecureMode for wss://,
    // which makes requestUrl() say wss).
    QWebSocketServer *m_server;
    // The accept path, ws:// and wss:// (see WebSocketListener).
    WebSocketListener *m_listener = nullptr;
    QString m_tlsError;
    int m_sessions = 0;
    // One timer checks every session's auth and idle deadlines (see WebSocketSession).
    QTimer m_deadlineSweep;
    HeapTrimmer m_heapTrimmer;
    FileSessions *m_files = nullptr;
};

} // namespace natter::server
