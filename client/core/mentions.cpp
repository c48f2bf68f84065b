#include "mentions.h"

namespace natter::client::mentions {
namespace {

bool isNameChar(QChar c)
{
    return (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'_' || c == u'.' || c == u'-';
}

// Whether `@` at `at` may start a mention: at the start or after something not part of a name
// (an e-mail address's `@` follows a name character).
bool startsWord(const QString &text, int at)
{
    return at == 0 || !isNameChar(text.at(at - 1));
}

// Whether a name ending before `end` ends there: a '.' or '-' may close a sentence ("@bob."),
// but only when no further name character follows it.
bool endsName(const QString &text, int end)
{
    if (end >= text.size())
        return true;
    const QChar c = text.at(end);
    if (!isNameChar(c))
        return true;
    if (c != u'.' && c != u'-')
        return false;
    return end + 1 >= text.size() || !isNameChar(text.at(end + 1));
}

} // namespace

QList<TextRange> rangesOf(const QString &text, const QString &username)
{
    QList<TextRange> out;
    if (username.isEmpty())
        return out;
    const int n = int(username.size());
    for (int at = int(text.indexOf(u'@')); at >= 0; at = int(text.indexOf(u'@', at + 1))) {
        if (!startsWord(text, at) ||
            QStringView(text).mid(at + 1, n).compare(username, Qt::CaseInsensitive) != 0 ||
            !endsName(text, at + 1 + n))
            continue;
        out.append({at, n + 1});
    }
    return out;
}

bool mentions(const QString &text, const QString &username)
{
    return !rangesOf(text, username).isEmpty();
}

Typed typedAt(const QString &text, int cursor)
{
    cursor = qBound(0, cursor, int(text.size()));
    int at = cursor;
    while (at > 0 && isNameChar(text.at(at - 1)))
        --at;
    if (at == 0 || text.at(at - 1) != u'@' || !startsWord(text, at - 1))
        return {};
    return {at - 1, text.mid(at, cursor - at)};
}

} // namespace natter::client::mentions
