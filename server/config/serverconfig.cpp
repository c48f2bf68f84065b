#include "serverconfig.h"

#include <array>
#include <utility>

#include <unistd.h>

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

qint64 defaultMaxOutboundTotalBytes()
{
    constexpr qint64 kMin = qint64(64) << 20;
    constexpr qint64 kMax = qint64(1) << 30;
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return kMax / 4; // unknown: something a small machine survives
    return qBound(kMin, qint64(pages) * qint64(pageSize) / 4, kMax);
}

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

bool parseTrustedProxies(const QString &text, QList<QPair<QHostAddress, int>> *subnets)
{
    QList<QPair<QHostAddress, int>> parsed;
    const QStringList items = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &raw : items) {
        const QString item = raw.trimmed();
        if (item.isEmpty())
            continue;
        QPair<QHostAddress, int> subnet;
        if (item.contains(u'/')) {
            subnet = QHostAddress::parseSubnet(item);
            if (subnet.first.isNull() || subnet.second < 0)
                return false;
        } else {
            if (!subnet.first.setAddress(item))
                return false;
            subnet.second = subnet.first.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        }
        parsed.append(subnet);
    }
    *subnets = parsed;
    return true;
}

QString trustedProxiesText(const QList<QPair<QHostAddress, int>> &subnets)
{
    QStringList items;
    for (const auto &[address, prefix] : subnets)
        items.append(address.toString() + QLatin1Char('/') + QString::number(prefix));
    return items.join(QLatin1Char(','));
}

bool isTrustedProxy(const QList<QPair<QHostAddress, int>> &subnets, const QHostAddress &peer)
{
    if (subnets.isEmpty())
        return false;
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d.
    QHostAddress address = peer;
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        address = QHostAddress(v4);
    for (const auto &subnet : subnets) {
        if (address.isInSubnet(subnet))
            return true;
    }
    return false;
}

QString hostForUrl(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + address.toString() + QLatin1Char(']');
    return address.toString();
}

} // namespace natter::server
