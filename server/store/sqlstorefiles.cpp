// SqlStore: files and unfinished uploads (migration 005; FileMetaStore).
#include "sqlstore.h"

namespace natter::server {
namespace {

const QString kFileSelect = QStringLiteral(
    "SELECT f.id, f.name, f.size, f.mime, f.sha256, f.uploader_id, f.conversation_id, "
    "f.created_at FROM files f ");
const QString kUploadSelect =
    QStringLiteral("SELECT id, uploader_id, conversation_id, name, size, sha256, created_at, "
                   "touched_at FROM uploads ");

StoredFile fileFrom(const QSqlQuery &q)
{
    StoredFile f;
    f.info = FileInfo{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                      q.value(3).toString(), q.value(4).toString()};
    f.uploaderId = q.value(5).toLongLong();
    f.conversationId = q.value(6).toLongLong();
    f.createdAt = q.value(7).toLongLong();
    return f;
}

UploadRecord uploadFrom(const QSqlQuery &q)
{
    return UploadRecord{q.value(0).toString(),   q.value(1).toLongLong(), q.value(2).toLongLong(),
                        q.value(3).toString(),   q.value(4).toLongLong(), q.value(5).toString(),
                        q.value(6).toLongLong(), q.value(7).toLongLong()};
}

} // namespace

StoreResult<bool> SqlStore::addUpload(const UploadRecord &u)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        QStringLiteral("INSERT INTO uploads (id, uploader_id, conversation_id, name, size, "
                       "sha256, created_at, touched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {u.id, u.uploaderId, u.conversationId, u.name, u.size, u.sha256, u.createdAt, u.touchedAt},
        &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(true);
}

StoreResult<UploadRecord> SqlStore::upload(const QString &uploadId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(kUploadSelect + QStringLiteral("WHERE id = ?"), {uploadId}, &ok);
    if (!ok)
        return m_sql.failed<UploadRecord>(q);
    if (!q.next())
        return StoreResult<UploadRecord>::fail(StoreFailure::NotFound);
    const UploadRecord u = uploadFrom(q);
    q.finish();
    return StoreResult<UploadRecord>::success(u);
}

StoreResult<bool> SqlStore::touchUpload(const QString &uploadId, qint64 at)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("UPDATE uploads SET touched_at = ? WHERE id = ?"),
                              {at, uploadId}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    if (q.numRowsAffected() == 0)
        return StoreResult<bool>::fail(StoreFailure::NotFound);
    return StoreResult<bool>::success(true);
}

StoreResult<bool> SqlStore::removeUpload(const QString &uploadId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("DELETE FROM uploads WHERE id = ?"), {uploadId}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    return StoreResult<bool>::success(q.numRowsAffected() > 0);
}

StoreResult<StoredFile> SqlStore::completeUpload(const QString &uploadId, const StoredFile &file)
{
    using R = StoreResult<StoredFile>;
    return m_sql.inTransaction<StoredFile>([&]() -> R {
        bool ok = false;
        QSqlQuery &drop =
            m_sql.exec(QStringLiteral("DELETE FROM uploads WHERE id = ?"), {uploadId}, &ok);
        if (!ok)
            return m_sql.failed<StoredFile>(drop);
        if (drop.numRowsAffected() == 0)
            return R::fail(StoreFailure::NotFound, QStringLiteral("no such upload"));
        const FileInfo &i = file.info;
        QSqlQuery &insert = m_sql.exec(
            QStringLiteral("INSERT INTO files (id, sha256, size, mime, name, uploader_id, "
                           "conversation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {i.id, i.sha256, i.size, i.mime, i.name, file.uploaderId, file.conversationId,
             file.createdAt},
            &ok);
        if (!ok)
            return m_sql.failed<StoredFile>(insert);
        return R::success(file);
    });
}

StoreResult<StoredFile> SqlStore::file(const QString &fileId)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(kFileSelect + QStringLiteral("WHERE f.id = ?"), {fileId}, &ok);
    if (!ok)
        return m_sql.failed<StoredFile>(q);
    if (!q.next())
        return StoreResult<StoredFile>::fail(StoreFailure::NotFound);
    const StoredFile f = fileFrom(q);
    q.finish();
    return StoreResult<StoredFile>::success(f);
}

StoreResult<FileUsage> SqlStore::fileUsage(qint64 userId, const QString &excludeUpload)
{
    // SUM is numeric in PostgreSQL: cast back to the 64-bit integer both databases read. A
    // null QString binds as NULL (and "id <> NULL" is never true): "" excludes nothing.
    const QString exclude = excludeUpload.isEmpty() ? QStringLiteral("") : excludeUpload;
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        QStringLiteral(
            "SELECT CAST(COALESCE((SELECT SUM(size) FROM files WHERE uploader_id = ?), 0) + "
            "COALESCE((SELECT SUM(size) FROM uploads WHERE uploader_id = ? AND id <> ?), 0) "
            "AS BIGINT), "
            "CAST(COALESCE((SELECT SUM(s.size) FROM (SELECT MAX(size) AS size FROM files "
            "GROUP BY sha256) s), 0) + "
            "COALESCE((SELECT SUM(size) FROM uploads WHERE id <> ?), 0) AS BIGINT)"),
        {userId, userId, exclude, exclude}, &ok);
    if (!ok)
        return m_sql.failed<FileUsage>(q);
    if (!q.next())
        return StoreResult<FileUsage>::fail(StoreFailure::Internal, QStringLiteral("no usage"));
    const FileUsage usage{q.value(0).toLongLong(), q.value(1).toLongLong()};
    q.finish();
    return StoreResult<FileUsage>::success(usage);
}

StoreResult<bool> SqlStore::mayDownload(const QString &fileId, qint64 userId)
{
    // A member sees a group's messages from the line that added them (as history() does).
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(QStringLiteral("SELECT 1 FROM files WHERE id = ? AND uploader_id = ? UNION ALL "
                                  "SELECT 1 FROM messages m JOIN participants p "
                                  "ON p.conversation_id = m.conversation_id "
                                  "WHERE m.file_id = ? AND NOT m.deleted AND p.user_id = ? "
                                  "AND p.left_rev IS NULL AND m.id >= p.joined_from"),
                   {fileId, userId, fileId, userId}, &ok);
    if (!ok)
        return m_sql.failed<bool>(q);
    const bool allowed = q.next();
    q.finish();
    return StoreResult<bool>::success(allowed);
}

StoreResult<QList<UploadRecord>> SqlStore::staleUploads(qint64 before)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(
        kUploadSelect + QStringLiteral("WHERE touched_at < ? ORDER BY touched_at"), {before}, &ok);
    if (!ok)
        return m_sql.failed<QList<UploadRecord>>(q);
    QList<UploadRecord> out;
    while (q.next())
        out.append(uploadFrom(q));
    return StoreResult<QList<UploadRecord>>::success(out);
}

StoreResult<QList<StoredFile>> SqlStore::unreferencedFiles(qint64 before)
{
    bool ok = false;
    QSqlQuery &q =
        m_sql.exec(kFileSelect + QStringLiteral("WHERE f.created_at < ? AND NOT EXISTS "
                                                "(SELECT 1 FROM messages m WHERE m.file_id = f.id) "
                                                "ORDER BY f.created_at"),
                   {before}, &ok);
    if (!ok)
        return m_sql.failed<QList<StoredFile>>(q);
    QList<StoredFile> out;
    while (q.next())
        out.append(fileFrom(q));
    return StoreResult<QList<StoredFile>>::success(out);
}

StoreResult<bool> SqlStore::forgetFile(const QString &fileId, bool *contentStillUsed)
{
    using R = StoreResult<bool>;
    return m_sql.inTransaction<bool>([&]() -> R {
        const auto current = file(fileId);
        if (!current.ok())
            return R::fail(current.failure, current.detail);
        bool ok = false;
        QSqlQuery &drop =
            m_sql.exec(QStringLiteral("DELETE FROM files WHERE id = ? AND NOT EXISTS "
                                      "(SELECT 1 FROM messages m WHERE m.file_id = ?)"),
                       {fileId, fileId}, &ok);
        if (!ok)
            return m_sql.failed<bool>(drop);
        if (drop.numRowsAffected() == 0) // referenced again meanwhile
            return R::fail(StoreFailure::Conflict, QStringLiteral("the file is referenced"));
        QSqlQuery &same = m_sql.exec(QStringLiteral("SELECT 1 FROM files WHERE sha256 = ?"),
                                     {current.value.info.sha256}, &ok);
        if (!ok)
            return m_sql.failed<bool>(same);
        *contentStillUsed = same.next();
        same.finish();
        return R::success(true);
    });
}

} // namespace natter::server
