#include "filespart.h"

#include "config/logging.h"
#include "files/filestore.h"
#include "services/fileservice.h"
#include "services/messagingservice.h"
#include "store/postgresurl.h"
#include "transport/chatserver.h"

#include <QDateTime>
#include <QFileInfo>

namespace natter::server {

QString FilesPart::directoryFor(const ServerConfig &config)
{
    if (!config.filesDirectory.isEmpty())
        return config.filesDirectory;
    if (PostgresUrl::isPostgresUrl(config.databasePath) || config.databasePath.isEmpty() ||
        config.databasePath == QLatin1String(":memory:"))
        return {};
    return QFileInfo(config.databasePath).absolutePath() + QStringLiteral("/files");
}

FilesPart::FilesPart(ChatStore &store, AuthService &auth, const ServerConfig &config)
{
    const QString directory = directoryFor(config);
    if (directory.isEmpty())
        return;
    m_files = std::make_unique<FileStore>(directory);
    m_service = std::make_unique<FileService>(store, auth, *m_files,
                                              FileLimits{config.maxFileBytes, config.userQuotaBytes,
                                                         config.filesMaxTotalBytes,
                                                         config.filesFreeReserveBytes});
    m_collect.setInterval(kCollectEveryMs);
    QObject::connect(&m_collect, &QTimer::timeout, [this]() {
        const auto done = m_service->collectGarbage(QDateTime::currentMSecsSinceEpoch());
        if (done.uploads + done.files > 0)
            qCInfo(lcServer) << "file collection removed" << done.uploads << "stale uploads,"
                             << done.files << "unreferenced files," << done.blobs << "blobs";
    });
}

FilesPart::~FilesPart() = default;

void FilesPart::wire(MessagingService &messaging, ChatServer &server)
{
    messaging.setFiles(m_service.get());
    server.serveFiles(m_service.get());
}

bool FilesPart::start(QString *error)
{
    if (!m_files) {
        qCInfo(lcServer) << "files are not served: no [files] directory for this database";
        return true;
    }
    if (!m_files->open(error))
        return false;
    m_collect.start();
    return true;
}

} // namespace natter::server
