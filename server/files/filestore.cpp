#include "filestore.h"

#include "fileinfo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QStorageInfo>

namespace natter {
namespace {

// Owner only, whatever the umask: the contents are people's private files (like the
// database, which is 0600).
constexpr QFileDevice::Permissions kOwnerDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

bool makeOwnerDir(const QString &path)
{
    return QDir().mkpath(path) && QFile::setPermissions(path, kOwnerDir);
}

} // namespace

FileStore::FileStore(const QString &root) : m_root(QDir::cleanPath(root))
{}

bool FileStore::open(QString *error)
{
    if (!makeOwnerDir(m_root)) {
        *error = QStringLiteral("cannot create %1").arg(m_root);
        return false;
    }
    for (const char *sub : {"blobs", "partial"}) {
        const QString path = m_root + QLatin1Char('/') + QLatin1String(sub);
        if (!makeOwnerDir(path)) {
            *error = QStringLiteral("cannot create %1").arg(path);
            return false;
        }
    }
    return true;
}

bool FileStore::isSha256Hex(const QString &text)
{
    return natter::isSha256Hex(text);
}

bool FileStore::isUploadId(const QString &text)
{
    return isFileId(text); // the same form: 32 lower-case hex digits
}

QString FileStore::newUploadId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

bool FileStore::hasBlob(const QString &sha256Hex) const
{
    return isSha256Hex(sha256Hex) && QFileInfo::exists(blobPath(sha256Hex));
}

QString FileStore::blobPath(const QString &sha256Hex) const
{
    Q_ASSERT(isSha256Hex(sha256Hex));
    // Two hex digits of fan-out: a million files make 256 folders of about 4,000.
    return m_root + QStringLiteral("/blobs/") + sha256Hex.left(2) + QLatin1Char('/') + sha256Hex;
}

QString FileStore::partialPath(const QString &uploadId) const
{
    Q_ASSERT(isUploadId(uploadId));
    return m_root + QStringLiteral("/partial/") + uploadId + QStringLiteral(".part");
}

qint64 FileStore::partialBytes(const QString &uploadId) const
{
    if (!isUploadId(uploadId))
        return -1;
    const QFileInfo info(partialPath(uploadId));
    return info.exists() ? info.size() : -1;
}

bool FileStore::removePartial(const QString &uploadId)
{
    return isUploadId(uploadId) && QFile::remove(partialPath(uploadId));
}

bool FileStore::removeBlob(const QString &sha256Hex)
{
    return isSha256Hex(sha256Hex) && QFile::remove(blobPath(sha256Hex));
}

bool FileStore::promote(const QString &uploadId, const QString &sha256Hex, QString *error)
{
    if (!isUploadId(uploadId) || !isSha256Hex(sha256Hex)) {
        *error = QStringLiteral("bad upload id or hash");
        return false;
    }
    const QString target = blobPath(sha256Hex);
    if (QFileInfo::exists(target)) {
        removePartial(uploadId); // the same content is stored already
        return true;
    }
    if (!makeOwnerDir(QFileInfo(target).path())) {
        *error = QStringLiteral("cannot create the folder of %1").arg(target);
        return false;
    }
    // A rename within one file system: the blob appears whole or not at all.
    if (!QFile::rename(partialPath(uploadId), target)) {
        *error = QStringLiteral("cannot move the upload to %1").arg(target);
        return false;
    }
    return true;
}

QString FileStore::sniffMime(const QString &sha256Hex) const
{
    QFile file(blobPath(sha256Hex));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("application/octet-stream");
    // Reads only the first bytes (the magic numbers), whatever the file's size.
    return QMimeDatabase().mimeTypeForData(&file).name();
}

qint64 FileStore::freeBytes() const
{
    return QStorageInfo(m_root).bytesAvailable();
}

} // namespace natter
