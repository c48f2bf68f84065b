#include "filecache.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace natter::client {

QString safeFileName(const QString &name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        if (c == u'/' || c == u'\\' || c == u':' || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format)
            safe.append(u'_');
        else
            safe.append(c);
    }
    while (safe.startsWith(u'.') || safe.startsWith(u' '))
        safe.remove(0, 1);
    safe = safe.trimmed().left(200);
    return safe.isEmpty() ? QStringLiteral("file") : safe;
}

QString cachedFilePath(const QString &profile, const QString &fileId, const QString &name)
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    // fileId is checked to be hex by the caller's source (the server); keep it safe anyway.
    return QDir(cache).filePath(
        QStringLiteral("natter/profiles/%1/files/%2/%3")
            .arg(safeFileName(profile), safeFileName(fileId), safeFileName(name)));
}

QString pastedImagesFolder(const QString &profile)
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return QDir(cache).filePath(
        QStringLiteral("natter/profiles/%1/pasted").arg(safeFileName(profile)));
}

QString existingCachedFile(const QString &profile, const QString &fileId, const QString &name)
{
    const QString path = cachedFilePath(profile, fileId, name);
    return QFileInfo(path).isFile() ? path : QString();
}

} // namespace natter::client
