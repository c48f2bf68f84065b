#include "fileinfo.h"

#include "filename.h"
#include "jsonread.h"

#include <QJsonValue>

namespace natter {
namespace {

bool isLowerHex(const QString &text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// Larger than any configurable max-file-bytes, exact as a JSON number.
constexpr qint64 kMaxWireSize = qint64(1) << 50;

} // namespace

bool isFileId(const QString &text)
{
    return isLowerHex(text, 32);
}

bool isSha256Hex(const QString &text)
{
    return isLowerHex(text, 64);
}

QJsonObject FileInfo::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("size"), QJsonValue(double(size))},
            {QStringLiteral("mime"), mime},
            {QStringLiteral("sha256"), sha256}};
}

std::optional<FileInfo> FileInfo::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    FileInfo f;
    f.id = r.string(QStringLiteral("id"), 32, 32);
    f.name = r.string(QStringLiteral("name"), 1, validation::kMaxFileNameBytes);
    f.size = r.integer(QStringLiteral("size"), 0, kMaxWireSize);
    f.mime = r.string(QStringLiteral("mime"), 1, 255);
    f.sha256 = r.string(QStringLiteral("sha256"), 64, 64);
    if (r.ok() && (!isFileId(f.id) || !isSha256Hex(f.sha256)))
        return std::nullopt;
    if (r.ok() && validation::checkFileName(f.name))
        return std::nullopt;
    return r.ok() ? std::optional<FileInfo>(f) : std::nullopt;
}

} // namespace natter
