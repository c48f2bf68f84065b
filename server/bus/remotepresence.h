#pragma once
// Who is online on the other instances, kept from what they publish (no Redis calls here, so
// the rules are testable on their own).
//
// Every instance numbers its presence changes (seq 1, 2, 3...) and keeps its whole state in
// a Redis hash written in the same transaction as the publication. Changes are applied in
// order; a gap (a lost publication, a heartbeat ahead of what we applied, an instance never
// seen before, or one that rewrote its state) asks for that instance's hash to be read again
// (resyncNeeded), and changes that arrive meanwhile are held back and replayed on top of it.
// An instance not heard from for the timeout is taken as dead: its users go offline.
//
// userCameOnline/userWentOffline report the union over all instances: a user on two of
// them goes offline when the last one drops them.

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

namespace natter::server {

class RemotePresence final : public QObject
{
    Q_OBJECT

public:
    struct Delta
    {
        qint64 seq = 0;
        bool reset = false; // the instance rewrote its whole state: read it again
        QList<QPair<qint64, QString>> online;
        QList<qint64> offline;
    };

    using QObject::QObject;

    // `now` is any monotonic clock in ms; it only matters for expire().
    void applyDelta(const QString &instance, const Delta &delta, qint64 now);
    void noteHeartbeat(const QString &instance, qint64 seq, qint64 now);
    // Named in Redis' set of instances: read its state (it counts as heard from now).
    void noteDiscovered(const QString &instance, qint64 now);
    // The answer to resyncNeeded(): the instance's whole state as of `seq`.
    void applySnapshot(const QString &instance, qint64 seq, const QHash<qint64, QString> &users);
    // The read asked for by resyncNeeded() did not complete; the next heartbeat asks again.
    void resyncFailed(const QString &instance);
    void removeInstance(const QString &instance);
    // Removes the instances not heard from for more than `timeoutMs` and returns them.
    // *anyLive tells whether one of them had published since we listen (rather than being
    // only a stale entry of Redis' set of instances).
    QStringList expire(qint64 now, qint64 timeoutMs, bool *anyLive = nullptr);
    // We listen again after an interruption: silence meanwhile says nothing about the
    // others, so each gets a full timeout from now to be heard.
    void listeningResumed(qint64 now);

    bool isOnline(qint64 userId) const { return m_count.contains(userId); }
    bool knows(const QString &instance) const { return m_instances.contains(instance); }
    QStringList instances() const { return m_instances.keys(); }

signals:
    void userCameOnline(qint64 userId, const QString &username);
    void userWentOffline(qint64 userId);
    void resyncNeeded(const QString &instance);

private:
    struct Instance
    {
        qint64 seq = -1; // of the state in `users`; -1: unknown, a snapshot is needed
        bool resyncing = false;
        bool live = false; // published something we received
        qint64 lastHeard = 0;
        QHash<qint64, QString> users;
        QList<Delta> held; // arrived while resyncing, replayed on top of the snapshot
    };

    Instance &touch(const QString &instance, qint64 now);
    void requestResync(const QString &instance, Instance &state);
    void apply(Instance &state, const Delta &delta);
    void replayHeld(const QString &instance, Instance &state);
    void addUser(Instance &state, qint64 userId, const QString &username);
    void dropUser(Instance &state, qint64 userId);

    QHash<QString, Instance> m_instances;
    QHash<qint64, int> m_count; // user -> instances that have them online
};

} // namespace natter::server
