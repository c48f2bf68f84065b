#include "filesender.h"

#include "conversationcontroller.h"
#include "sessioncontroller.h"

namespace natter::client {

FileSender::FileSender(SessionController &session, ConversationController &conversations,
                       QObject *parent)
    : QObject(parent), m_session(session), m_conversations(conversations)
{}

bool FileSender::sendFiles(const QStringList &paths, const QString &caption)
{
    const qint64 conversationId = m_conversations.openConversationId();
    if (conversationId <= 0 || paths.isEmpty())
        return false;
    bool first = true;
    for (const QString &path : paths) {
        auto *upload = new FileUpload(path, conversationId, this);
        upload->setRetryDelay(m_retryMs);
        const QString text = first ? caption : QString();
        first = false;
        connect(upload, &FileUpload::finished, this,
                [this, upload, conversationId, text](const QJsonObject &stored) {
                    if (const auto file = FileInfo::fromJson(stored))
                        m_conversations.sendFileMessage(conversationId, *file, text);
                    remove(upload);
                });
        connect(upload, &FileUpload::failed, this,
                [this, upload](ErrorCode, const QString &message) {
                    emit errorOccurred(tr("%1 was not sent: %2").arg(upload->name(), message));
                    remove(upload);
                });
        connect(upload, &FileUpload::cancelled, this, [this, upload] { remove(upload); });
        m_jobs.append({upload, text, false});
        emit uploadAdded(upload);
    }
    startMore();
    return true;
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
            m_jobs.removeAt(i);
            break;
        }
    }
    emit uploadRemoved(upload);
    upload->deleteLater();
    startMore();
}

} // namespace natter::client
