#include "uploadwriter.h"

#include "filestore.h"

namespace natter {
namespace {

constexpr qint64 kRehashBlock = 1 << 20;

} // namespace

UploadWriter::UploadWriter(FileStore &store, const QString &uploadId, qint64 size,
                           const QString &sha256Hex)
    : m_store(store), m_uploadId(uploadId), m_size(size), m_sha256Hex(sha256Hex)
{}

bool UploadWriter::open(QString *error)
{
    if (!FileStore::isUploadId(m_uploadId) || m_size < 0) {
        *error = QStringLiteral("bad upload id or size");
        return false;
    }
    if (m_store.partialBytes(m_uploadId) > m_size)
        m_store.removePartial(m_uploadId);
    m_file.setFileName(m_store.partialPath(m_uploadId));
    // Unbuffered: each chunk reaches the file system when append returns, so the partial
    // file's size is the offset acknowledged to the client (and no second copy is kept).
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    // Owner only (0600) whatever the umask; the rename into blobs/ keeps it.
    m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // TODO(files): a multi-GiB partial file is rehashed here on the caller's thread; move it
    // to a worker (or keep the hash state next to the partial file) before wiring resumes.
    m_hash.reset();
    m_offset = 0;
    while (!m_file.atEnd()) {
        const QByteArray block = m_file.read(kRehashBlock);
        if (block.isEmpty() && m_file.error() != QFileDevice::NoError) {
            *error = QStringLiteral("cannot read %1").arg(m_file.fileName());
            return false;
        }
        m_hash.addData(block);
        m_offset += block.size();
    }
    return true;
}

UploadWriter::Append UploadWriter::append(const QByteArray &chunk)
{
    if (chunk.size() > m_size - m_offset)
        return Append::PastEnd;
    if (m_file.write(chunk) != chunk.size())
        return Append::IoError;
    m_hash.addData(chunk);
    m_offset += chunk.size();
    return Append::Written;
}

UploadWriter::Finish UploadWriter::finish(QString *error)
{
    if (!complete())
        return Finish::Incomplete;
    if (!m_file.flush()) {
        *error = m_file.errorString();
        return Finish::IoError;
    }
    m_file.close();
    if (QString::fromLatin1(m_hash.result().toHex()) != m_sha256Hex) {
        m_store.removePartial(m_uploadId);
        return Finish::HashMismatch;
    }
    return m_store.promote(m_uploadId, m_sha256Hex, error) ? Finish::Stored : Finish::IoError;
}

} // namespace natter
