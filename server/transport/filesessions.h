#pragma once
// The file connections (/v1/files) of one server: accepts them when files are served,
// limits them (kMaxPerUser signed-in ones per account, and the same cap on connections from
// one address that have not signed in as the chat's), and closes them at shutdown.

#include "config/serverconfig.h"

#include <QHash>
#include <QObject>

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
    Q_DISABLE_COPY_MOVE(FileSessions)

    // Takes ownership of `socket` (connected to /v1/files).
    void accept(QWebSocket *socket);
    void closeAll(quint16 code, const QString &reason);
    int count() const { return m_count; }

private:
    void finished(FileSession *session);
    void leaveUnauthenticated(FileSession *session);

    FileTransfers &m_transfers;
    const ServerConfig &m_config;
    QHash<qint64, int> m_byUser;
    QHash<QString, int> m_unauthenticatedByAddress;
    QHash<FileSession *, QString> m_unauthenticated; // -> address
    int m_count = 0;
};

} // namespace natter::server
