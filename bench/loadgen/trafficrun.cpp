#include "trafficrun.h"

#include "benchclient.h"
#include "benchclock.h"
#include "clientpool.h"
#include "errorcode.h"
#include "groupsetup.h"
#include "payload.h"

#include <QJsonObject>

#include <cmath>
#include <cstdio>

namespace bench {

TrafficRun::TrafficRun(const Options &options, QObject *parent)
    : BenchRun(options, parent), m_pool(new ClientPool(options, options.clients, this))
{
    const bool open = options.mode != Options::Mode::Closed;
    if (options.mode == Options::Mode::Group) {
        m_report.add(QStringLiteral("groups"), options.groups);
        m_report.add(QStringLiteral("members"), options.members);
        m_fanOut = options.members - 1;
    }
    if (open)
        m_report.add(QStringLiteral("offered_per_s"), options.rate, 1);
    else
        m_report.add(QStringLiteral("in_flight"), options.inFlight);
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(1);
    connect(&m_tick, &QTimer::timeout, this, &TrafficRun::onTick);
    m_drain.setInterval(20);
    connect(&m_drain, &QTimer::timeout, this, &TrafficRun::checkDrained);
    connect(m_pool, &ClientPool::failed, this, [this](const QString &reason) {
        m_report.add(QStringLiteral("error"), reason);
        m_report.add(QStringLiteral("signed_in"), m_pool->signedIn());
        finish(2);
    });
    connect(m_pool, &ClientPool::ready, this, &TrafficRun::begin);
}

void TrafficRun::start()
{
    m_pool->start();
}

void TrafficRun::begin()
{
    m_report.add(QStringLiteral("sign_in_s"), m_pool->signInSeconds(), 3);
    m_report.add(QStringLiteral("registered"), m_pool->registered());
    const auto &clients = m_pool->clients();
    if (m_options.mode == Options::Mode::Group) {
        m_groups = new GroupSetup(clients, m_options.groups, m_options.members, this);
        connect(m_groups, &GroupSetup::failed, this, [this](const QString &reason) {
            m_report.add(QStringLiteral("error"), reason);
            finish(2);
        });
        connect(m_groups, &GroupSetup::ready, this, [this]() {
            // Interleaved (member j of every group, then j+1): consecutive sends go to
            // different groups, and each member sends at rate / (G*M).
            const auto &groups = m_groups->groups();
            for (int j = 0; j < m_options.members; ++j) {
                for (const GroupSetup::Group &group : groups) {
                    m_senders.push_back(group.members[size_t(j)]);
                    m_sendTo.push_back(group.conversationId);
                }
            }
            startTraffic();
        });
        m_groups->start();
        return;
    }
    // Pairs (0,1), (2,3), ...; an odd last user has no partner and only listens.
    for (size_t i = 0; i + 1 < clients.size(); i += 2) {
        clients[i]->setPeer(clients[i + 1]->userId());
        clients[i + 1]->setPeer(clients[i]->userId());
        m_senders.push_back(clients[i]);
        m_senders.push_back(clients[i + 1]);
    }
    startTraffic();
}

void TrafficRun::startTraffic()
{
    for (BenchClient *client : m_pool->clients()) {
        connect(client, &BenchClient::sendAcked, this,
                [this, client](QStringView code, qint64 retryAfterMs) {
                    onAck(client, code, retryAfterMs);
                });
        connect(client, &BenchClient::messageReceived, this, &TrafficRun::onMessage);
        connect(client, &BenchClient::disconnected, this, [this](int code) {
            ++m_disconnects;
            m_lastCloseCode = code;
        });
    }
    m_phase = Phase::Warmup;
    m_t0Ns = nowNs();
    if (m_options.warmupS > 0)
        QTimer::singleShot(int(m_options.warmupS * 1000), Qt::PreciseTimer, this,
                           &TrafficRun::openWindow);
    else
        openWindow();
    if (m_options.mode != Options::Mode::Closed) {
        m_tick.start();
        onTick();
    } else {
        for (int k = 0; k < m_options.inFlight; ++k) {
            for (BenchClient *client : m_senders)
                send(client, nowNs());
        }
    }
}

void TrafficRun::send(BenchClient *client, qint64 stampNs)
{
    client->sendMessage(payload::timedContent(stampNs, quint64(m_seq++)));
    ++m_sent;
    if (m_phase == Phase::Window)
        ++m_sentInWindow;
}

void TrafficRun::onAck(BenchClient *client, QStringView errorCode, qint64 retryAfterMs)
{
    ++m_acked;
    if (errorCode.isEmpty())
        ++m_ackedOk;
    else
        ++m_errors[errorCode.toString()];
    if (m_phase == Phase::Window && !errorCode.isEmpty())
        ++m_refusedInWindow;
    if (m_options.mode != Options::Mode::Closed || !sending())
        return;
    if (retryAfterMs <= 0) {
        send(client, nowNs());
        return;
    }
    // As a client would: a refused sender waits as long as the server asked.
    QTimer::singleShot(int(qMin<qint64>(retryAfterMs, 60'000)), this, [this, client] {
        if (sending())
            send(client, nowNs());
    });
}

void TrafficRun::onMessage(QStringView content)
{
    const qint64 now = nowNs();
    ++m_delivered;
    const std::optional<qint64> stamp = payload::stampOf(content);
    if (!stamp) {
        ++m_unreadable;
        return;
    }
    if (m_phase == Phase::Window) {
        ++m_deliveredInWindow;
        m_latency.record(now - *stamp);
    }
}

void TrafficRun::onTick()
{
    if (!sending() || m_senders.empty())
        return;
    const qint64 now = nowNs();
    const double perNs = m_options.rate / 1e9;
    // Messages 0..due-1 are due by now.
    const qint64 due = qint64(std::floor(double(now - m_t0Ns) * perNs)) + 1;
    while (m_scheduled < due) {
        const qint64 stamp = m_t0Ns + qint64(double(m_scheduled) / perNs);
        if (m_phase == Phase::Window)
            m_sendLag.record(now - stamp);
        if (!m_sendTo.empty())
            m_senders[m_nextSender]->setConversation(m_sendTo[m_nextSender]);
        send(m_senders[m_nextSender], stamp);
        m_nextSender = (m_nextSender + 1) % m_senders.size();
        ++m_scheduled;
    }
}

void TrafficRun::openWindow()
{
    if (m_phase != Phase::Warmup)
        return;
    m_phase = Phase::Window;
    m_windowStartNs = nowNs();
    m_server.begin();
    m_self.begin();
    QTimer::singleShot(int(m_options.durationS * 1000), Qt::PreciseTimer, this,
                       &TrafficRun::closeWindow);
}

void TrafficRun::closeWindow()
{
    m_windowEndNs = nowNs();
    m_server.end();
    m_self.end();
    m_phase = Phase::Drain;
    m_tick.stop();
    m_drainStartNs = m_windowEndNs;
    m_drain.start();
    checkDrained();
}

void TrafficRun::checkDrained()
{
    const bool everyAck = m_acked == m_sent;
    const bool everyDelivery = m_delivered >= m_ackedOk * m_fanOut;
    const bool timedOut = nowNs() - m_drainStartNs > secondsToNs(m_options.drainTimeoutS);
    if ((everyAck && everyDelivery) || timedOut)
        complete();
}

void TrafficRun::complete()
{
    m_drain.stop();
    m_phase = Phase::Done;
    const double windowS = double(m_windowEndNs - m_windowStartNs) / 1e9;
    const qint64 errors = m_acked - m_ackedOk;
    // An overload run expects refusals: then every send must be answered and every accepted
    // one delivered.
    const bool allDelivered =
        m_acked == m_sent && m_delivered == m_ackedOk * m_fanOut &&
        (errors == 0 || (m_options.overload && errors == m_errors.value(natter::errorCodeName(
                                                             natter::ErrorCode::RateLimited))));
    const QString rateLimited = natter::errorCodeName(natter::ErrorCode::RateLimited);

    m_report.add(QStringLiteral("window_s"), windowS, 3);
    m_report.add(QStringLiteral("delivered_per_s"), double(m_deliveredInWindow) / windowS, 1);
    if (m_options.mode != Options::Mode::Closed)
        m_report.add(QStringLiteral("achieved_send_per_s"), double(m_sentInWindow) / windowS, 1);
    m_report.add(QStringLiteral("refused_per_s"), double(m_refusedInWindow) / windowS, 1);
    addLatency(m_latency);
    if (m_options.mode != Options::Mode::Closed) {
        m_report.add(QStringLiteral("send_lag_p99_ms"), nsToMs(m_sendLag.percentileNs(0.99)), 3);
        m_report.add(QStringLiteral("send_lag_max_ms"), nsToMs(m_sendLag.maxNs()), 3);
    }
    addProcessFigures();
    // Per stored message (a group message is delivered to M-1 members, stored once).
    const double storedInWindow = double(m_deliveredInWindow) / double(qMax<qint64>(m_fanOut, 1));
    if (m_server.available() && storedInWindow > 0) {
        m_report.add(QStringLiteral("server_cpu_s_per_1000_msg"),
                     m_server.cpuS() * 1000.0 / storedInWindow, 3);
        const qint64 written = m_server.atEnd().writeBytes - m_server.atBegin().writeBytes;
        if (m_server.atBegin().writeBytes >= 0 && m_server.atEnd().writeBytes >= 0)
            m_report.add(QStringLiteral("server_write_bytes_per_msg"),
                         double(written) / storedInWindow, 0);
        if (m_server.hasWriteCounts()) {
            const WriteCounts in = m_server.writeCountsInWindow();
            m_report.add(QStringLiteral("server_wal_bytes_per_msg"),
                         double(in.walBytes) / storedInWindow, 0);
            m_report.add(QStringLiteral("server_db_file_bytes_per_msg"),
                         double(in.otherFileBytes) / storedInWindow, 0);
            m_report.add(QStringLiteral("server_search_bytes_per_msg"),
                         double(in.searchBytes) / storedInWindow, 0);
        }
    }
    m_report.add(QStringLiteral("sent"), m_sent);
    m_report.add(QStringLiteral("acked"), m_acked);
    m_report.add(QStringLiteral("delivered"), m_delivered);
    m_report.add(QStringLiteral("send_errors"), errors);
    m_report.add(QStringLiteral("rate_limited"), m_errors.value(rateLimited));
    if (!m_errors.isEmpty()) {
        QJsonObject byCode;
        for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
            byCode.insert(it.key(), it.value());
        m_report.add(QStringLiteral("errors_by_code"), byCode);
    }
    m_report.add(QStringLiteral("disconnects"), m_disconnects);
    if (m_disconnects > 0)
        m_report.add(QStringLiteral("last_close_code"), m_lastCloseCode);
    if (m_unreadable > 0)
        m_report.add(QStringLiteral("unreadable_messages"), m_unreadable);
    m_report.add(QStringLiteral("drain_s"), double(nowNs() - m_drainStartNs) / 1e9, 3);
    m_report.add(QStringLiteral("all_delivered"), allDelivered);
    if (m_errors.value(rateLimited) > 0 && !m_options.overload)
        std::fprintf(stderr,
                     "natter-loadgen: %lld sends were rate_limited: raise the server's "
                     "[limits] requests-per-second / user-requests-per-second (and "
                     "bursts) for benchmarks\n",
                     static_cast<long long>(m_errors.value(rateLimited)));
    finish(allDelivered && m_disconnects == 0 ? 0 : 1);
}

} // namespace bench
