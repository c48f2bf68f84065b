#include "filename.h"

namespace natter::validation {
namespace {

ProtocolError badName(const QString &why)
{
    return ProtocolError::make(ErrorCode::BadRequest, why, QStringLiteral("name"));
}

} // namespace

std::optional<ProtocolError> checkFileName(const QString &name)
{
    if (name.isEmpty())
        return badName(QStringLiteral("a file name may not be empty"));
    if (!name.isValidUtf16())
        return badName(QStringLiteral("a file name must be valid Unicode"));
    if (name.toUtf8().size() > kMaxFileNameBytes)
        return badName(
            QStringLiteral("a file name is at most %1 UTF-8 bytes").arg(kMaxFileNameBytes));
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            return badName(QStringLiteral("a file name may not contain control characters"));
        if (u == u'/' || u == u'\\')
            return badName(QStringLiteral("a file name may not contain / or \\"));
    }
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return badName(QStringLiteral("a file name may not be . or .."));
    return std::nullopt;
}

} // namespace natter::validation
