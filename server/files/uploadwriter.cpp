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
    m_hash.reset();
    m_hashedUpTo = 0;
    m_offset = m_file.size();
    if (!m_file.seek(m_offset)) {
        *error = QStringLiteral("cannot seek in %1").arg(m_file.fileName());
        return false;
    }
    return true;
}

bool UploadWriter::hashExisting(QString *error)
{
    if (!m_file.seek(0)) {
        *error = QStringLiteral("cannot read %1").arg(m_file.fileName());
        return false;
    }
    m_hash.reset();
    m_hashedUpTo = 0;
    while (m_hashedUpTo < m_offset) {
        const QByteArray block = m_file.read(qMin<qint64>(kRehashBlock, m_offset - m_hashedUpTo));
        if (block.isEmpty()) {
            *error = QStringLiteral("cannot read %1").arg(m_file.fileName());
            return false;
        }
        m_hash.addData(block);
        m_hashedUpTo += block.size();
    }
    return m_file.seek(m_offset);
}

UploadWriter::Append UploadWriter::append(const QByteArray &chunk)
{
    if (chunk.size() > m_size - m_offset)
        return Append::PastEnd;
    if (needsHashing() || m_file.write(chunk) != chunk.size())
        return Append::IoError;
    m_hash.addData(chunk);
    m_offset += chunk.size();
    m_hashedUpTo = m_offset;
    return Append::Written;
}

UploadWriter::Finish UploadWriter::finish(QString *error)
{
    if (!complete())
        return Finish::Incomplete;
    if (needsHashing()) {
        *error = QStringLiteral("the bytes resumed from were not hashed");
        return Finish::IoError;
    }
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
