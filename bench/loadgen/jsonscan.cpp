#include "jsonscan.h"

namespace bench::jsonscan {
namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
           c == QLatin1Char('\r');
}

qsizetype skipSpaces(QStringView text, qsizetype pos)
{
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    return pos;
}

} // namespace

qsizetype valueStart(QStringView frame, QLatin1String key, qsizetype from)
{
    qsizetype pos = from;
    while (true) {
        pos = frame.indexOf(key, pos);
        if (pos < 0)
            return -1;
        const qsizetype end = pos + key.size();
        const bool quoted = pos > 0 && frame[pos - 1] == QLatin1Char('"') && end < frame.size() &&
                            frame[end] == QLatin1Char('"');
        if (quoted) {
            const qsizetype colon = skipSpaces(frame, end + 1);
            if (colon < frame.size() && frame[colon] == QLatin1Char(':'))
                return skipSpaces(frame, colon + 1);
        }
        pos = end;
    }
}

QStringView stringField(QStringView frame, QLatin1String key, qsizetype from)
{
    const qsizetype start = valueStart(frame, key, from);
    if (start < 0 || start >= frame.size() || frame[start] != QLatin1Char('"'))
        return {};
    qsizetype pos = start + 1;
    while (pos < frame.size()) {
        const QChar c = frame[pos];
        if (c == QLatin1Char('\\'))
            pos += 2;
        else if (c == QLatin1Char('"'))
            return frame.mid(start + 1, pos - start - 1);
        else
            ++pos;
    }
    return {};
}

bool readInteger(QStringView text, qsizetype *pos, qint64 *value)
{
    qsizetype p = *pos;
    qint64 v = 0;
    const qsizetype first = p;
    while (p < text.size() && text[p] >= QLatin1Char('0') && text[p] <= QLatin1Char('9')) {
        v = v * 10 + (text[p].unicode() - '0');
        ++p;
    }
    if (p == first)
        return false;
    *pos = p;
    *value = v;
    return true;
}

std::optional<qint64> intField(QStringView frame, QLatin1String key, qsizetype from)
{
    qsizetype pos = valueStart(frame, key, from);
    if (pos < 0)
        return std::nullopt;
    const bool negative = pos < frame.size() && frame[pos] == QLatin1Char('-');
    if (negative)
        ++pos;
    qint64 value = 0;
    if (!readInteger(frame, &pos, &value))
        return std::nullopt;
    return negative ? -value : value;
}

std::optional<bool> boolField(QStringView frame, QLatin1String key, qsizetype from)
{
    const qsizetype pos = valueStart(frame, key, from);
    if (pos < 0)
        return std::nullopt;
    const QStringView rest = frame.mid(pos);
    if (rest.startsWith(QLatin1String("true")))
        return true;
    if (rest.startsWith(QLatin1String("false")))
        return false;
    return std::nullopt;
}

} // namespace bench::jsonscan
