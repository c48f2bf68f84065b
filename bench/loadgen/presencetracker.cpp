#include "presencetracker.h"

#include "jsonscan.h"
#include "usernames.h"

#include <algorithm>
#include <climits>

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

qint64 utf8Length(QStringView text)
{
    qint64 bytes = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // A surrogate pair is 4 bytes: 2 per half.
        bytes += u < 0x80 ? 1 : u < 0x800 ? 2 : c.isSurrogate() ? 2 : 3;
    }
    return bytes;
}

} // namespace

PresenceTracker::PresenceTracker(int users, const QString &prefix, QObject *parent)
    : QObject(parent), m_users(users), m_prefix(prefix), m_idOf(size_t(users), 0),
      m_opening(size_t(users), false)
{
    m_lists.reserve(size_t(users));
    for (int i = 0; i < users; ++i) {
        m_lists.emplace_back();
        m_lists.back().members = MemberSet(users);
    }
}

void PresenceTracker::setUserId(int index, qint64 userId)
{
    if (index < 0 || index >= m_users || m_idOf[size_t(index)] == userId)
        return;
    m_idOf[size_t(index)] = userId;
    m_indexById.insert(userId, index);
}

void PresenceTracker::watch(int index, std::vector<int> expected)
{
    ClientList &list = m_lists[size_t(index)];
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    list.expected = std::move(expected);
    list.expectedPresent =
        int(std::count_if(list.expected.cbegin(), list.expected.cend(),
                          [&list](int user) { return list.members.contains(user); }));
    if (!list.watched) {
        list.watched = true;
        ++m_watched;
    }
    refresh(list);
    emitTransitions();
}

void PresenceTracker::unwatch(int index)
{
    ClientList &list = m_lists[size_t(index)];
    if (!list.watched)
        return;
    list.watched = false;
    --m_watched;
    refresh(list);
    emitTransitions();
}

void PresenceTracker::noteOpening(int index)
{
    if (index >= 0 && index < m_users)
        m_opening[size_t(index)] = true;
}

int PresenceTracker::listSize(const ClientList &list) const
{
    return list.members.size() + int(list.foreign.size());
}

int PresenceTracker::shortestList() const
{
    int shortest = INT_MAX;
    for (const ClientList &list : m_lists) {
        if (list.watched)
            shortest = std::min(shortest, listSize(list));
    }
    return shortest == INT_MAX ? 0 : shortest;
}

int PresenceTracker::longestList() const
{
    int longest = 0;
    for (const ClientList &list : m_lists) {
        if (list.watched)
            longest = std::max(longest, listSize(list));
    }
    return longest;
}

void PresenceTracker::setMember(ClientList &list, int userIndex, bool online)
{
    const bool changed = online ? list.members.insert(userIndex) : list.members.erase(userIndex);
    if (changed && std::binary_search(list.expected.cbegin(), list.expected.cend(), userIndex))
        list.expectedPresent += online ? 1 : -1;
}

void PresenceTracker::refresh(ClientList &list)
{
    const bool complete =
        list.watched && list.snapshotSeen && list.expectedPresent == int(list.expected.size());
    const bool correct = complete && listSize(list) == int(list.expected.size());
    m_complete += int(complete) - int(list.complete);
    m_correct += int(correct) - int(list.correct);
    list.complete = complete;
    list.correct = correct;
}

void PresenceTracker::emitTransitions()
{
    if (allComplete() != m_wasAllComplete) {
        m_wasAllComplete = allComplete();
        emit allCompleteChanged(m_wasAllComplete);
    }
    if (allCorrect() != m_wasAllCorrect) {
        m_wasAllCorrect = allCorrect();
        emit allCorrectChanged(m_wasAllCorrect);
    }
}

void PresenceTracker::apply(int clientIndex, QStringView frame)
{
    if (clientIndex < 0 || clientIndex >= m_users)
        return;
    ClientList &list = m_lists[size_t(clientIndex)];
    ++m_frames;
    m_bytes += utf8Length(frame);
    if (jsonscan::boolField(frame, QLatin1String("snapshot")).value_or(false)) {
        // A snapshot replaces the list.
        list.members.clear();
        list.foreign.clear();
        list.expectedPresent = 0;
        list.snapshotSeen = true;
    }
    // User objects are flat and user names hold no braces: '{' to '}' is one user.
    const QStringView online = arrayOf(frame, QLatin1String("online"));
    for (qsizetype pos = online.indexOf(QLatin1Char('{')); pos >= 0;
         pos = online.indexOf(QLatin1Char('{'), pos)) {
        const qsizetype end = online.indexOf(QLatin1Char('}'), pos);
        if (end < 0)
            break;
        const QStringView user = online.mid(pos, end - pos);
        pos = end;
        ++m_entries;
        const qint64 id = jsonscan::intField(user, QLatin1String("id")).value_or(0);
        const int index =
            userIndexOf(jsonscan::stringField(user, QLatin1String("username")), m_prefix, m_users);
        if (index < 0) {
            list.foreign.insert(id);
            continue;
        }
        if (id > 0)
            setUserId(index, id);
        if (!m_opening[size_t(index)])
            ++m_early;
        setMember(list, index, true);
    }
    const QStringView offline = arrayOf(frame, QLatin1String("offline"));
    for (qsizetype pos = 0; pos < offline.size();) {
        qint64 id = 0;
        if (!jsonscan::readInteger(offline, &pos, &id)) {
            ++pos;
            continue;
        }
        ++m_entries;
        const int index = m_indexById.value(id, -1);
        if (index >= 0)
            setMember(list, index, false);
        else
            list.foreign.remove(id);
    }
    refresh(list);
    emitTransitions();
}

} // namespace bench
