#include "presencerun.h"

#include "benchclient.h"
#include "benchclock.h"
#include "clientpool.h"
#include "contactbuilder.h"
#include "presencetracker.h"
#include "quietwait.h"
#include "settlewatch.h"

#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace bench {
namespace {

// Lists must stay correct this long (diffs are batched) before the final reading; the server
// settles meanwhile before its RSS is read.
// After the last setup socket closed, beyond the grace period and a batch: a loaded server
// handles the closes and timers late.
constexpr int kOfflineMarginMs = 1000;
// Setup sockets that have not closed by then are left to the kernel.
constexpr int kCloseTimeoutMs = 30'000;
// The longest wait for the server to finish handling the setup's closes.
constexpr int kQuietTimeoutMs = 60'000;

} // namespace

PresenceRun::PresenceRun(const Options &options, QObject *parent)
    : BenchRun(options, parent), m_graph(options.clients, options.contacts),
      m_setup(new ClientPool(options, options.clients, this))
{
    m_report.add(QStringLiteral("contacts"), options.contacts);
    m_report.add(QStringLiteral("observers"), std::min(options.observers, options.clients));
    m_report.add(QStringLiteral("burst_concurrency"), options.burstConcurrency);
    connect(m_setup, &ClientPool::failed, this,
            [this](const QString &reason) { fail(QStringLiteral("setup: %1").arg(reason)); });
    connect(m_setup, &ClientPool::ready, this, &PresenceRun::onSetupSignedIn);
}

void PresenceRun::start()
{
    if (m_options.serverPid > 0)
        m_rssAtStartKb = readProcSample(m_options.serverPid).rssKb;
    m_setupStartNs = nowNs();
    m_setup->start();
}

void PresenceRun::progress(const QString &text) const
{
    if (!m_options.jsonOnly)
        std::fprintf(stderr, "natter-loadgen: %s\n", qPrintable(text));
}

void PresenceRun::fail(const QString &reason)
{
    m_report.add(QStringLiteral("error"), reason);
    finish(2);
}

PresenceRun::Counters PresenceRun::counters() const
{
    if (!m_presence)
        return {};
    return {m_presence->framesSeen(), m_presence->bytesSeen(), m_presence->entriesSeen(),
            m_presence->earlyEntries()};
}

void PresenceRun::onSetupSignedIn()
{
    m_report.add(QStringLiteral("registered"), m_setup->registered());
    m_report.add(QStringLiteral("setup_sign_in_s"), m_setup->signInSeconds(), 3);
    progress(QStringLiteral("setup: %1 users signed in; creating %2 conversations")
                 .arg(m_options.clients)
                 .arg(m_graph.pairs().size()));
    m_builder = new ContactBuilder(m_setup->clients(), m_graph, m_options.userPrefix, this);
    connect(m_builder, &ContactBuilder::finished, this, &PresenceRun::onContactsBuilt);
    m_builder->start();
}

void PresenceRun::onContactsBuilt()
{
    m_report.add(QStringLiteral("conversations_created"), m_builder->created());
    m_report.add(QStringLiteral("setup_sends_retried"), m_builder->retries());
    // Clients whose conversations are not just the graph's (a database used before): their
    // lists are judged against what the server says their contacts are.
    m_report.add(QStringLiteral("contacts_mismatched"), m_builder->mismatched());
    if (m_builder->otherContacts() > 0)
        m_report.add(QStringLiteral("contacts_outside_bench"), m_builder->otherContacts());
    if (m_builder->errors() > 0) {
        m_report.add(QStringLiteral("setup_errors"), m_builder->errors());
        return fail(QStringLiteral("setup: %1").arg(m_builder->firstError()));
    }
    qint64 total = 0;
    m_contacts = m_builder->contacts();
    for (const auto &contacts : m_contacts)
        total += qint64(contacts.size());
    m_report.add(QStringLiteral("contacts_total"), total);

    const auto &clients = m_setup->clients();
    m_toClose = int(clients.size());
    for (BenchClient *client : clients) {
        m_tokens.push_back(client->token());
        m_userIds.push_back(client->userId());
        connect(client, &BenchClient::closed, this, [this]() {
            if (++m_closed == m_toClose)
                onSetupClosed();
        });
        client->close();
    }
    QTimer::singleShot(kCloseTimeoutMs, this, &PresenceRun::onSetupClosed);
}

void PresenceRun::onSetupClosed()
{
    if (!m_setup)
        return;
    if (m_closed < m_toClose)
        m_report.add(QStringLiteral("setup_unclosed"), m_toClose - m_closed);
    m_report.add(QStringLiteral("setup_s"), double(nowNs() - m_setupStartNs) / 1e9, 3);
    m_setup->deleteLater();
    m_setup = nullptr;
    // Until the server has handled every close and then let the grace period and a batch
    // pass, it may still announce a setup user online: the burst would find lists complete
    // that it has not filled (counted as early entries).
    auto *quiet = new QuietWait(m_options.serverPid, this);
    connect(quiet, &QuietWait::quiet, this, [this, quiet]() {
        m_report.add(QStringLiteral("setup_quiet_wait_s"), quiet->waitedS(), 3);
        const int waitMs =
            m_options.presenceGraceMs + 2 * m_options.presenceBatchMs + kOfflineMarginMs;
        m_report.add(QStringLiteral("offline_wait_s"), waitMs / 1000.0, 3);
        progress(QStringLiteral("setup done; %1 s for the server to announce everybody offline")
                     .arg(waitMs / 1000.0));
        QTimer::singleShot(waitMs, this, &PresenceRun::startBurst);
        quiet->deleteLater();
    });
    quiet->start(kQuietTimeoutMs);
}

void PresenceRun::startBurst()
{
    const int users = m_options.clients;
    m_presence = new PresenceTracker(users, m_options.userPrefix, this);
    for (int i = 0; i < users; ++i) {
        m_presence->setUserId(i, m_userIds[size_t(i)]);
        m_presence->watch(i, m_contacts[size_t(i)]);
    }
    connect(m_presence, &PresenceTracker::allCorrectChanged, this, &PresenceRun::check);
    connect(m_presence, &PresenceTracker::allCompleteChanged, this, [this](bool all) {
        if (all)
            m_completeNs = nowNs();
    });
    m_settle = new SettleWatch(kSettleMs, this);
    connect(m_settle, &SettleWatch::settled, this, [this]() { endBurst(true); });
    connect(m_settle, &SettleWatch::timedOut, this, [this]() { endBurst(false); });

    m_burst = new ClientPool(m_options, users, this);
    m_burst->setTokens(m_tokens);
    m_burst->setConcurrency(m_options.burstConcurrency);
    m_burst->setPresenceTracker(m_presence);
    connect(m_burst, &ClientPool::failed, this, [this](const QString &reason) {
        m_report.add(QStringLiteral("signed_in"), m_burst->signedIn());
        fail(QStringLiteral("sign-in burst: %1").arg(reason));
    });
    connect(m_burst, &ClientPool::ready, this, &PresenceRun::onBurstSignedIn);
    for (BenchClient *client : m_burst->clients()) {
        connect(client, &BenchClient::disconnected, this, [this](int code) {
            ++m_disconnects;
            m_lastCloseCode = code;
        });
    }
    progress(QStringLiteral("sign-in burst: %1 users, %2 at a time")
                 .arg(users)
                 .arg(m_options.burstConcurrency));
    m_phaseStart = counters();
    m_server.begin();
    m_self.begin();
    m_phaseStartNs = nowNs();
    m_burst->start();
}

void PresenceRun::onBurstSignedIn()
{
    m_connectedNs = nowNs();
    m_burstSignedIn = true;
    m_settle->startDeadline(int(m_options.durationS * 1000));
    check();
}

void PresenceRun::check()
{
    if (m_settle)
        m_settle->update(m_burstSignedIn && m_presence->allCorrect());
}

void PresenceRun::addPhaseFigures(const QString &prefix, const Counters &since)
{
    const Counters now = counters();
    m_report.add(prefix + QStringLiteral("presence_frames"), now.frames - since.frames);
    m_report.add(prefix + QStringLiteral("presence_bytes"), now.bytes - since.bytes);
    m_report.add(prefix + QStringLiteral("presence_entries"), now.entries - since.entries);
    m_report.add(prefix + QStringLiteral("presence_early_entries"), now.early - since.early);
    if (m_options.serverPid > 0 && !m_server.available())
        m_report.add(QStringLiteral("server_stats"),
                     QStringLiteral("unreadable /proc/%1").arg(m_options.serverPid));
    m_server.addTo(&m_report, prefix + QStringLiteral("server"));
    if (m_self.available())
        m_report.add(prefix + QStringLiteral("loadgen_cpu_pct"), m_self.cpuPercent(), 1);
}

void PresenceRun::endBurst(bool settled)
{
    m_server.end();
    m_self.end();
    m_burstSettled = settled;
    const int users = m_options.clients;
    m_report.add(QStringLiteral("connect_s"), secondsSince(m_phaseStartNs, m_connectedNs));
    // Per client: where a slow burst waits (the handshake: accept backlog, SYN retries).
    const LatencyHistogram &handshake = m_burst->handshakeTimes();
    const LatencyHistogram &signIn = m_burst->signInTimes();
    m_report.add(QStringLiteral("handshake_p50_ms"), nsToMs(handshake.percentileNs(0.5)), 1);
    m_report.add(QStringLiteral("handshake_max_ms"), nsToMs(handshake.maxNs()), 1);
    m_report.add(QStringLiteral("sign_in_p50_ms"), nsToMs(signIn.percentileNs(0.5)), 1);
    m_report.add(QStringLiteral("sign_in_p99_ms"), nsToMs(signIn.percentileNs(0.99)), 1);
    m_report.add(QStringLiteral("sign_in_max_ms"), nsToMs(signIn.maxNs()), 1);
    m_report.add(QStringLiteral("settle_s"),
                 secondsSince(m_phaseStartNs, settled ? m_settle->heldSinceNs() : 0));
    m_report.add(QStringLiteral("complete_s"),
                 secondsSince(m_phaseStartNs, m_presence->allComplete() ? m_completeNs : 0));
    m_report.add(QStringLiteral("lists_correct"), m_presence->correctClients());
    m_report.add(QStringLiteral("lists_complete"), m_presence->completeClients());
    m_report.add(QStringLiteral("shortest_list"), m_presence->shortestList());
    m_report.add(QStringLiteral("longest_list"), m_presence->longestList());
    addPhaseFigures(QString(), m_phaseStart);
    if (m_server.available()) {
        const qint64 before = m_server.atBegin().rssKb;
        const qint64 after = m_server.atEnd().rssKb;
        m_report.add(QStringLiteral("server_rss_start_kb"), m_rssAtStartKb);
        m_report.add(QStringLiteral("server_rss_before_kb"), before);
        m_report.add(QStringLiteral("server_rss_after_kb"), after);
        m_report.add(QStringLiteral("server_rss_per_conn_kb"), double(after - before) / users, 2);
        // The setup's connections left freed memory the burst could reuse: this one counts
        // everything the users cost since the server started.
        m_report.add(QStringLiteral("server_rss_per_user_since_start_kb"),
                     double(after - m_rssAtStartKb) / users, 2);
    }
    m_settle->deleteLater();
    m_settle = nullptr;
    startDisconnect();
}

std::vector<int> PresenceRun::observerIndices() const
{
    const int users = m_options.clients;
    const int wanted = std::min(m_options.observers, users);
    const int pairs = (wanted + 1) / 2;
    std::vector<bool> taken(size_t(users), false);
    std::vector<int> out;
    const auto take = [&](int index) {
        if (int(out.size()) < wanted && !taken[size_t(index)]) {
            taken[size_t(index)] = true;
            out.push_back(index);
        }
    };
    // Pairs of neighbours spread over the ring: each observer keeps one contact (its
    // neighbour, when K >= 2) and sees the others leave.
    for (int p = 0; p < pairs; ++p) {
        const int base = int(qint64(p) * users / pairs);
        take(base);
        take((base + 1) % users);
    }
    for (int i = 0; i < users && int(out.size()) < wanted; ++i)
        take(i);
    return out;
}

void PresenceRun::startDisconnect()
{
    const int users = m_options.clients;
    m_observer.assign(size_t(users), false);
    for (const int index : observerIndices())
        m_observer[size_t(index)] = true;

    m_settle = new SettleWatch(kSettleMs, this);
    connect(m_settle, &SettleWatch::settled, this, [this]() { endDisconnect(true); });
    connect(m_settle, &SettleWatch::timedOut, this, [this]() { endDisconnect(false); });
    m_phaseStart = counters();
    m_completeNs = 0;
    m_closed = 0;
    m_toClose = 0;
    m_server.begin();
    m_self.begin();
    m_phaseStartNs = nowNs();
    // Observers first: their new expectations make the lists wrong until the server says the
    // others left, so the unwatching below cannot look like a settled state.
    for (int i = 0; i < users; ++i) {
        if (!m_observer[size_t(i)])
            continue;
        std::vector<int> staying;
        for (const int contact : m_contacts[size_t(i)]) {
            if (m_observer[size_t(contact)])
                staying.push_back(contact);
        }
        m_presence->watch(i, std::move(staying));
    }
    for (BenchClient *client : m_burst->clients()) {
        if (m_observer[size_t(client->index())])
            continue;
        ++m_toClose;
        m_presence->unwatch(client->index());
        connect(client, &BenchClient::closed, this, [this]() {
            if (++m_closed == m_toClose)
                m_allClosedNs = nowNs();
        });
        client->close();
    }
    if (m_toClose == 0)
        m_allClosedNs = m_phaseStartNs;
    progress(QStringLiteral("disconnect: %1 users leave, %2 observers stay")
                 .arg(m_toClose)
                 .arg(users - m_toClose));
    m_settle->startDeadline(m_options.presenceGraceMs + m_options.presenceBatchMs +
                            int(m_options.durationS * 1000));
    check();
}

void PresenceRun::endDisconnect(bool settled)
{
    m_server.end();
    m_self.end();
    m_report.add(QStringLiteral("disconnect_closed_s"),
                 secondsSince(m_phaseStartNs, m_allClosedNs));
    m_report.add(QStringLiteral("disconnect_settle_s"),
                 secondsSince(m_phaseStartNs, settled ? m_settle->heldSinceNs() : 0));
    m_report.add(QStringLiteral("disconnect_lists_correct"), m_presence->correctClients());
    addPhaseFigures(QStringLiteral("disconnect_"), m_phaseStart);
    if (m_server.available())
        m_report.add(QStringLiteral("disconnect_server_rss_after_kb"), m_server.atEnd().rssKb);
    m_report.add(QStringLiteral("disconnects"), m_disconnects);
    if (m_disconnects > 0)
        m_report.add(QStringLiteral("last_close_code"), m_lastCloseCode);
    m_report.add(QStringLiteral("settled"), m_burstSettled && settled);
    finish(m_burstSettled && settled && m_disconnects == 0 ? 0 : 1);
}

} // namespace bench
