#include "payload.h"

#include "clientid.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace bench::payload {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendHex(QString *out, quint64 value, int digits)
{
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out->append(QLatin1Char(kHex[(value >> shift) & 0xf]));
}

void pad(QString *out)
{
    while (out->size() < kContentChars)
        out->append(QLatin1Char('x'));
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9')
        return u - '0';
    if (u >= 'a' && u <= 'f')
        return u - 'a' + 10;
    return -1;
}

} // namespace

QString timedContent(qint64 stampNs, quint64 seq)
{
    QString out;
    out.reserve(kContentChars);
    out.append(QLatin1Char('t'));
    appendHex(&out, quint64(stampNs), 16);
    out.append(QLatin1Char('-'));
    appendHex(&out, seq, 8);
    out.append(QLatin1Char('-'));
    pad(&out);
    return out;
}

std::optional<qint64> stampOf(QStringView content)
{
    if (content.size() < 17 || content[0] != QLatin1Char('t'))
        return std::nullopt;
    quint64 value = 0;
    for (int i = 1; i <= 16; ++i) {
        const int digit = hexValue(content[i]);
        if (digit < 0)
            return std::nullopt;
        value = (value << 4) | quint64(digit);
    }
    return qint64(value);
}

QString fillContent(qint64 seq)
{
    QString out = QStringLiteral("h%1-").arg(seq);
    pad(&out);
    return out;
}

std::optional<qint64> fillSeqOf(QStringView content)
{
    if (content.size() < 2 || content[0] != QLatin1Char('h'))
        return std::nullopt;
    const qsizetype dash = content.indexOf(QLatin1Char('-'));
    bool ok = false;
    const qint64 seq = content.mid(1, dash < 0 ? -1 : dash - 1).toLongLong(&ok);
    return ok ? std::optional<qint64>(seq) : std::nullopt;
}

QString newClientId()
{
    // As the app makes them (common/clientid.h: time first, so the server's index on them
    // grows at its end), from a generator seeded once from the system: QUuid::createUuid()
    // and QRandomGenerator::global() read the system source on every call.
    static QRandomGenerator64 generator = []() {
        quint32 seed[8];
        QRandomGenerator::system()->fillRange(seed);
        return QRandomGenerator64(seed, 8);
    }();
    const quint64 high = generator.generate();
    const quint64 low = generator.generate();
    return natter::clientIdAt(QDateTime::currentMSecsSinceEpoch(), high, low)
        .toString(QUuid::WithoutBraces);
}

} // namespace bench::payload
