#pragma once
// Opens and signs in the bench users PREFIX0..PREFIXn-1 (with their password, or with session
// tokens from an earlier sign-in), at most `connectConcurrency` at a time (the server refuses
// more than max-unauthenticated-per-address sockets per address that have not signed in), so
// 10,000 users work. Signed-in clients that send nothing ping every
// 30 s, as the protocol asks of clients.

#include "latencyhistogram.h"
#include "options.h"

#include <QObject>
#include <QTimer>

#include <vector>

namespace bench {

class BenchClient;
class PresenceTracker;

class ClientPool final : public QObject
{
    Q_OBJECT

public:
    ClientPool(const Options &options, int users, QObject *parent = nullptr);

    // Before start(): presence frames of every client go to it.
    void setPresenceTracker(PresenceTracker *tracker);
    // Before start(): client i signs in with `auth` and tokens[i] instead of its password.
    void setTokens(std::vector<QString> tokens) { m_tokens = std::move(tokens); }
    // Before start(): how many connect and sign in at once (default --connect-concurrency).
    void setConcurrency(int concurrency) { m_concurrency = concurrency; }
    void start();

    const std::vector<BenchClient *> &clients() const { return m_clients; }
    // From start() to the last sign-in.
    double signInSeconds() const { return double(m_doneNs - m_startNs) / 1e9; }
    int registered() const { return m_registered; }
    int signedIn() const { return m_signedIn; }
    // Per client, from opening its socket: until the WebSocket handshake was done, and until
    // it was signed in.
    const LatencyHistogram &handshakeTimes() const { return m_handshake; }
    const LatencyHistogram &signInTimes() const { return m_signInTimes; }

signals:
    void ready();
    void failed(const QString &reason);

private:
    void startNext();
    void onSignedIn(BenchClient *client);
    void onFailed(BenchClient *client, const QString &reason);
    void progress();

    const Options &m_options;
    std::vector<BenchClient *> m_clients;
    std::vector<qint64> m_openedNs;
    LatencyHistogram m_handshake;
    LatencyHistogram m_signInTimes;
    PresenceTracker *m_presence = nullptr;
    std::vector<QString> m_tokens;
    int m_concurrency;
    QTimer m_timeout;
    QTimer m_progress;
    QTimer m_ping; // keeps signed-in clients alive while a run lasts
    size_t m_nextToOpen = 0;
    int m_inProgress = 0;
    int m_signedIn = 0;
    int m_registered = 0;
    qint64 m_startNs = 0;
    qint64 m_doneNs = 0;
    bool m_finished = false;
};

} // namespace bench
