#pragma once
// Closed and open loop: pairs exchange 64-byte messages; a warm-up, then the measured window
// (delivered/s, latency from send to the partner's message event, server CPU and RSS), then a
// bounded wait until every message sent was delivered.
//
// Closed loop: each sender keeps --in-flight messages unacknowledged; an ack sends the next.
// Open loop: message k is due at t0 + k/rate and goes to the next sender round-robin; its
// stamp is that due time, so a stalled load generator shows up as latency instead of hiding it
// (no coordinated omission); send_lag_* says how late the sends actually went out.
// Group mode: the open loop over the members of G groups of M (GroupSetup), each send going
// to the sender's group; every member but the sender receives it, so delivered_per_s counts
// M-1 deliveries per send and latency is taken at each of them.

#include "benchrun.h"
#include "latencyhistogram.h"

#include <QHash>
#include <QTimer>

#include <vector>

namespace bench {

class BenchClient;
class ClientPool;
class GroupSetup;

class TrafficRun final : public BenchRun
{
    Q_OBJECT

public:
    explicit TrafficRun(const Options &options, QObject *parent = nullptr);

    void start() override;

private:
    enum class Phase
    {
        SigningIn,
        Warmup,
        Window,
        Drain,
        Done
    };

    void begin();
    void startTraffic();
    void send(BenchClient *client, qint64 stampNs);
    void onAck(BenchClient *client, QStringView errorCode, qint64 retryAfterMs);
    void onMessage(QStringView content);
    void onTick();
    void openWindow();
    void closeWindow();
    void checkDrained();
    void complete();
    bool sending() const { return m_phase == Phase::Warmup || m_phase == Phase::Window; }

    ClientPool *m_pool;
    std::vector<BenchClient *> m_senders;
    std::vector<qint64> m_sendTo; // group mode: each sender's group (else empty)
    GroupSetup *m_groups = nullptr;
    qint64 m_fanOut = 1; // deliveries per send
    Phase m_phase = Phase::SigningIn;
    QTimer m_tick;  // open loop
    QTimer m_drain; // polls for the end of delivery
    LatencyHistogram m_latency;
    LatencyHistogram m_sendLag;
    QHash<QString, qint64> m_errors;
    qint64 m_t0Ns = 0;
    qint64 m_windowStartNs = 0;
    qint64 m_windowEndNs = 0;
    qint64 m_drainStartNs = 0;
    qint64 m_scheduled = 0; // open loop: messages issued
    size_t m_nextSender = 0;
    qint64 m_seq = 0;
    qint64 m_sent = 0;
    qint64 m_sentInWindow = 0;
    qint64 m_refusedInWindow = 0; // answered with an error
    qint64 m_acked = 0;
    qint64 m_ackedOk = 0;
    qint64 m_delivered = 0;
    qint64 m_deliveredInWindow = 0;
    qint64 m_unreadable = 0;
    int m_disconnects = 0;
    int m_lastCloseCode = 0;
};

} // namespace bench
