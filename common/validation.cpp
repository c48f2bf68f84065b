#include "validation.h"

#include "protocollimits.h"

#include <QFile>
#include <QSet>
#include <QStringView>

namespace natter::validation {
namespace {

// Unicode's control characters (general category Cc): C0, DEL and C1. Tab and newline are
// text. C1 (U+0080-U+009F) includes NEL (U+0085) and CSI (U+009B), which terminals and some
// renderers act on.
bool isControl(char16_t u)
{
    if (u == u'\n' || u == u'\t')
        return false;
    return u < 0x20 || (u >= 0x7f && u <= 0x9f);
}

// The list ships as a resource (commonpasswords.txt): read once, lower case.
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = []() {
        QSet<QString> set;
        QFile file(QStringLiteral(":/natter/common/commonpasswords.txt"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("natter: the common password list is missing from the build");
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(u'#'))
                set.insert(line.toLower());
        }
        return set;
    }();
    return list;
}

} // namespace

std::optional<ProtocolError> checkUsername(const QString &username)
{
    const QString field = QStringLiteral("username");
    if (username.size() < limits::kMinUsernameChars || username.size() > limits::kMaxUsernameChars)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("username must have %1 to %2 characters")
                                       .arg(limits::kMinUsernameChars)
                                       .arg(limits::kMaxUsernameChars),
                                   field);
    for (qsizetype i = 0; i < username.size(); ++i) {
        const QChar c = username.at(i);
        const bool alnum = c.unicode() < 128 && c.isLetterOrNumber();
        const bool punct = c == u'_' || c == u'.' || c == u'-';
        if (!alnum && !(punct && i > 0))
            return ProtocolError::make(
                ErrorCode::BadRequest,
                QStringLiteral("username may use only letters, digits, '_', '.' and '-', "
                               "and must start with a letter or digit"),
                field);
    }
    return std::nullopt;
}

std::optional<ProtocolError> checkPassword(const QString &password)
{
    if (password.size() < limits::kMinPasswordChars || password.size() > limits::kMaxPasswordChars)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("password must have %1 to %2 characters")
                                       .arg(limits::kMinPasswordChars)
                                       .arg(limits::kMaxPasswordChars),
                                   QStringLiteral("password"));
    if (password.trimmed().isEmpty())
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("password must not be only spaces"),
                                   QStringLiteral("password"));
    if (isCommonPassword(password))
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("password is one of the most common passwords; "
                                                  "choose another"),
                                   QStringLiteral("password"));
    return std::nullopt;
}

bool isCommonPassword(const QString &password)
{
    return commonPasswords().contains(password.toLower());
}

std::optional<ProtocolError> checkContent(const QString &content, const QString &field)
{
    if (!QStringView(content).isValidUtf16())
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("text is not valid Unicode"), field);
    bool onlySpace = true;
    for (const QChar c : content) {
        const char16_t u = c.unicode();
        if (isControl(u))
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("text may not contain control characters"),
                                       field);
        if (!c.isSpace())
            onlySpace = false;
    }
    if (onlySpace)
        return ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("text is empty"), field);
    if (content.toUtf8().size() > limits::kMaxContentBytes)
        return ProtocolError::make(
            ErrorCode::TooLarge,
            QStringLiteral("text is longer than %1 bytes").arg(limits::kMaxContentBytes), field);
    return std::nullopt;
}

std::optional<ProtocolError> checkGroupName(const QString &name)
{
    const QString field = QStringLiteral("name");
    if (name.size() > limits::kMaxGroupNameChars)
        return ProtocolError::make(ErrorCode::TooLarge,
                                   QStringLiteral("a group name has at most %1 characters")
                                       .arg(limits::kMaxGroupNameChars),
                                   field);
    if (name.contains(u'\t') || name.contains(u'\n'))
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("text may not contain control characters"),
                                   field);
    if (name.isEmpty())
        return ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("text is empty"), field);
    return checkContent(name, field);
}

} // namespace natter::validation
