#pragma once
// The requests of a file connection (docs/protocol.md "Files"): file_begin, file_end and
// file_get, sent as text frames on ws://HOST:PORT/v1/files after `auth`. They are not
// RequestTypes of the chat socket (which never carries them), so they are decoded here.

#include "errorcode.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace natter {

namespace files {
inline constexpr char kPath[] = "/v1/files";
// The binary frames of a transfer; a client learns both from the reply to file_begin.
inline constexpr qint64 kChunkBytes = 256 * 1024;
inline constexpr int kWindowChunks = 4;
} // namespace files

struct FileBeginRequest
{
    qint64 conversationId = 0;
    QString name;
    qint64 size = 0;
    QString sha256;
    QString uploadId; // set to resume
    QJsonObject toJson() const;
    static std::optional<FileBeginRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct FileEndRequest
{
    QString uploadId;
    QJsonObject toJson() const;
    static std::optional<FileEndRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

struct FileGetRequest
{
    QString fileId;
    qint64 offset = 0;
    QJsonObject toJson() const;
    static std::optional<FileGetRequest> fromJson(const QJsonObject &o, ProtocolError *error);
};

} // namespace natter
