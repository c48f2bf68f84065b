#pragma once
// What the database knows about files (migration 005): stored files (metadata only; the bytes
// are in server/files), unfinished uploads (so that one resumes across restarts), who may
// download what, and what counts against the quotas. Part of ChatStore; its own header so the
// chat's interface does not grow by a screenful.

#include "fileinfo.h"
#include "storeresult.h"

#include <QList>
#include <QString>

namespace natter::server {

struct StoredFile
{
    FileInfo info;
    qint64 uploaderId = 0;
    qint64 conversationId = 0; // the conversation it was uploaded for
    qint64 createdAt = 0;
};

// An upload announced by file_begin and not finished: the announced fields are checked
// again on every resume.
struct UploadRecord
{
    QString id; // 32 lower-case hex digits (FileStore::newUploadId)
    qint64 uploaderId = 0;
    qint64 conversationId = 0;
    QString name;
    qint64 size = 0;
    QString sha256;
    qint64 createdAt = 0;
    qint64 touchedAt = 0;
};

// Bytes counted against the quotas: stored files plus unfinished uploads (announced sizes,
// so that parallel uploads cannot overrun a quota together).
struct FileUsage
{
    qint64 userBytes = 0;  // the user's files (each counted, shared content or not)
    qint64 totalBytes = 0; // every stored content once, plus every unfinished upload
};

class FileMetaStore
{
public:
    virtual ~FileMetaStore() = default;

    virtual StoreResult<bool> addUpload(const UploadRecord &upload) = 0;
    // NotFound when there is none.
    virtual StoreResult<UploadRecord> upload(const QString &uploadId) = 0;
    virtual StoreResult<bool> touchUpload(const QString &uploadId, qint64 at) = 0;
    virtual StoreResult<bool> removeUpload(const QString &uploadId) = 0;
    // The upload becomes the file (one transaction): the upload row goes, the file row comes.
    virtual StoreResult<StoredFile> completeUpload(const QString &uploadId,
                                                   const StoredFile &file) = 0;
    // NotFound when there is none.
    virtual StoreResult<StoredFile> file(const QString &fileId) = 0;
    // `excludeUpload`: an upload being resumed (already counted once).
    virtual StoreResult<FileUsage> fileUsage(qint64 userId, const QString &excludeUpload = {}) = 0;
    // The uploader, or a current participant of a conversation with a message (not deleted
    // for everyone) that references the file.
    virtual StoreResult<bool> mayDownload(const QString &fileId, qint64 userId) = 0;
    // Garbage collection: uploads last touched before `before`, and files created before it
    // that no message references. forgetFile removes a file row and tells whether another
    // file row still has the same content (then the blob stays).
    virtual StoreResult<QList<UploadRecord>> staleUploads(qint64 before) = 0;
    virtual StoreResult<QList<StoredFile>> unreferencedFiles(qint64 before) = 0;
    virtual StoreResult<bool> forgetFile(const QString &fileId, bool *contentStillUsed) = 0;
};

} // namespace natter::server
