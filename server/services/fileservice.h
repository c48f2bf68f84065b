#pragma once
// The rules of files (docs/protocol.md "Files"): who may upload to which conversation, the
// refusals before any byte moves (size, quota, total, free disk), resuming by upload id,
// verifying size and SHA-256 before a file exists, sniffing its type from its bytes, and
// who may download it. Bytes go through server/files (FileStore, UploadWriter); metadata
// through the store. Also the garbage collection of stale uploads and unreferenced files.

#include "files/filestore.h"
#include "interfaces/filetransfers.h"
#include "outcome.h"
#include "store/chatstore.h"

#include <QObject>

namespace natter::server {

class AuthService;

struct FileLimits
{
    qint64 maxFileBytes = 0;
    qint64 userQuotaBytes = 0;
    qint64 maxTotalBytes = 0;
    qint64 freeReserveBytes = 0;
};

class FileService final : public FileTransfers
{
public:
    // An upload resumes within this long after its last file_begin or byte; a stored file no
    // message references is removed after it.
    static constexpr qint64 kKeepMs = 24 * 60 * 60 * 1000;

    FileService(ChatStore &store, AuthService &auth, FileStore &files, const FileLimits &limits);

    SignedIn signIn(const QString &token) override;
    bool stillSignedIn(const QByteArray &tokenHash) override;
    Began beginUpload(qint64 userId, const FileBeginRequest &request) override;
    Ended endUpload(qint64 userId, UploadSink &sink) override;
    void keepUpload(const QString &uploadId) override;
    Opened openDownload(qint64 userId, const FileGetRequest &request) override;

    // The file a message may carry: the sender's own, uploaded for that conversation;
    // not_found (field file_id) otherwise.
    Outcome<FileInfo> attachable(qint64 senderId, qint64 conversationId, const QString &fileId);

    // Removes uploads untouched for kKeepMs and files older than that no message references
    // (their blob too, unless another file has the same content). `now`: for tests.
    struct Collected
    {
        int uploads = 0;
        int files = 0;
        int blobs = 0;
    };
    Collected collectGarbage(qint64 now);

private:
    std::optional<ProtocolError> refuseNew(qint64 userId, qint64 size);

    ChatStore &m_store;
    AuthService &m_auth;
    FileStore &m_files;
    FileLimits m_limits;
};

} // namespace natter::server
