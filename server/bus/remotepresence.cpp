#include "remotepresence.h"

#include <algorithm>
#include <utility>

namespace natter::server {
namespace {

constexpr qsizetype kMaxHeld = 10'000;

} // namespace

RemotePresence::Instance &RemotePresence::touch(const QString &instance, qint64 now)
{
    Instance &state = m_instances[instance];
    state.lastHeard = now;
    return state;
}

void RemotePresence::requestResync(const QString &instance, Instance &state)
{
    if (state.resyncing)
        return;
    state.resyncing = true;
    emit resyncNeeded(instance);
}

void RemotePresence::applyDelta(const QString &instance, const Delta &delta, qint64 now)
{
    Instance &state = touch(instance, now);
    state.live = true;
    const bool current = !state.resyncing && state.seq >= 0 && !delta.reset;
    if (current && delta.seq <= state.seq)
        return; // a repeat: already part of the state we hold
    if (current && delta.seq == state.seq + 1) {
        apply(state, delta);
        return;
    }
    // Held back for the snapshot. Past the cap they are dropped: the next heartbeat is then
    // ahead of the snapshot and asks for another one.
    if (state.held.size() < kMaxHeld)
        state.held.append(delta);
    requestResync(instance, state);
}

void RemotePresence::noteHeartbeat(const QString &instance, qint64 seq, qint64 now)
{
    Instance &state = touch(instance, now);
    state.live = true;
    // Ahead of what we applied: a change was lost on the way.
    if (state.seq < 0 || seq > state.seq)
        requestResync(instance, state);
}

void RemotePresence::noteDiscovered(const QString &instance, qint64 now)
{
    Instance &state = touch(instance, now);
    if (state.seq < 0)
        requestResync(instance, state);
}

void RemotePresence::applySnapshot(const QString &instance, qint64 seq,
                                   const QHash<qint64, QString> &users)
{
    const auto it = m_instances.find(instance);
    if (it == m_instances.end())
        return; // removed (expired, said bye) while the read was on its way
    Instance &state = *it;
    state.resyncing = false;
    const QList<qint64> before = state.users.keys();
    for (const qint64 userId : before) {
        if (!users.contains(userId))
            dropUser(state, userId);
    }
    for (auto user = users.cbegin(); user != users.cend(); ++user)
        addUser(state, user.key(), user.value());
    state.seq = seq;
    replayHeld(instance, state);
}

void RemotePresence::replayHeld(const QString &instance, Instance &state)
{
    QList<Delta> held = std::exchange(state.held, {});
    std::sort(held.begin(), held.end(),
              [](const Delta &a, const Delta &b) { return a.seq < b.seq; });
    for (qsizetype i = 0; i < held.size(); ++i) {
        const Delta &delta = held[i];
        if (delta.seq <= state.seq)
            continue; // the snapshot already has it
        if (delta.reset || delta.seq != state.seq + 1) {
            // The snapshot is older than a rewrite, or a change is missing: read again.
            state.held = held.mid(i);
            requestResync(instance, state);
            return;
        }
        apply(state, delta);
    }
}

void RemotePresence::resyncFailed(const QString &instance)
{
    const auto it = m_instances.find(instance);
    if (it == m_instances.end())
        return;
    it->resyncing = false;
    it->seq = -1; // keep the users we had, but apply nothing more before a snapshot
    it->held.clear();
}

void RemotePresence::apply(Instance &state, const Delta &delta)
{
    for (const qint64 userId : delta.offline)
        dropUser(state, userId);
    for (const auto &[userId, username] : delta.online)
        addUser(state, userId, username);
    state.seq = delta.seq;
}

void RemotePresence::addUser(Instance &state, qint64 userId, const QString &username)
{
    if (state.users.contains(userId))
        return;
    state.users.insert(userId, username);
    if (++m_count[userId] == 1)
        emit userCameOnline(userId, username);
}

void RemotePresence::dropUser(Instance &state, qint64 userId)
{
    if (state.users.remove(userId) == 0)
        return;
    const auto count = m_count.find(userId);
    if (count == m_count.end() || --*count > 0)
        return;
    m_count.erase(count);
    emit userWentOffline(userId);
}

void RemotePresence::removeInstance(const QString &instance)
{
    const auto it = m_instances.find(instance);
    if (it == m_instances.end())
        return;
    Instance state = std::move(*it);
    m_instances.erase(it);
    const QList<qint64> users = state.users.keys();
    for (const qint64 userId : users)
        dropUser(state, userId);
}

QStringList RemotePresence::expire(qint64 now, qint64 timeoutMs, bool *anyLive)
{
    QStringList dead;
    bool live = false;
    for (auto it = m_instances.cbegin(); it != m_instances.cend(); ++it) {
        if (now - it->lastHeard > timeoutMs) {
            dead.append(it.key());
            live = live || it->live;
        }
    }
    if (anyLive != nullptr)
        *anyLive = live;
    for (const QString &instance : std::as_const(dead))
        removeInstance(instance);
    return dead;
}

void RemotePresence::listeningResumed(qint64 now)
{
    for (Instance &state : m_instances)
        state.lastHeard = now;
}

} // namespace natter::server
