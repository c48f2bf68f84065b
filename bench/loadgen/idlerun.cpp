#include "idlerun.h"

#include "benchclient.h"
#include "benchclock.h"
#include "clientpool.h"
#include "presencetracker.h"

namespace bench {
namespace {

// After the lists are complete, the server settles (presence batches, buffers) before the
// RSS reading.
constexpr int kSettleMs = 1000;

} // namespace

IdleRun::IdleRun(const Options &options, QObject *parent)
    : BenchRun(options, parent), m_pool(new ClientPool(options, options.clients, this)),
      m_presence(new PresenceTracker(options.clients, options.userPrefix, this))
{
    m_pool->setPresenceTracker(m_presence);
    connect(m_pool, &ClientPool::failed, this, [this](const QString &reason) {
        // What was reached is still worth reporting (e.g. RSS per connection so far).
        m_report.add(QStringLiteral("error"), reason);
        m_report.add(QStringLiteral("signed_in"), m_pool->signedIn());
        m_report.add(QStringLiteral("elapsed_s"), double(nowNs() - m_startNs) / 1e9, 3);
        m_server.end();
        m_self.end();
        addFigures(m_pool->signedIn());
        finish(2);
    });
    connect(m_pool, &ClientPool::ready, this, &IdleRun::onSignedIn);
    for (BenchClient *client : m_pool->clients()) {
        // A user whose socket closes leaves every other list incomplete.
        connect(client, &BenchClient::disconnected, this, [this](int code) {
            ++m_disconnects;
            m_lastCloseCode = code;
        });
    }
    connect(m_presence, &PresenceTracker::becameComplete, this, &IdleRun::onPresenceComplete);
    m_presenceTimeout.setSingleShot(true);
    m_presenceTimeout.setInterval(int(options.durationS * 1000));
    connect(&m_presenceTimeout, &QTimer::timeout, this, &IdleRun::measure);
}

void IdleRun::start()
{
    m_server.begin();
    m_self.begin();
    m_startNs = nowNs();
    m_pool->start();
}

void IdleRun::onSignedIn()
{
    m_signedIn = true;
    m_report.add(QStringLiteral("sign_in_s"), m_pool->signInSeconds(), 3);
    m_report.add(QStringLiteral("registered"), m_pool->registered());
    if (m_presence->allComplete())
        onPresenceComplete();
    else
        m_presenceTimeout.start();
}

void IdleRun::onPresenceComplete()
{
    if (m_completeNs == 0)
        m_completeNs = nowNs();
    if (m_signedIn)
        measure();
}

void IdleRun::addFigures(int connections)
{
    m_report.add(QStringLiteral("presence_lists_complete"), m_presence->completeClients());
    m_report.add(QStringLiteral("presence_shortest_list"), m_presence->shortestList());
    m_report.add(QStringLiteral("presence_longest_list"), m_presence->longestList());
    m_report.add(QStringLiteral("presence_frames"), m_presence->framesSeen());
    m_report.add(QStringLiteral("presence_entries"), m_presence->entriesSeen());
    m_report.add(QStringLiteral("disconnects"), m_disconnects);
    if (m_disconnects > 0)
        m_report.add(QStringLiteral("last_close_code"), m_lastCloseCode);
    addProcessFigures();
    if (m_server.available() && connections > 0) {
        const qint64 before = m_server.atBegin().rssKb;
        const qint64 after = m_server.atEnd().rssKb;
        m_report.add(QStringLiteral("server_rss_before_kb"), before);
        m_report.add(QStringLiteral("server_rss_after_kb"), after);
        m_report.add(QStringLiteral("server_rss_per_conn_kb"), double(after - before) / connections,
                     2);
    }
}

void IdleRun::measure()
{
    if (m_measuring)
        return;
    m_measuring = true;
    m_presenceTimeout.stop();
    QTimer::singleShot(kSettleMs, this, [this]() {
        m_server.end();
        m_self.end();
        const bool complete = m_completeNs > 0;
        m_report.add(QStringLiteral("presence_complete"), complete);
        m_report.add(QStringLiteral("presence_complete_s"),
                     complete ? QJsonValue(qRound64(double(m_completeNs - m_startNs) / 1e6) / 1e3)
                              : QJsonValue(QJsonValue::Null));
        addFigures(m_options.clients);
        finish(0);
    });
}

} // namespace bench
