#include "filekinds.h"

#include <QMimeDatabase>

namespace natter::client {

namespace {

bool isOneOf(const QMimeType &type, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (type.inherits(QLatin1String(name)))
            return true;
    }
    return false;
}

bool mentions(const QString &mime, std::initializer_list<const char *> words)
{
    for (const char *word : words) {
        if (mime.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

} // namespace

FileKind fileKindOf(const QString &mime, const QString &name)
{
    const QMimeDatabase db;
    QMimeType type = db.mimeTypeForName(mime);
    const QMimeType byName = db.mimeTypeForFile(name, QMimeDatabase::MatchExtension);
    if (byName.isValid() && !byName.isDefault() &&
        (!type.isValid() || type.isDefault() || byName.inherits(type.name())))
        type = byName;
    if (!type.isValid())
        return FileKind::Other;
    const QString n = type.name();
    if (n.startsWith(QLatin1String("image/")))
        return FileKind::Image;
    if (n.startsWith(QLatin1String("video/")))
        return FileKind::Video;
    if (n.startsWith(QLatin1String("audio/")))
        return FileKind::Audio;
    if (mentions(n, {"spreadsheet", "ms-excel", "text/csv"}))
        return FileKind::Spreadsheet;
    if (mentions(n, {"presentation", "ms-powerpoint"}))
        return FileKind::Presentation;
    if (isOneOf(type, {"application/x-executable", "application/x-sharedlib",
                       "application/vnd.debian.binary-package", "application/x-rpm",
                       "application/x-msdownload", "application/x-ms-dos-executable",
                       "application/x-shellscript", "application/vnd.appimage"}))
        return FileKind::Program;
    if (n == QLatin1String("application/pdf") || n.startsWith(QLatin1String("text/")) ||
        mentions(n, {"wordprocessing", "msword", "opendocument.text", "rtf", "epub"}))
        return FileKind::Document;
    if (isOneOf(type, {"application/zip", "application/x-tar", "application/gzip",
                       "application/x-7z-compressed", "application/vnd.rar", "application/x-rar",
                       "application/x-xz", "application/x-bzip2", "application/zstd",
                       "application/x-iso9660-image"}))
        return FileKind::Archive;
    return FileKind::Other;
}

QString fileKindSymbol(FileKind kind)
{
    switch (kind) {
    case FileKind::Image:
        return QStringLiteral("🖼️");
    case FileKind::Video:
        return QStringLiteral("🎬");
    case FileKind::Audio:
        return QStringLiteral("🎵");
    case FileKind::Document:
        return QStringLiteral("📄");
    case FileKind::Spreadsheet:
        return QStringLiteral("📊");
    case FileKind::Presentation:
        return QStringLiteral("📽️");
    case FileKind::Archive:
        return QStringLiteral("🗜️");
    case FileKind::Program:
        return QStringLiteral("⚙️");
    case FileKind::Other:
        break;
    }
    return QStringLiteral("📎");
}

} // namespace natter::client
