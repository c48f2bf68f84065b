#pragma once
// Sending files: each is uploaded on its own /v1/files connection (FileUpload), at most
// kParallel at once and the rest queued, then goes out as a message with file_id through the
// outbox like any other. The caption goes with the first file of a batch. Unfinished uploads
// are kept in the profile (PendingUploads) and continue at the next session after a restart.

#include "fileupload.h"
#include "pendinguploads.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace natter::client {

class ConversationController;
class SessionController;
class TransferProgress;

class FileSender final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kParallel = 2;

    // savedPath: where unfinished uploads are kept (a JSON file in the profile's data dir).
    // Each upload shows as its message's bubble from the start, its progress in `transfers`.
    FileSender(SessionController &session, ConversationController &conversations,
               TransferProgress &transfers, const QString &savedPath, QObject *parent = nullptr);

    // To the open conversation; false when none is open yet (a new 1:1 has no id before its
    // first message) or nothing to send.
    bool sendFiles(const QStringList &paths, const QString &caption);
    // Uploads not finished yet, oldest first (for the progress rows of the compose panel).
    QList<FileUpload *> uploads() const;
    void setRetryDelay(int ms) { m_retryMs = ms; }
    // A session started: uploads kept from an earlier run of the app continue (once each).
    void resumeSaved();
    // Signed out by the user: every upload stops and none is kept.
    void forgetAll();

signals:
    void uploadAdded(natter::client::FileUpload *upload);
    void uploadRemoved(natter::client::FileUpload *upload);
    void errorOccurred(const QString &message);

private:
    struct Job
    {
        FileUpload *upload = nullptr;
        QUuid key; // in m_saved
        bool started = false;
    };

    void addJob(const PendingUpload &saved);
    void startMore();
    void remove(FileUpload *upload);

    SessionController &m_session;
    ConversationController &m_conversations;
    TransferProgress &m_transfers;
    PendingUploads m_saved;
    QList<Job> m_jobs;
    int m_retryMs = 2'000;
};

} // namespace natter::client
