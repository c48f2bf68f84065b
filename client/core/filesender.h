#pragma once
// Sending files: each is uploaded on its own /v1/files connection (FileUpload), at most
// kParallel at once and the rest queued, then goes out as a message with file_id through the
// outbox like any other. The caption goes with the first file of a batch.

#include "fileupload.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace natter::client {

class ConversationController;
class SessionController;

class FileSender final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kParallel = 2;

    FileSender(SessionController &session, ConversationController &conversations,
               QObject *parent = nullptr);

    // To the open conversation; false when none is open yet (a new 1:1 has no id before its
    // first message) or nothing to send.
    bool sendFiles(const QStringList &paths, const QString &caption);
    // Uploads not finished yet, oldest first (for the progress rows of the compose panel).
    QList<FileUpload *> uploads() const;
    void setRetryDelay(int ms) { m_retryMs = ms; }

signals:
    void uploadAdded(natter::client::FileUpload *upload);
    void uploadRemoved(natter::client::FileUpload *upload);
    void errorOccurred(const QString &message);

private:
    struct Job
    {
        FileUpload *upload = nullptr;
        QString caption;
        bool started = false;
    };

    void startMore();
    void remove(FileUpload *upload);

    SessionController &m_session;
    ConversationController &m_conversations;
    QList<Job> m_jobs;
    int m_retryMs = 2'000;
};

} // namespace natter::client
