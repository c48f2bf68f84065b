#pragma once
// Where file contents live: ROOT/blobs/ab/<sha256 hex> (content-addressed, so identical files
// are stored once) and ROOT/partial/<upload id>.part (uploads not finished yet, kept across
// restarts so they resume). Every path is made here from a SHA-256 or an upload id that was
// checked first; nothing a client names ever becomes a path.

#include <QByteArray>
#include <QString>

namespace natter {

class FileStore final
{
public:
    explicit FileStore(const QString &root);

    // Creates the folders; false (and why) when it cannot.
    bool open(QString *error);

    // 64 lower-case hex digits.
    static bool isSha256Hex(const QString &text);
    // An upload id as newUploadId makes them: 32 lower-case hex digits (128 random bits).
    static bool isUploadId(const QString &text);
    static QString newUploadId();

    bool hasBlob(const QString &sha256Hex) const;
    QString blobPath(const QString &sha256Hex) const;
    QString partialPath(const QString &uploadId) const;
    // Bytes of an unfinished upload on disk; -1 when there is none.
    qint64 partialBytes(const QString &uploadId) const;
    bool removePartial(const QString &uploadId);
    bool removeBlob(const QString &sha256Hex);
    // Moves a finished, verified partial file to its blob path (or drops it when that content
    // is already stored).
    bool promote(const QString &uploadId, const QString &sha256Hex, QString *error);

    // The content type sniffed from a stored blob's first bytes, never from a name or a client.
    QString sniffMime(const QString &sha256Hex) const;
    // Free bytes on the file system holding the store.
    qint64 freeBytes() const;

private:
    QString m_root;
};

} // namespace natter
