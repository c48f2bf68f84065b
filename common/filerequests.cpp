#include "filerequests.h"

#include "fileinfo.h"
#include "filename.h"
#include "jsonread.h"

#include <QJsonValue>

namespace natter {
namespace {

// Larger than any configurable max-file-bytes; exact as a JSON number.
constexpr qint64 kMaxSize = qint64(1) << 50;

void checkHex(JsonReader &r, const QString &value, const QString &field, bool sha)
{
    if (r.ok() && !(sha ? isSha256Hex(value) : isFileId(value)))
        r.fail(ErrorCode::BadRequest,
               QStringLiteral("%1 is %2 lower-case hex digits").arg(field).arg(sha ? 64 : 32),
               field);
}

} // namespace

QJsonObject FileBeginRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("conversation_id"), QJsonValue(double(conversationId))},
                  {QStringLiteral("name"), name},
                  {QStringLiteral("size"), QJsonValue(double(size))},
                  {QStringLiteral("sha256"), sha256}};
    if (!uploadId.isEmpty())
        o.insert(QStringLiteral("upload_id"), uploadId);
    return o;
}

std::optional<FileBeginRequest> FileBeginRequest::fromJson(const QJsonObject &o,
                                                           ProtocolError *error)
{
    JsonReader r(o);
    FileBeginRequest q;
    q.conversationId = r.id(QStringLiteral("conversation_id"));
    // Characters first (cheap); checkFileName then counts UTF-8 bytes.
    q.name = r.string(QStringLiteral("name"), 0, validation::kMaxFileNameBytes);
    q.size = r.integer(QStringLiteral("size"), 1, kMaxSize);
    q.sha256 = r.string(QStringLiteral("sha256"), 0, 64);
    checkHex(r, q.sha256, QStringLiteral("sha256"), true);
    q.uploadId = r.optString(QStringLiteral("upload_id"), 32);
    if (!q.uploadId.isEmpty())
        checkHex(r, q.uploadId, QStringLiteral("upload_id"), false);
    if (r.ok()) {
        if (const auto problem = validation::checkFileName(q.name))
            r.fail(problem->code, problem->message, problem->field);
    }
    return r.result(q, error);
}

QJsonObject FileEndRequest::toJson() const
{
    return {{QStringLiteral("upload_id"), uploadId}};
}

std::optional<FileEndRequest> FileEndRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    FileEndRequest q;
    q.uploadId = r.string(QStringLiteral("upload_id"), 0, 32);
    checkHex(r, q.uploadId, QStringLiteral("upload_id"), false);
    return r.result(q, error);
}

QJsonObject FileGetRequest::toJson() const
{
    QJsonObject o{{QStringLiteral("file_id"), fileId}};
    if (offset > 0)
        o.insert(QStringLiteral("offset"), QJsonValue(double(offset)));
    return o;
}

std::optional<FileGetRequest> FileGetRequest::fromJson(const QJsonObject &o, ProtocolError *error)
{
    JsonReader r(o);
    FileGetRequest q;
    q.fileId = r.string(QStringLiteral("file_id"), 0, 32);
    checkHex(r, q.fileId, QStringLiteral("file_id"), false);
    q.offset = r.optInteger(QStringLiteral("offset"), 0, kMaxSize, 0);
    return r.result(q, error);
}

} // namespace natter
