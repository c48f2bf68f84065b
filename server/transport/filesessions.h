#pragma once
// The file connections (/v1/files) of one server: accepts them when files are served,
// limits them (kMaxPerUser signed-in ones per account, and the same cap on connections from
// one address that have not signed in as the chat's), and closes them at shutdown.
// Their bytes move on a thread of their own, the file thread: a session starts on this
// object's thread (the server's main one) and moves there once its upgrade is answered, so
// that a gigabyte going through is read, hashed and written beside the chat, not between its
// messages, for ws:// and wss:// alike.

#include "config/serverconfig.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>

#include <functional>

class QTcpSocket;
class QWebSocket;

namespace natter::server {

class FileSession;
class FileTransfers;

class FileSessions final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxPerUser = 4;

    FileSessions(FileTransfers &transfers, const ServerConfig &config, QObject *parent = nullptr);
    ~FileSessions() override;
    Q_DISABLE_COPY_MOVE(FileSessions)

    // Lets go of a socket about to leave for the file thread (its listener and the
    // QWebSocketServer it came through stop watching it).
    void setReleaseSocket(std::function<void(QTcpSocket *)> release)
    {
        m_releaseSocket = std::move(release);
    }

    // Takes ownership of `socket` (connected to /v1/files).
    void accept(QWebSocket *socket);
    void closeAll(quint16 code, const QString &reason);
    int count() const { return m_count; }

private:
    void finished(FileSession *session);
    void leaveUnauthenticated(FileSession *session);
    void moveToFileThread(FileSession *session);

    FileTransfers &m_transfers;
    const ServerConfig &m_config;
    QHash<qint64, int> m_byUser;
    QHash<QString, int> m_unauthenticatedByAddress;
    QHash<FileSession *, QString> m_unauthenticated; // -> address
    int m_count = 0;
    QSet<FileSession *> m_sessions;
    std::function<void(QTcpSocket *)> m_releaseSocket;
    QThread m_thread;
};

} // namespace natter::server
