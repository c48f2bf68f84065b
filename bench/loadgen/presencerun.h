#pragma once
// Presence mode: how fast N users' online lists settle when everybody signs in at once, with
// presence scoped to contacts.
//
// Setup (not timed): the users sign in (register or login) and keep their tokens; the contact
// graph's conversations are created (contactgraph.h) and each client's contacts read back
// from the server; every socket closes and the run waits until the server has announced
// everybody offline (grace period + batch).
// Burst: all N reconnect and `auth` with their tokens, --burst-concurrency at a time; each
// list must become exactly the client's contacts. Reported: time until all signed in, until
// every list is complete and correct, presence frames and bytes received, server CPU and RSS
// per connection.
// Disconnect: all but --observers clients close; each observer's list must come down to its
// contacts among the observers. The same figures.

#include "benchrun.h"
#include "contactgraph.h"

#include <QString>

#include <vector>

namespace bench {

class BenchClient;
class ClientPool;
class ContactBuilder;
class PresenceTracker;
class SettleWatch;

class PresenceRun final : public BenchRun
{
    Q_OBJECT

public:
    explicit PresenceRun(const Options &options, QObject *parent = nullptr);

    void start() override;

private:
    // The tracker's totals when a phase began, to report the phase's own.
    struct Counters
    {
        qint64 frames = 0;
        qint64 bytes = 0;
        qint64 entries = 0;
        qint64 early = 0;
    };

    void onSetupSignedIn();
    void onContactsBuilt();
    void onSetupClosed();
    void startBurst();
    void onBurstSignedIn();
    void endBurst(bool settled);
    void startDisconnect();
    void endDisconnect(bool settled);
    void check();
    void fail(const QString &reason);
    void progress(const QString &text) const;
    Counters counters() const;
    // <prefix>presence_frames etc. since `since`; the server's CPU and peak RSS over the phase.
    void addPhaseFigures(const QString &prefix, const Counters &since);
    std::vector<int> observerIndices() const;

    ContactGraph m_graph;
    ClientPool *m_setup;
    ContactBuilder *m_builder = nullptr;
    ClientPool *m_burst = nullptr;
    PresenceTracker *m_presence = nullptr;
    SettleWatch *m_settle = nullptr;
    std::vector<std::vector<int>> m_contacts;
    std::vector<QString> m_tokens;
    std::vector<qint64> m_userIds;
    std::vector<bool> m_observer;
    Counters m_phaseStart;
    qint64 m_rssAtStartKb = 0;
    qint64 m_setupStartNs = 0;
    qint64 m_phaseStartNs = 0;
    qint64 m_connectedNs = 0;
    qint64 m_completeNs = 0;
    qint64 m_allClosedNs = 0;
    int m_closed = 0;
    int m_toClose = 0;
    int m_disconnects = 0;
    int m_lastCloseCode = 0;
    bool m_burstSignedIn = false;
    bool m_burstSettled = false;
};

} // namespace bench
