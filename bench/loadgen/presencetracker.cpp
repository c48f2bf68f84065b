#include "presencetracker.h"

#include "jsonscan.h"

#include <algorithm>

namespace bench {
namespace {

// The span of the array value of `key` (brackets excluded), or an empty view. The entries
// are flat (user objects or numbers), so the first ']' closes the array.
QStringView arrayOf(QStringView frame, QLatin1String key)
{
    qsizetype from = 0;
    while (true) {
        const qsizetype start = jsonscan::valueStart(frame, key, from);
        if (start < 0)
            return {};
        if (start < frame.size() && frame[start] == QLatin1Char('[')) {
            const qsizetype end = frame.indexOf(QLatin1Char(']'), start);
            return end < 0 ? QStringView() : frame.mid(start + 1, end - start - 1);
        }
        from = start; // an "online": true inside a user: look further
    }
}

} // namespace

PresenceTracker::PresenceTracker(int users, const QString &prefix, QObject *parent)
    : QObject(parent), m_users(users), m_prefix(prefix), m_online(size_t(users)),
      m_count(size_t(users), 0)
{
    for (auto &list : m_online)
        list.assign(size_t(users), false);
    // A single user has nobody to wait for.
    if (m_users == 1)
        m_complete = 1;
}

int PresenceTracker::shortestList() const
{
    return m_count.empty() ? 0 : *std::min_element(m_count.cbegin(), m_count.cend());
}

int PresenceTracker::longestList() const
{
    return m_count.empty() ? 0 : *std::max_element(m_count.cbegin(), m_count.cend());
}

void PresenceTracker::setUserId(int index, qint64 userId)
{
    m_indexById.insert(userId, index);
}

int PresenceTracker::indexOfName(QStringView name) const
{
    if (!name.startsWith(m_prefix))
        return -1;
    qsizetype pos = m_prefix.size();
    qint64 n = 0;
    if (!jsonscan::readInteger(name, &pos, &n) || pos != name.size())
        return -1;
    if (n >= m_users)
        return -1;
    // Exactly as userName() pads it ("u001" is not u01), without building the name.
    qsizetype digits = 1;
    for (qint64 rest = n / 10; rest > 0; rest /= 10)
        ++digits;
    digits = std::max<qsizetype>(digits, 3 - m_prefix.size());
    return name.size() - m_prefix.size() == digits ? int(n) : -1;
}

void PresenceTracker::setOnline(int clientIndex, int userIndex, bool online)
{
    if (userIndex < 0 || userIndex == clientIndex)
        return;
    auto &list = m_online[size_t(clientIndex)];
    if (list[size_t(userIndex)] == online)
        return;
    list[size_t(userIndex)] = online;
    int &count = m_count[size_t(clientIndex)];
    const bool wasComplete = count == m_users - 1;
    count += online ? 1 : -1;
    const bool isComplete = count == m_users - 1;
    if (isComplete && !wasComplete) {
        if (++m_complete == m_users)
            emit becameComplete();
    } else if (wasComplete && !isComplete) {
        --m_complete;
    }
}

void PresenceTracker::apply(int clientIndex, QStringView frame)
{
    if (clientIndex < 0 || clientIndex >= m_users)
        return;
    ++m_frames;
    if (jsonscan::boolField(frame, QLatin1String("snapshot")).value_or(false) &&
        m_count[size_t(clientIndex)] > 0) {
        auto &list = m_online[size_t(clientIndex)];
        for (int i = 0; i < m_users; ++i) {
            if (list[size_t(i)])
                setOnline(clientIndex, i, false);
        }
    }
    const QStringView online = arrayOf(frame, QLatin1String("online"));
    qsizetype pos = 0;
    while (true) {
        const QStringView name = jsonscan::stringField(online, QLatin1String("username"), pos);
        if (name.isNull())
            break;
        ++m_entries;
        setOnline(clientIndex, indexOfName(name), true);
        pos = (name.data() - online.data()) + name.size();
    }
    const QStringView offline = arrayOf(frame, QLatin1String("offline"));
    pos = 0;
    while (pos < offline.size()) {
        qint64 id = 0;
        if (jsonscan::readInteger(offline, &pos, &id)) {
            ++m_entries;
            setOnline(clientIndex, m_indexById.value(id, -1), false);
        } else {
            ++pos;
        }
    }
}

} // namespace bench
