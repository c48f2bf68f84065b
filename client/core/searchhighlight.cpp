#include "searchhighlight.h"

#include "searchtext.h"

namespace natter::client {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

bool matches(const QString &folded, const SearchWords &words)
{
    if (words.whole.contains(folded))
        return true;
    for (const QString &p : words.prefixes) {
        if (folded.startsWith(p))
            return true;
    }
    return false;
}

} // namespace

SearchWords searchWordsOf(const QString &query)
{
    SearchWords out;
    ProtocolError ignored;
    const auto terms = searchtext::parseQuery(query, &ignored);
    if (!terms)
        return out;
    for (const searchtext::Term &t : *terms) {
        for (qsizetype i = 0; i < t.words.size(); ++i) {
            if (t.prefix && i == t.words.size() - 1)
                out.prefixes.append(t.words.at(i));
            else
                out.whole.append(t.words.at(i));
        }
    }
    return out;
}

QList<TextRange> matchRanges(const QString &text, const SearchWords &words)
{
    QList<TextRange> out;
    if (words.isEmpty())
        return out;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!isWordChar(text.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && isWordChar(text.at(end)))
            ++end;
        const QString run = text.mid(i, end - i);
        const QStringList folded = searchtext::words(run);
        if (folded.size() == 1) {
            if (matches(folded.front(), words))
                out.append({int(i), int(end - i)});
        } else {
            // CJK in the run: a word per character (a surrogate pair is one character).
            for (qsizetype c = i; c < end;) {
                const qsizetype len = text.at(c).isHighSurrogate() && c + 1 < end ? 2 : 1;
                const QStringList one = searchtext::words(text.mid(c, len));
                if (one.size() == 1 && matches(one.front(), words)) {
                    if (!out.isEmpty() && out.back().start + out.back().length == int(c))
                        out.back().length += int(len);
                    else
                        out.append({int(c), int(len)});
                }
                c += len;
            }
        }
        i = end;
    }
    return out;
}

} // namespace natter::client
