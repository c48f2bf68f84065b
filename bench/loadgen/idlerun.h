#pragma once
// Idle mode: N users connect, sign in and stay. Reports the time until all are signed in, the
// time until every client's online list holds every other bench user, and the server's RSS
// before the clients came vs. after (per connection: the difference / N).

#include "benchrun.h"

#include <QTimer>

namespace bench {

class ClientPool;
class PresenceTracker;

class IdleRun final : public BenchRun
{
    Q_OBJECT

public:
    explicit IdleRun(const Options &options, QObject *parent = nullptr);

    void start() override;

private:
    void onSignedIn();
    void onPresenceComplete();
    void measure();
    // Presence counts, process figures and RSS per connection over `connections`.
    void addFigures(int connections);

    ClientPool *m_pool;
    PresenceTracker *m_presence;
    QTimer m_presenceTimeout;
    qint64 m_startNs = 0;
    qint64 m_completeNs = 0;
    int m_disconnects = 0;
    int m_lastCloseCode = 0;
    bool m_signedIn = false;
    bool m_measuring = false;
};

} // namespace bench
