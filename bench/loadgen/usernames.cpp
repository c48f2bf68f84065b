#include "usernames.h"

#include "jsonscan.h"

#include <algorithm>

namespace bench {

QString userName(const QString &prefix, qint64 index)
{
    const int digits = int(std::max<qsizetype>(1, 3 - prefix.size()));
    return prefix + QStringLiteral("%1").arg(index, digits, 10, QLatin1Char('0'));
}

int userIndexOf(QStringView name, const QString &prefix, int users)
{
    if (!name.startsWith(prefix))
        return -1;
    qsizetype pos = prefix.size();
    qint64 n = 0;
    if (!jsonscan::readInteger(name, &pos, &n) || pos != name.size() || n >= users)
        return -1;
    // Without building the name: as many digits as userName() pads to.
    qsizetype digits = 1;
    for (qint64 rest = n / 10; rest > 0; rest /= 10)
        ++digits;
    digits = std::max<qsizetype>(digits, 3 - prefix.size());
    return name.size() - prefix.size() == digits ? int(n) : -1;
}

} // namespace bench
