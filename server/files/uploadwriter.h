#pragma once
// One upload's bytes on their way to the store: appended chunk by chunk to its partial file
// (so a cut upload resumes at partialBytes), hashed as they arrive, and verified against the
// announced size and SHA-256 before the content becomes a blob. Memory use is one chunk.

#include "sha256.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace natter {

class FileStore;

class UploadWriter final
{
public:
    // sha256Hex is the announced hash (checked with FileStore::isSha256Hex by the caller).
    UploadWriter(FileStore &store, const QString &uploadId, qint64 size, const QString &sha256Hex);

    // Opens (or creates) the partial file; the upload continues after the bytes already
    // there (a partial file longer than size is discarded and started over). Those bytes
    // must be hashed (hashExisting) before anything is appended or finished.
    bool open(QString *error);
    bool needsHashing() const { return m_hashedUpTo < m_offset; }
    // Reads and hashes the bytes the partial file already holds: a whole file's worth at
    // most, so a caller with other work to do (the server's event loop) runs it on a worker
    // thread, touching the writer nowhere else meanwhile.
    bool hashExisting(QString *error);
    qint64 offset() const { return m_offset; }
    qint64 size() const { return m_size; }
    bool complete() const { return m_offset == m_size; }

    enum class Append
    {
        Written,
        PastEnd,
        IoError
    };
    Append append(const QByteArray &chunk);

    enum class Finish
    {
        Stored,
        Incomplete,
        HashMismatch,
        IoError
    };
    // Verifies size and hash, then moves the content into the store. A wrong hash discards
    // the partial file (resuming it could never succeed).
    Finish finish(QString *error);

private:
    FileStore &m_store;
    QString m_uploadId;
    qint64 m_size;
    QString m_sha256Hex;
    QFile m_file;
    Sha256 m_hash;
    qint64 m_offset = 0;
    qint64 m_hashedUpTo = 0;
};

} // namespace natter
