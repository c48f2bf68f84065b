#include "fileservice.h"

#include "authservice.h"
#include "config/logging.h"
#include "files/uploadwriter.h"

#include <QDateTime>
#include <QFile>

namespace natter::server {
namespace {

ProtocolError notFoundError(const QString &what, const QString &field)
{
    return ProtocolError::make(ErrorCode::NotFound, what, field);
}

class StoredUpload final : public UploadSink
{
public:
    StoredUpload(FileStore &files, UploadRecord record)
        : m_record(std::move(record)), m_writer(files, m_record.id, m_record.size, m_record.sha256)
    {}

    bool open(QString *error) { return m_writer.open(error); }
    const UploadRecord &record() const { return m_record; }
    UploadWriter &writer() { return m_writer; }

    QString uploadId() const override { return m_record.id; }
    qint64 offset() const override { return m_writer.offset(); }
    bool needsHashing() const override { return m_writer.needsHashing(); }
    bool hashExisting() override
    {
        QString why;
        if (m_writer.hashExisting(&why))
            return true;
        qCWarning(lcStorage).noquote() << "upload" << m_record.id << why;
        return false;
    }
    std::optional<ProtocolError> append(const QByteArray &chunk) override
    {
        switch (m_writer.append(chunk)) {
        case UploadWriter::Append::Written:
            break;
        case UploadWriter::Append::PastEnd:
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("bytes past the announced size"),
                                       QStringLiteral("size"));
        case UploadWriter::Append::IoError:
            qCWarning(lcStorage).noquote() << "upload" << m_record.id << "could not be written";
            return ProtocolError::make(ErrorCode::Internal,
                                       QStringLiteral("the server could not store the bytes"));
        }
        return std::nullopt;
    }

private:
    UploadRecord m_record;
    UploadWriter m_writer;
};

class BlobSource final : public DownloadSource
{
public:
    explicit BlobSource(const QString &path) : m_file(path) {}
    bool open(qint64 offset, qint64 size)
    {
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(offset))
            return false;
        m_remaining = size - offset;
        return true;
    }
    qint64 remaining() const override { return m_remaining; }
    QByteArray read(qint64 max) override
    {
        const QByteArray bytes = m_file.read(qMin(max, m_remaining));
        m_remaining -= bytes.size();
        return bytes;
    }

private:
    QFile m_file;
    qint64 m_remaining = 0;
};

} // namespace

FileService::FileService(ChatStore &store, AuthService &auth, FileStore &files,
                         const FileLimits &limits)
    : m_store(store), m_auth(auth), m_files(files), m_limits(limits)
{}

FileTransfers::SignedIn FileService::signIn(const QString &token)
{
    const auto outcome = m_auth.authenticateToken(token);
    if (!outcome.ok())
        return SignedIn{0, {}, outcome.error};
    return SignedIn{outcome.value.user.id, outcome.value.tokenHash, std::nullopt};
}

bool FileService::stillSignedIn(const QByteArray &tokenHash)
{
    const auto user = m_store.userForToken(tokenHash, QDateTime::currentMSecsSinceEpoch());
    return user.ok() || user.failure != StoreFailure::NotFound;
}

std::optional<ProtocolError> FileService::refuseNew(qint64 userId, qint64 size)
{
    const auto usage = m_store.fileUsage(userId, QString());
    if (!usage.ok())
        return storeError(usage, QString());
    if (usage.value.userBytes + size > m_limits.userQuotaBytes)
        return ProtocolError::make(ErrorCode::QuotaExceeded,
                                   QStringLiteral("your files would take %1 of your %2 bytes")
                                       .arg(usage.value.userBytes + size)
                                       .arg(m_limits.userQuotaBytes),
                                   QStringLiteral("size"));
    if (usage.value.totalBytes + size > m_limits.maxTotalBytes)
        return ProtocolError::make(ErrorCode::StorageFull,
                                   QStringLiteral("the server's file storage is full"),
                                   QStringLiteral("size"));
    return std::nullopt;
}

FileTransfers::Began FileService::beginUpload(qint64 userId, const FileBeginRequest &request)
{
    Began out;
    const auto member = m_store.membership(request.conversationId, userId);
    if (!member.ok()) {
        out.error = storeError(member, QStringLiteral("no such conversation"),
                               QStringLiteral("conversation_id"));
        return out;
    }
    if (request.size > m_limits.maxFileBytes) {
        out.error = ProtocolError::make(
            ErrorCode::TooLarge,
            QStringLiteral("a file is at most %1 bytes").arg(m_limits.maxFileBytes),
            QStringLiteral("size"));
        return out;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    UploadRecord record;
    if (!request.uploadId.isEmpty()) {
        const auto earlier = m_store.upload(request.uploadId);
        if (!earlier.ok() && earlier.failure != StoreFailure::NotFound) {
            out.error = storeError(earlier, QString());
            return out;
        }
        if (!earlier.ok() || earlier.value.uploaderId != userId ||
            earlier.value.touchedAt < now - kKeepMs) {
            out.error =
                notFoundError(QStringLiteral("no such upload"), QStringLiteral("upload_id"));
            return out;
        }
        record = earlier.value;
        if (record.conversationId != request.conversationId || record.name != request.name ||
            record.size != request.size || record.sha256 != request.sha256) {
            out.error = ProtocolError::make(
                ErrorCode::BadRequest,
                QStringLiteral("a resume must announce the same conversation, name, size and "
                               "sha256 as the upload"),
                QStringLiteral("upload_id"));
            return out;
        }
        record.touchedAt = now;
        m_store.touchUpload(record.id, now);
    } else {
        if (auto refusal = refuseNew(userId, request.size)) {
            out.error = refusal;
            return out;
        }
        record = UploadRecord{FileStore::newUploadId(),
                              userId,
                              request.conversationId,
                              request.name,
                              request.size,
                              request.sha256,
                              now,
                              now};
    }
    auto sink = std::make_unique<StoredUpload>(m_files, record);
    QString why;
    if (!sink->open(&why)) {
        qCWarning(lcStorage).noquote() << "upload" << record.id << why;
        out.error = ProtocolError::make(ErrorCode::Internal,
                                        QStringLiteral("the server could not store the bytes"));
        return out;
    }
    // The disk must keep its reserve after the rest of this upload.
    if (m_files.freeBytes() - (record.size - sink->offset()) < m_limits.freeReserveBytes) {
        out.error =
            ProtocolError::make(ErrorCode::StorageFull, QStringLiteral("the server's disk is full"),
                                QStringLiteral("size"));
        return out;
    }
    if (request.uploadId.isEmpty()) {
        const auto added = m_store.addUpload(record);
        if (!added.ok()) {
            m_files.removePartial(record.id);
            out.error = storeError(added, QString());
            return out;
        }
    }
    out.reply = {{QStringLiteral("upload_id"), record.id},
                 {QStringLiteral("offset"), QJsonValue(double(sink->offset()))},
                 {QStringLiteral("chunk_bytes"), QJsonValue(double(files::kChunkBytes))},
                 {QStringLiteral("window_chunks"), files::kWindowChunks}};
    out.sink = std::move(sink);
    return out;
}

void FileService::keepUpload(const QString &uploadId)
{
    m_store.touchUpload(uploadId, QDateTime::currentMSecsSinceEpoch()); // best effort
}

FileTransfers::Ended FileService::endUpload(qint64 userId, UploadSink &sink)
{
    Ended out;
    auto *upload = dynamic_cast<StoredUpload *>(&sink);
    if (!upload || upload->record().uploaderId != userId) {
        out.error = notFoundError(QStringLiteral("no such upload"), QStringLiteral("upload_id"));
        return out;
    }
    const UploadRecord &record = upload->record();
    QString why;
    switch (upload->writer().finish(&why)) {
    case UploadWriter::Finish::Stored:
        break;
    case UploadWriter::Finish::Incomplete:
        out.error = ProtocolError::make(ErrorCode::BadRequest,
                                        QStringLiteral("upload incomplete: %1 of %2 bytes")
                                            .arg(upload->offset())
                                            .arg(record.size),
                                        QStringLiteral("upload_id"));
        out.resumable = true;
        return out;
    case UploadWriter::Finish::HashMismatch:
        m_store.removeUpload(record.id);
        out.error = ProtocolError::make(
            ErrorCode::HashMismatch, QStringLiteral("the bytes do not have the announced sha256"),
            QStringLiteral("sha256"));
        return out;
    case UploadWriter::Finish::IoError:
        qCWarning(lcStorage).noquote() << "upload" << record.id << why;
        out.error = ProtocolError::make(ErrorCode::Internal,
                                        QStringLiteral("the server could not store the file"));
        return out;
    }
    StoredFile file{FileInfo{FileStore::newUploadId(), record.name, record.size,
                             m_files.sniffMime(record.sha256), record.sha256},
                    userId, record.conversationId, QDateTime::currentMSecsSinceEpoch()};
    const auto completed = m_store.completeUpload(record.id, file);
    if (!completed.ok()) {
        out.error =
            storeError(completed, QStringLiteral("no such upload"), QStringLiteral("upload_id"));
        return out;
    }
    out.reply = {{QStringLiteral("file"), file.info.toJson()}};
    return out;
}

FileTransfers::Opened FileService::openDownload(qint64 userId, const FileGetRequest &request)
{
    Opened out;
    // An unknown id and someone else's file get the same answer: ids are not probed.
    const ProtocolError none =
        notFoundError(QStringLiteral("no such file"), QStringLiteral("file_id"));
    const auto file = m_store.file(request.fileId);
    if (!file.ok()) {
        out.error = file.failure == StoreFailure::NotFound ? none : storeError(file, QString());
        return out;
    }
    const auto allowed = m_store.mayDownload(request.fileId, userId);
    if (!allowed.ok() || !allowed.value) {
        out.error = allowed.ok() ? none : storeError(allowed, QString());
        return out;
    }
    const FileInfo &info = file.value.info;
    if (request.offset > info.size) {
        out.error = ProtocolError::make(ErrorCode::BadRequest,
                                        QStringLiteral("offset is past the file's size"),
                                        QStringLiteral("offset"));
        return out;
    }
    auto source = std::make_unique<BlobSource>(m_files.blobPath(info.sha256));
    if (!source->open(request.offset, info.size)) {
        qCWarning(lcStorage).noquote() << "file" << info.id << "has no readable blob";
        out.error = ProtocolError::make(ErrorCode::Internal,
                                        QStringLiteral("the server could not read the file"));
        return out;
    }
    out.reply = {{QStringLiteral("file"), info.toJson()},
                 {QStringLiteral("offset"), QJsonValue(double(request.offset))},
                 {QStringLiteral("chunk_bytes"), QJsonValue(double(files::kChunkBytes))}};
    out.source = std::move(source);
    return out;
}

Outcome<FileInfo> FileService::attachable(qint64 senderId, qint64 conversationId,
                                          const QString &fileId)
{
    const ProtocolError none = notFoundError(
        QStringLiteral("no such file of yours in this conversation"), QStringLiteral("file_id"));
    const auto file = m_store.file(fileId);
    if (!file.ok())
        return Outcome<FileInfo>::failure(
            file.failure == StoreFailure::NotFound ? none : storeError(file, QString()));
    if (file.value.uploaderId != senderId || file.value.conversationId != conversationId)
        return Outcome<FileInfo>::failure(none);
    return Outcome<FileInfo>::success(file.value.info);
}

FileService::Collected FileService::collectGarbage(qint64 now)
{
    Collected done;
    const auto stale = m_store.staleUploads(now - kKeepMs);
    for (const UploadRecord &u : stale.value) {
        if (m_store.removeUpload(u.id).ok()) {
            m_files.removePartial(u.id);
            ++done.uploads;
        }
    }
    const auto unused = m_store.unreferencedFiles(now - kKeepMs);
    for (const StoredFile &f : unused.value) {
        bool shared = true;
        if (!m_store.forgetFile(f.info.id, &shared).ok())
            continue; // referenced again meanwhile, or the database is away: next time
        ++done.files;
        if (!shared && m_files.removeBlob(f.info.sha256))
            ++done.blobs;
    }
    return done;
}

} // namespace natter::server
