#include "filesender.h"

#include "clientid.h"
#include "conversationcontroller.h"
#include "sessioncontroller.h"
#include "transferprogress.h"

#include <QDateTime>
#include <QFileInfo>

#include <utility>

namespace natter::client {

FileSender::FileSender(SessionController &session, ConversationController &conversations,
                       TransferProgress &transfers, const QString &savedPath, QObject *parent)
    : QObject(parent), m_session(session), m_conversations(conversations), m_transfers(transfers),
      m_saved(savedPath)
{}

bool FileSender::sendFiles(const QStringList &paths, const QString &caption)
{
    const qint64 conversationId = m_conversations.openConversationId();
    if (conversationId <= 0 || paths.isEmpty())
        return false;
    bool first = true;
    for (const QString &path : paths) {
        const PendingUpload saved{newClientId(), path, conversationId, first ? caption : QString(),
                                  QString()};
        first = false;
        m_saved.add(saved);
        addJob(saved);
    }
    startMore();
    return true;
}

void FileSender::resumeSaved()
{
    bool added = false;
    for (const PendingUpload &saved : m_saved.uploads()) {
        const bool running = std::any_of(m_jobs.cbegin(), m_jobs.cend(),
                                         [&](const Job &job) { return job.key == saved.key; });
        if (!running) {
            addJob(saved);
            added = true;
        }
    }
    if (added)
        startMore();
}

void FileSender::forgetAll()
{
    const QList<Job> jobs = std::exchange(m_jobs, {});
    for (const Job &job : jobs) {
        job.upload->disconnect(this); // no queued job starts while the others stop
        job.upload->cancel();
        m_conversations.dropUpload(job.key);
        m_transfers.finish(job.key.toString(QUuid::WithoutBraces));
        emit uploadRemoved(job.upload);
        job.upload->deleteLater();
    }
    m_saved.clear();
}

void FileSender::addJob(const PendingUpload &saved)
{
    auto *upload = new FileUpload(saved.path, saved.conversationId, this);
    upload->setRetryDelay(m_retryMs);
    upload->setUploadId(saved.uploadId);
    const QUuid key = saved.key;
    const QString progressKey = key.toString(QUuid::WithoutBraces);
    const qint64 conversationId = saved.conversationId;
    const QString text = saved.caption;

    // Its bubble, until the stored file replaces the placeholder file (no id yet).
    PendingMessage bubble;
    bubble.clientId = key;
    bubble.conversationId = conversationId;
    bubble.content = text;
    bubble.createdAt = QDateTime::currentMSecsSinceEpoch();
    bubble.file =
        FileInfo{QString(), upload->name(), QFileInfo(saved.path).size(), QString(), QString()};
    m_conversations.showUpload(bubble);

    connect(upload, &FileUpload::uploadIdChanged, this,
            [this, key](const QString &id) { m_saved.setUploadId(key, id); });
    connect(upload, &FileUpload::progressed, this,
            [this, upload, progressKey](qint64 done, qint64 total) {
                m_transfers.update(progressKey, {done, total, true, upload->bytesPerSecond(),
                                                 upload->secondsLeft()});
            });
    connect(upload, &FileUpload::finished, this,
            [this, upload, key, conversationId, text](const QJsonObject &stored) {
                // Into the outbox before it leaves the saved uploads: a crash in between
                // cannot lose the file.
                if (const auto file = FileInfo::fromJson(stored))
                    m_conversations.sendFileMessage(conversationId, *file, text, key);
                else
                    m_conversations.dropUpload(key);
                remove(upload);
            });
    connect(upload, &FileUpload::failed, this,
            [this, upload, key](ErrorCode, const QString &message) {
                emit errorOccurred(tr("%1 was not sent: %2").arg(upload->name(), message));
                m_conversations.dropUpload(key);
                remove(upload);
            });
    connect(upload, &FileUpload::cancelled, this, [this, upload, key] {
        m_conversations.dropUpload(key);
        remove(upload);
    });
    m_jobs.append({upload, key, false});
    emit uploadAdded(upload);
}

QList<FileUpload *> FileSender::uploads() const
{
    QList<FileUpload *> list;
    for (const Job &job : m_jobs)
        list.append(job.upload);
    return list;
}

void FileSender::startMore()
{
    int running = 0;
    for (Job &job : m_jobs) {
        if (job.started) {
            ++running;
            continue;
        }
        if (running >= kParallel)
            break;
        job.started = true;
        ++running;
        job.upload->setPinnedCertificate(m_session.pinnedCertificate());
        job.upload->start(filesUrlFor(m_session.serverUrl()), m_session.token());
    }
}

void FileSender::remove(FileUpload *upload)
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).upload == upload) {
            m_saved.remove(m_jobs.at(i).key);
            m_transfers.finish(m_jobs.at(i).key.toString(QUuid::WithoutBraces));
            m_jobs.removeAt(i);
            break;
        }
    }
    emit uploadRemoved(upload);
    upload->deleteLater();
    startMore();
}

} // namespace natter::client
