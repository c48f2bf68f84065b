#include "historyrun.h"

#include "benchclient.h"
#include "benchclock.h"
#include "clientpool.h"
#include "payload.h"
#include "protocollimits.h"
#include "replies.h"
#include "requests.h"
#include "searchprobe.h"

#include <QRandomGenerator>

#include <cstdio>

namespace bench {
namespace {

constexpr int kPageSize = natter::limits::kDefaultHistoryPage;

} // namespace

HistoryRun::HistoryRun(const Options &options, QObject *parent)
    : BenchRun(options, parent), m_pool(new ClientPool(options, 2, this))
{
    m_report.add(QStringLiteral("history_messages"), options.historyMessages);
    connect(m_pool, &ClientPool::failed, this, &HistoryRun::fail);
    connect(m_pool, &ClientPool::ready, this, &HistoryRun::onSignedIn);
    m_progress.setInterval(5000);
    connect(&m_progress, &QTimer::timeout, this, [this]() {
        const double s = double(nowNs() - m_fillStartNs) / 1e9;
        std::fprintf(stderr, "natter-loadgen: history fill %lld of %lld (%.0f msg/s)\n",
                     static_cast<long long>(m_existing + m_fillAcked),
                     static_cast<long long>(m_options.historyMessages), double(m_fillAcked) / s);
    });
}

void HistoryRun::start()
{
    m_pool->start();
}

void HistoryRun::fail(const QString &reason)
{
    m_progress.stop();
    m_report.add(QStringLiteral("error"), reason);
    finish(2);
}

void HistoryRun::onSignedIn()
{
    m_sender = m_pool->clients()[0];
    BenchClient *recipient = m_pool->clients()[1];
    m_sender->setPeer(recipient->userId());
    const qint64 peerId = recipient->userId();
    // Offline recipient: the fill costs the server its storage work only.
    recipient->close();
    connect(m_sender, &BenchClient::disconnected, this, [this](int code) {
        fail(QStringLiteral("%1's connection closed (close code %2)")
                 .arg(m_sender->username())
                 .arg(code));
    });
    m_sender->request(natter::protocol::RequestType::Conversations, {},
                      [this, peerId](const BenchClient::Reply &reply) {
                          QString why;
                          const auto list =
                              BenchClient::decode<natter::ConversationsReply>(reply, &why);
                          if (!list)
                              return fail(QStringLiteral("conversations failed: %1").arg(why));
                          for (const natter::Conversation &conversation : list->conversations) {
                              if (conversation.peer.id != peerId)
                                  continue;
                              m_conversationId = conversation.id;
                              const QString last = conversation.lastMessage
                                                       ? conversation.lastMessage->content
                                                       : QString();
                              // Numbered from 0 by earlier fills; anything else counts as empty.
                              m_existing = payload::fillSeqOf(last).value_or(-1) + 1;
                          }
                          m_report.add(QStringLiteral("existing_messages"), m_existing);
                          startFill();
                      });
}

void HistoryRun::startFill()
{
    m_nextSeq = m_existing;
    m_fillStartNs = nowNs();
    if (m_nextSeq >= m_options.historyMessages)
        return findBounds();
    connect(m_sender, &BenchClient::sendAcked, this, &HistoryRun::onFillAck);
    if (!m_options.jsonOnly)
        m_progress.start();
    for (int i = 0; i < m_options.fillInFlight; ++i)
        sendFill();
}

void HistoryRun::sendFill()
{
    if (m_nextSeq >= m_options.historyMessages)
        return;
    m_sender->sendMessage(payload::fillContent(m_nextSeq++));
}

void HistoryRun::onFillAck(QStringView errorCode)
{
    ++m_fillAcked;
    if (!errorCode.isEmpty())
        ++m_fillErrors;
    sendFill();
    if (m_existing + m_fillAcked < m_options.historyMessages)
        return;
    m_progress.stop();
    disconnect(m_sender, &BenchClient::sendAcked, this, &HistoryRun::onFillAck);
    m_fillS = double(nowNs() - m_fillStartNs) / 1e9;
    if (m_conversationId == 0)
        m_conversationId = m_sender->conversationId();
    findBounds();
}

void HistoryRun::page(qint64 before, int limit, PageDone done)
{
    const qint64 sentNs = nowNs();
    m_sender->request(natter::HistoryRequest{m_conversationId, before, limit},
                      [this, sentNs, done = std::move(done)](const BenchClient::Reply &reply) {
                          // Timed to the frame's arrival, before it is decoded.
                          const qint64 roundTripNs = m_sender->frameArrivalNs() - sentNs;
                          QString why;
                          done(BenchClient::decode<natter::HistoryReply>(reply, &why), why,
                               roundTripNs);
                      });
}

void HistoryRun::findBounds()
{
    m_report.add(QStringLiteral("filled"), m_fillAcked);
    m_report.add(QStringLiteral("fill_errors"), m_fillErrors);
    if (m_fillAcked > 0) {
        m_report.add(QStringLiteral("fill_s"), m_fillS, 3);
        m_report.add(QStringLiteral("fill_per_s"), double(m_fillAcked) / m_fillS, 1);
    }
    if (m_conversationId == 0)
        return fail(QStringLiteral("no conversation between %1 and %2")
                        .arg(m_pool->clients()[0]->username(), m_pool->clients()[1]->username()));
    page(0, 1, [this](const std::optional<natter::HistoryReply> &reply, const QString &, qint64) {
        if (!reply || reply->messages.isEmpty())
            return fail(QStringLiteral("the conversation has no history"));
        m_newestId = reply->messages.first().id;
        searchOldest(1, m_newestId + 1);
    });
}

void HistoryRun::searchOldest(qint64 low, qint64 high)
{
    // The page before `low` is empty, the page before `high` is not: the oldest id is in
    // [low, high).
    if (high - low <= 1) {
        m_oldestId = low;
        m_report.add(QStringLiteral("oldest_id"), m_oldestId);
        m_report.add(QStringLiteral("newest_id"), m_newestId);
        m_server.begin();
        m_self.begin();
        return requestPage(0);
    }
    const qint64 middle = low + (high - low) / 2;
    page(middle, 1,
         [this, low, high, middle](const std::optional<natter::HistoryReply> &reply,
                                   const QString &why, qint64) {
             if (!reply)
                 return fail(QStringLiteral("history failed: %1").arg(why));
             if (reply->messages.isEmpty())
                 searchOldest(middle, high);
             else
                 searchOldest(low, middle);
         });
}

void HistoryRun::requestPage(int i)
{
    if (i >= m_options.historyRequests)
        return probeSearch();
    const bool newest = i % 2 == 0;
    qint64 before = 0;
    if (!newest) {
        // Strictly inside the conversation, at least a full page from its start.
        const qint64 low = std::min(m_oldestId + kPageSize, m_newestId);
        before = low + qint64(QRandomGenerator::global()->bounded(quint64(m_newestId - low + 1)));
    }
    page(before, kPageSize,
         [this, i, newest](const std::optional<natter::HistoryReply> &reply, const QString &,
                           qint64 roundTripNs) {
             if (!reply)
                 ++m_pageErrors;
             else if (reply->messages.size() < kPageSize)
                 ++m_shortPages;
             m_all.record(roundTripNs);
             (newest ? m_newest : m_older).record(roundTripNs);
             requestPage(i + 1);
         });
}

void HistoryRun::probeSearch()
{
    m_search = new SearchProbe(
        m_sender, {m_conversationId, m_oldestId, m_newestId, m_options.historyMessages},
        m_options.historyRequests, this);
    connect(m_search, &SearchProbe::finished, this, &HistoryRun::complete);
    m_search->start();
}

void HistoryRun::complete()
{
    m_server.end();
    m_self.end();
    m_report.add(QStringLiteral("requests"), m_options.historyRequests);
    m_report.add(QStringLiteral("page_size"), kPageSize);
    addLatency(m_all);
    m_report.add(QStringLiteral("newest_p50_ms"), nsToMs(m_newest.percentileNs(0.5)), 3);
    m_report.add(QStringLiteral("newest_p99_ms"), nsToMs(m_newest.percentileNs(0.99)), 3);
    m_report.add(QStringLiteral("older_p50_ms"), nsToMs(m_older.percentileNs(0.5)), 3);
    m_report.add(QStringLiteral("older_p99_ms"), nsToMs(m_older.percentileNs(0.99)), 3);
    m_report.add(QStringLiteral("short_pages"), m_shortPages);
    m_report.add(QStringLiteral("page_errors"), m_pageErrors);
    m_search->addTo(m_report);
    addProcessFigures();
    finish(m_pageErrors == 0 && m_fillErrors == 0 && m_search->errors() == 0 ? 0 : 1);
}

} // namespace bench
