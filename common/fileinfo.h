#pragma once
// A stored file as the wire shows it (docs/protocol.md "Files"): the `file` object of a
// Message and of the replies to file_end and file_get. Its own file so that Message and the
// file requests share it without growing types.h.

#include <QJsonObject>
#include <QString>

#include <optional>

namespace natter {

struct FileInfo
{
    QString id;   // 32 lower-case hex digits, random (unguessable)
    QString name; // display text only (validation::checkFileName), never a path
    qint64 size = 0;
    QString mime;   // sniffed by the server from the bytes
    QString sha256; // 64 lower-case hex digits

    QJsonObject toJson() const;
    static std::optional<FileInfo> fromJson(const QJsonObject &object);
    friend bool operator==(const FileInfo &, const FileInfo &) = default;
};

// 32 lower-case hex digits (a file id or an upload id).
bool isFileId(const QString &text);
// 64 lower-case hex digits.
bool isSha256Hex(const QString &text);

} // namespace natter
