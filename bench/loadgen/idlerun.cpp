#include "idlerun.h"

#include "benchclient.h"
#include "benchclock.h"
#include "clientpool.h"
#include "contactlookup.h"
#include "presencetracker.h"
#include "settlewatch.h"

namespace bench {
namespace {

// Lists must stay correct this long (presence diffs are batched for 200 ms) before the
// reading; the server settles meanwhile (buffers) before the RSS reading.

} // namespace

IdleRun::IdleRun(const Options &options, QObject *parent)
    : BenchRun(options, parent), m_pool(new ClientPool(options, options.clients, this)),
      m_presence(new PresenceTracker(options.clients, options.userPrefix, this)),
      m_settle(new SettleWatch(kSettleMs, this))
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
        // A user whose socket closes leaves its contacts' lists wrong.
        connect(client, &BenchClient::disconnected, this, [this](int code) {
            ++m_disconnects;
            m_lastCloseCode = code;
        });
        // Its contacts are whom its list must show; the server knows them.
        connect(client, &BenchClient::signedIn, this, [this, client]() {
            requestContacts(client, m_options.userPrefix, m_options.clients,
                            [this, index = client->index()](const Contacts &contacts) {
                                onContacts(index, contacts.ok, contacts.bench, contacts.others);
                            });
        });
    }
    connect(m_presence, &PresenceTracker::allCompleteChanged, this, [this](bool all) {
        if (all && m_contactsKnown == m_options.clients)
            m_completeNs = nowNs();
    });
    connect(m_presence, &PresenceTracker::allCorrectChanged, this, &IdleRun::check);
    connect(m_settle, &SettleWatch::settled, this, [this]() { measure(true); });
    connect(m_settle, &SettleWatch::timedOut, this, [this]() { measure(false); });
}

void IdleRun::start()
{
    m_server.begin();
    m_self.begin();
    m_startNs = nowNs();
    m_pool->start();
}

void IdleRun::onContacts(int index, bool ok, std::vector<int> contacts, int others)
{
    if (!ok) {
        ++m_contactErrors;
        return;
    }
    ++m_contactsKnown;
    m_otherContacts += others;
    m_contactsTotal += qint64(contacts.size());
    m_presence->setUserId(index, m_pool->clients()[size_t(index)]->userId());
    m_presence->watch(index, std::move(contacts));
    if (m_contactsKnown == m_options.clients && m_presence->allComplete() && m_completeNs == 0)
        m_completeNs = nowNs();
    check();
}

void IdleRun::onSignedIn()
{
    m_signedIn = true;
    m_report.add(QStringLiteral("sign_in_s"), m_pool->signInSeconds(), 3);
    m_report.add(QStringLiteral("registered"), m_pool->registered());
    m_settle->startDeadline(int(m_options.durationS * 1000));
    check();
}

void IdleRun::check()
{
    m_settle->update(m_signedIn && m_contactsKnown == m_options.clients &&
                     m_presence->allCorrect());
}

void IdleRun::addFigures(int connections)
{
    m_report.add(QStringLiteral("contacts_total"), m_contactsTotal);
    if (m_otherContacts > 0)
        m_report.add(QStringLiteral("contacts_outside_bench"), m_otherContacts);
    if (m_contactErrors > 0)
        m_report.add(QStringLiteral("contact_lookup_errors"), m_contactErrors);
    m_report.add(QStringLiteral("presence_lists_complete"), m_presence->completeClients());
    m_report.add(QStringLiteral("presence_lists_correct"), m_presence->correctClients());
    m_report.add(QStringLiteral("presence_shortest_list"), m_presence->shortestList());
    m_report.add(QStringLiteral("presence_longest_list"), m_presence->longestList());
    m_report.add(QStringLiteral("presence_frames"), m_presence->framesSeen());
    m_report.add(QStringLiteral("presence_bytes"), m_presence->bytesSeen());
    m_report.add(QStringLiteral("presence_entries"), m_presence->entriesSeen());
    m_report.add(QStringLiteral("presence_early_entries"), m_presence->earlyEntries());
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

void IdleRun::measure(bool settled)
{
    m_server.end();
    m_self.end();
    // Complete: every list holds all of its contacts; correct: nothing else either.
    const bool complete =
        m_contactsKnown == m_options.clients && m_presence->allComplete() && m_completeNs > 0;
    m_report.add(QStringLiteral("presence_complete"), complete);
    m_report.add(QStringLiteral("presence_complete_s"),
                 secondsSince(m_startNs, complete ? m_completeNs : 0));
    m_report.add(QStringLiteral("presence_correct"), settled);
    m_report.add(QStringLiteral("presence_correct_s"),
                 secondsSince(m_startNs, settled ? m_settle->heldSinceNs() : 0));
    addFigures(m_options.clients);
    finish(settled && m_disconnects == 0 ? 0 : 1);
}

} // namespace bench
