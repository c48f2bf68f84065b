#include "serverconfig.h"

#include <array>
#include <utility>

namespace natter::server {
namespace {

constexpr std::array<std::pair<PasswordCost, QLatin1String>, 3> kCostNames{{
    {PasswordCost::Interactive, QLatin1String("interactive")},
    {PasswordCost::Moderate, QLatin1String("moderate")},
    {PasswordCost::Min, QLatin1String("min")},
}};

constexpr std::array<std::pair<LogLevel, QLatin1String>, 4> kLevelNames{{
    {LogLevel::Debug, QLatin1String("debug")},
    {LogLevel::Info, QLatin1String("info")},
    {LogLevel::Warning, QLatin1String("warning")},
    {LogLevel::Error, QLatin1String("error")},
}};

constexpr std::array<std::pair<Registration, QLatin1String>, 2> kRegistrationNames{{
    {Registration::Open, QLatin1String("open")},
    {Registration::Closed, QLatin1String("closed")},
}};

template <typename Table, typename Enum> QString nameIn(const Table &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return name;
    }
    return {};
}

template <typename Table, typename Enum>
bool valueIn(const Table &table, const QString &name, Enum *out)
{
    for (const auto &[v, n] : table) {
        if (name.compare(n, Qt::CaseInsensitive) == 0) {
            *out = v;
            return true;
        }
    }
    return false;
}

} // namespace

QString registrationName(Registration mode)
{
    return nameIn(kRegistrationNames, mode);
}
bool registrationFromName(const QString &name, Registration *mode)
{
    return valueIn(kRegistrationNames, name, mode);
}

QString passwordCostName(PasswordCost cost)
{
    return nameIn(kCostNames, cost);
}
bool passwordCostFromName(const QString &name, PasswordCost *cost)
{
    return valueIn(kCostNames, name, cost);
}

QString logLevelName(LogLevel level)
{
    return nameIn(kLevelNames, level);
}
bool logLevelFromName(const QString &name, LogLevel *level)
{
    return valueIn(kLevelNames, name, level);
}

bool parseListenAddress(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0 || colon == text.size() - 1)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint value = text.mid(colon + 1).toUInt(&portOk);
    if (!portOk || value > 65535)
        return false;
    QHostAddress parsed;
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host))
        return false;
    *address = parsed;
    *port = quint16(value);
    return true;
}

QString hostForUrl(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + address.toString() + QLatin1Char(']');
    return address.toString();
}

} // namespace natter::server
