#include "searchfilters.h"

#include <QDate>
#include <QDateTime>

namespace natter::client {

namespace {

struct Key
{
    QLatin1String name;
    SearchFilter::Kind kind;
};

constexpr Key kKeys[] = {
    {QLatin1String("from"), SearchFilter::Kind::From},
    {QLatin1String("in"), SearchFilter::Kind::In},
    {QLatin1String("before"), SearchFilter::Kind::Before},
    {QLatin1String("after"), SearchFilter::Kind::After},
};

bool parseFilter(const QString &token, SearchFilter *filter)
{
    const qsizetype colon = token.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == token.size() - 1)
        return false;
    const QString key = token.left(colon).toLower();
    for (const Key &k : kKeys) {
        if (key == k.name) {
            *filter = SearchFilter{k.kind, token.mid(colon + 1)};
            return true;
        }
    }
    return false;
}

} // namespace

QString SearchFilter::token() const
{
    for (const Key &k : kKeys) {
        if (k.kind == kind)
            return k.name + QLatin1Char(':') + value;
    }
    return value;
}

SearchInput parseSearchInput(const QString &text)
{
    SearchInput in;
    QStringList words;
    QString rest;
    qsizetype i = 0;
    bool inQuote = false;
    while (i < text.size()) {
        // A token: up to the next space outside double quotes (a quoted phrase stays whole).
        qsizetype end = i;
        while (end < text.size() && (inQuote || !text.at(end).isSpace())) {
            if (text.at(end) == QLatin1Char('"'))
                inQuote = !inQuote;
            ++end;
        }
        const QString token = text.mid(i, end - i);
        qsizetype next = end;
        while (next < text.size() && text.at(next).isSpace())
            ++next;
        SearchFilter filter;
        if (!token.isEmpty() && !token.startsWith(QLatin1Char('"')) &&
            parseFilter(token, &filter)) {
            in.filters.append(filter);
            if (end < text.size()) // a space after it: finished
                in.finished.append(filter);
            else
                rest += token;
        } else {
            words.append(token);
            rest += text.mid(i, next - i);
        }
        i = next;
    }
    in.words = words.join(QLatin1Char(' ')).trimmed();
    // A query ending with a space asks for whole words (no prefix): keep that.
    if (!in.words.isEmpty() && !text.isEmpty() && text.back().isSpace() &&
        (words.isEmpty() || !words.back().isEmpty()))
        in.words += QLatin1Char(' ');
    in.rest = rest;
    return in;
}

qint64 startOfLocalDay(const QString &day)
{
    const QDate date = QDate::fromString(day, Qt::ISODate);
    if (!date.isValid())
        return 0;
    return date.startOfDay().toMSecsSinceEpoch();
}

} // namespace natter::client
