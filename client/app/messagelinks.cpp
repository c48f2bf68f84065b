#include "messagelinks.h"

#include <QRegularExpression>

namespace natter::client::links {

bool isOpenable(const QUrl &url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return !url.host().isEmpty();
    return scheme == QLatin1String("mailto") && !url.path().isEmpty();
}

QList<Link> find(const QString &text)
{
    // Up to white space, quotes, angle brackets or a bidi control (a link must not carry one
    // that reorders what it shows). Trailing punctuation belongs to the sentence.
    static const QRegularExpression candidate(
        QStringLiteral("\\b(?:https?://|mailto:)[^\\s<>\"\\x{2028}\\x{2029}\\x{200E}\\x{200F}"
                       "\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]+"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QList<Link> found;
    for (auto it = candidate.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString s = m.captured();
        while (!s.isEmpty()) {
            const QChar last = s.back();
            if (QStringLiteral(".,;:!?'").contains(last) ||
                (last == QLatin1Char(')') && s.count(QLatin1Char(')')) > s.count(QLatin1Char('('))))
                s.chop(1);
            else
                break;
        }
        const QUrl url(s, QUrl::StrictMode);
        if (isOpenable(url))
            found.append(Link{int(m.capturedStart()), int(s.size()), url});
    }
    return found;
}

} // namespace natter::client::links
