#pragma once
// Where a file connection (/v1/files) hands its work: signing in with a session token, an
// upload's chunks, a download's bytes. The transport implements the connection (FileSession:
// frames, pacing, limits); the services implement this (FileService: the rules, the store,
// the disk). The app wires the two, so neither includes the other.

#include "errorcode.h"
#include "filerequests.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace natter::server {

// One upload in progress: its bytes go to disk as they arrive (one chunk of memory). A sink
// and a source touch only their file, never the store: a file connection uses them on a
// thread of its own (filesessions.h), everything else here on the server's main thread.
class UploadSink
{
public:
    virtual ~UploadSink() = default;
    virtual QString uploadId() const = 0;
    virtual qint64 offset() const = 0;
    // bad_request past the announced size; internal when the disk write failed.
    virtual std::optional<ProtocolError> append(const QByteArray &chunk) = 0;
    // A resumed upload's bytes so far must be read and hashed before it goes on: up to the
    // whole file, so the caller runs hashExisting() on a worker thread and touches the sink
    // nowhere else until it returns (false: the disk read failed).
    virtual bool needsHashing() const = 0;
    virtual bool hashExisting() = 0;
};

// One download: the file's bytes from an offset, read a chunk at a time when asked.
class DownloadSource
{
public:
    virtual ~DownloadSource() = default;
    virtual qint64 remaining() const = 0;
    // At most `max` bytes; empty at the end or when the disk read failed.
    virtual QByteArray read(qint64 max) = 0;
};

class FileTransfers
{
public:
    virtual ~FileTransfers() = default;

    struct SignedIn
    {
        qint64 userId = 0;
        QByteArray tokenHash;
        std::optional<ProtocolError> error;
    };
    virtual SignedIn signIn(const QString &token) = 0;
    // False once the token was revoked or expired (a database that cannot answer is not a
    // revocation: the transfer goes on until it answers).
    virtual bool stillSignedIn(const QByteArray &tokenHash) = 0;

    struct Began
    {
        std::unique_ptr<UploadSink> sink;
        QJsonObject reply; // upload_id, offset
        std::optional<ProtocolError> error;
    };
    virtual Began beginUpload(qint64 userId, const FileBeginRequest &request) = 0;

    struct Ended
    {
        QJsonObject reply; // file
        std::optional<ProtocolError> error;
        bool resumable = false; // with an error: the upload can go on (incomplete)
    };
    // `sink` is the connection's upload with the request's id.
    virtual Ended endUpload(qint64 userId, UploadSink &sink) = 0;
    // An upload still receiving bytes: its window before unfinished uploads are collected
    // starts again. Called at most every kKeepUploadEveryMs while bytes arrive (best effort).
    static constexpr qint64 kKeepUploadEveryMs = 60'000;
    virtual void keepUpload(const QString &uploadId) = 0;

    struct Opened
    {
        std::unique_ptr<DownloadSource> source;
        QJsonObject reply; // file, offset
        std::optional<ProtocolError> error;
    };
    virtual Opened openDownload(qint64 userId, const FileGetRequest &request) = 0;
};

} // namespace natter::server
