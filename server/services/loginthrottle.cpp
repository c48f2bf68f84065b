#include "loginthrottle.h"

#include <algorithm>

namespace natter::server {

qint64 LoginThrottle::waitFor(const QHash<QString, Failures> &table, const QString &key, int free,
                              qint64 now) const
{
    const auto it = table.constFind(key);
    if (it == table.constEnd() || it->count < free || now - it->last >= kForgetAfterMs)
        return 0;
    const int doublings = std::min(it->count - free, 20);
    const qint64 delay = std::min<qint64>(kMaxDelayMs, qint64(1000) << doublings);
    return std::max<qint64>(0, it->last + delay - now);
}

qint64 LoginThrottle::waitMs(const QString &username, const QString &address, qint64 now) const
{
    return std::max(waitFor(m_byUser, username.toLower(), kFreeFailuresPerUser, now),
                    waitFor(m_byAddress, address, kFreeFailuresPerAddress, now));
}

void LoginThrottle::note(QHash<QString, Failures> &table, const QString &key, qint64 now)
{
    // Bounded memory under a flood of made-up usernames: drop what is forgotten anyway.
    if (table.size() > 10'000)
        table.removeIf(
            [now](const auto &entry) { return now - entry.value().last >= kForgetAfterMs; });
    Failures &f = table[key];
    if (now - f.last >= kForgetAfterMs)
        f.count = 0;
    ++f.count;
    f.last = now;
}

void LoginThrottle::touch(QHash<QString, Failures> &table, const QString &key, qint64 now)
{
    const auto it = table.find(key);
    if (it != table.end())
        it->last = std::max(it->last, now);
}

void LoginThrottle::unnote(QHash<QString, Failures> &table, const QString &key)
{
    const auto it = table.find(key);
    if (it == table.end())
        return;
    if (--it->count <= 0)
        table.erase(it);
}

qint64 LoginThrottle::reserve(const QString &username, const QString &address, qint64 now)
{
    if (const qint64 wait = waitMs(username, address, now); wait > 0)
        return wait;
    note(m_byUser, username.toLower(), now);
    return 0;
}

void LoginThrottle::failed(const QString &username, const QString &address, qint64 now)
{
    touch(m_byUser, username.toLower(), now);
    note(m_byAddress, address, now);
}

void LoginThrottle::succeeded(const QString &username)
{
    m_byUser.remove(username.toLower());
}

void LoginThrottle::released(const QString &username)
{
    unnote(m_byUser, username.toLower());
}

} // namespace natter::server
