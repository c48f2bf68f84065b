#pragma once
// Idle mode: N users connect, sign in and stay. Reports the time until all are signed in, the
// time until every client's online list is correct (exactly its contacts among the bench
// users: the peers of its conversations, asked of the server right after sign-in), and the
// server's RSS before the clients came vs. after (per connection: the difference / N).

#include "benchrun.h"

namespace bench {

class ClientPool;
class PresenceTracker;
class SettleWatch;

class IdleRun final : public BenchRun
{
    Q_OBJECT

public:
    explicit IdleRun(const Options &options, QObject *parent = nullptr);

    void start() override;

private:
    void onSignedIn();
    void onContacts(int index, bool ok, std::vector<int> contacts, int others);
    void check();
    void measure(bool settled);
    // Presence counts, process figures and RSS per connection over `connections`.
    void addFigures(int connections);

    ClientPool *m_pool;
    PresenceTracker *m_presence;
    SettleWatch *m_settle;
    qint64 m_startNs = 0;
    qint64 m_completeNs = 0;
    qint64 m_contactsTotal = 0;
    int m_contactsKnown = 0;
    int m_contactErrors = 0;
    int m_otherContacts = 0;
    int m_disconnects = 0;
    int m_lastCloseCode = 0;
    bool m_signedIn = false;
};

} // namespace bench
