#include "fileopener.h"

#include "chatclient.h"
#include "filecache.h"
#include "filedownload.h"
#include "filetransfer.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMainWindow>
#include <QStatusBar>
#include <QWidget>

namespace natter::client {

FileOpener::FileOpener(ChatClient &client, QWidget *window)
    : QObject(window), m_client(client), m_window(window),
      m_launch([](const QUrl &url) { QDesktopServices::openUrl(url); })
{}

void FileOpener::open(const QJsonObject &file)
{
    fetch(file, [this](const QString &path) { m_launch(QUrl::fromLocalFile(path)); });
}

void FileOpener::saveAs(const QJsonObject &file)
{
    const QString name = safeFileName(file.value(QStringLiteral("name")).toString());
    const QString target =
        QFileDialog::getSaveFileName(m_window, tr("Save file"), QDir::home().filePath(name));
    if (target.isEmpty())
        return;
    fetch(file, [target](const QString &path) {
        QFile::remove(target);
        QFile::copy(path, target);
    });
}

void FileOpener::fetch(const QJsonObject &file, std::function<void(const QString &)> then)
{
    const QString profile = m_client.settings().profile();
    const QString id = file.value(QStringLiteral("id")).toString();
    const QString name = file.value(QStringLiteral("name")).toString();
    if (!isFileId(id))
        return;
    const QString cached = existingCachedFile(profile, id, name);
    if (!cached.isEmpty())
        return then(cached);
    if (FileDownload *running = m_running.value(id)) {
        connect(running, &FileDownload::finished, this, std::move(then));
        return;
    }
    auto *download = new FileDownload(id, cachedFilePath(profile, id, name), this);
    m_running.insert(id, download);
    TransferProgress &transfers = m_client.transfers();
    const auto done = [this, &transfers, id, download] {
        m_running.remove(id);
        transfers.finish(id);
        download->deleteLater();
    };
    connect(download, &FileDownload::progressed, this,
            [&transfers, id, download](qint64 bytes, qint64 total) {
                transfers.update(
                    id, {bytes, total, false, download->bytesPerSecond(), download->secondsLeft()});
            });
    connect(download, &FileDownload::finished, this, [done, then](const QString &path) {
        then(path);
        done();
    });
    connect(download, &FileDownload::failed, this,
            [this, done, name](ErrorCode, const QString &message) {
                if (auto *main = qobject_cast<QMainWindow *>(m_window))
                    main->statusBar()->showMessage(
                        tr("%1 could not be downloaded: %2").arg(name, message), 8000);
                done();
            });
    connect(download, &FileDownload::cancelled, this, done);
    emit downloadStarted(download, name);
    download->setPinnedCertificate(m_client.session().pinnedCertificate());
    download->start(filesUrlFor(m_client.session().serverUrl()), m_client.session().token());
}

} // namespace natter::client
