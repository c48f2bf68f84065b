#include "searchprobe.h"

#include "benchclient.h"
#include "benchclock.h"
#include "replies.h"
#include "requests.h"

#include <QRandomGenerator>

namespace bench {

SearchProbe::SearchProbe(BenchClient *client, const Range &range, int requests, QObject *parent)
    : QObject(parent), m_client(client), m_range(range), m_requests(requests)
{}

QString SearchProbe::nameOf(Kind kind)
{
    switch (kind) {
    case CommonEverywhere:
        return QStringLiteral("search_common_all");
    case RareEverywhere:
        return QStringLiteral("search_rare_all");
    case CommonInConversation:
        return QStringLiteral("search_common_conv");
    case RareInConversation:
        return QStringLiteral("search_rare_conv");
    case Around:
    case KindCount:
        break;
    }
    return QStringLiteral("history_around");
}

void SearchProbe::start()
{
    next(0);
}

void SearchProbe::next(int i)
{
    if (i >= m_requests)
        return emit finished();
    const Kind kind = Kind(i % KindCount);
    QRandomGenerator *random = QRandomGenerator::global();
    const qint64 sentNs = nowNs();
    const auto timed = [this, i, kind, sentNs](bool ok) {
        m_latency[kind].record(m_client->frameArrivalNs() - sentNs);
        if (!ok)
            ++m_errors;
        next(i + 1);
    };
    if (kind == Around) {
        natter::HistoryRequest around;
        around.conversationId = m_range.conversationId;
        around.around = m_range.oldestId +
                        qint64(random->bounded(quint64(m_range.newestId - m_range.oldestId + 1)));
        m_client->request(around, [timed](const BenchClient::Reply &reply) {
            QString why;
            timed(BenchClient::decode<natter::HistoryReply>(reply, &why).has_value());
        });
        return;
    }
    natter::SearchRequest search;
    const bool common = kind == CommonEverywhere || kind == CommonInConversation;
    // The rare word is a whole word (the trailing space ends it): one message has it.
    search.query = common ? QStringLiteral("xxxx")
                          : QStringLiteral("h%1 ").arg(
                                random->bounded(quint64(qMax<qint64>(m_range.messages, 1))));
    if (kind == CommonInConversation || kind == RareInConversation)
        search.conversationId = m_range.conversationId;
    m_client->request(search, [timed, common](const BenchClient::Reply &reply) {
        QString why;
        const auto page = BenchClient::decode<natter::SearchReply>(reply, &why);
        // A common word fills its page; a rare one finds its message.
        timed(page && !page->messages.isEmpty() && (!common || page->messages.size() > 1));
    });
}

void SearchProbe::addTo(Report &report) const
{
    for (int k = 0; k < KindCount; ++k) {
        const QString name = nameOf(Kind(k));
        report.add(name + QStringLiteral("_p50_ms"), nsToMs(m_latency[k].percentileNs(0.5)), 3);
        report.add(name + QStringLiteral("_p99_ms"), nsToMs(m_latency[k].percentileNs(0.99)), 3);
    }
    report.add(QStringLiteral("search_errors"), m_errors);
}

} // namespace bench
