#pragma once
// Who is online: a user with at least one authenticated socket. A socket gets a snapshot
// right after it authenticates; later changes are coalesced for a short window and go out as
// ONE diff frame, serialized once, to every authenticated socket (users who came online in
// the window get it without their own entry). A user whose last socket closes is announced
// offline only after a grace period, so a Wi-Fi blip or a client restart produces no
// offline/online pair at all.

#include "caller.h"
#include "eventsink.h"
#include "types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace natter::server {

class PresenceService final : public QObject
{
    Q_OBJECT

public:
    PresenceService(EventSink &sink, int batchMs, int graceMs, QObject *parent = nullptr);

    // Online as everyone sees it: connected, or disconnected for less than the grace period.
    bool isOnline(qint64 userId) const;
    // The snapshot for a freshly authenticated socket (every online user but the caller).
    void sendSnapshot(const Caller &caller);
    // Sends the pending diff now (the batch timer does this on its own).
    void flush();

public slots:
    void userCameOnline(qint64 userId, const QString &username);
    void userWentOffline(qint64 userId);

private:
    void noteChange(qint64 userId);

    EventSink &m_sink;
    QHash<qint64, QString> m_online;      // user id -> username, the current state
    QHash<qint64, QString> m_announced;   // the online set as of the last diff
    QHash<qint64, qint64> m_offlineSince; // last socket closed at (m_clock), not yet announced
    QSet<qint64> m_changed;               // users whose state changed since the last diff
    QTimer m_batchTimer;
    QTimer m_graceTimer;
    QElapsedTimer m_clock;
    int m_graceMs = 0;
};

} // namespace natter::server
