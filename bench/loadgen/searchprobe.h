#pragma once
// History mode's search figures: on the filled conversation (contents "h<seq>-xxxx…", so
// "xxxx" is in every message and "h<seq>" in one), `search` requests one at a time, in turn:
// a common word everywhere, a rare word everywhere, both in the conversation, and a
// `history` page around a random message (the jump to a hit). Each kind's round trips go to
// the report as search_<kind>_p50_ms / _p99_ms.

#include "latencyhistogram.h"
#include "report.h"

#include <QObject>
#include <QString>

#include <array>

namespace bench {

class BenchClient;

class SearchProbe final : public QObject
{
    Q_OBJECT

public:
    struct Range
    {
        qint64 conversationId = 0;
        qint64 oldestId = 0;
        qint64 newestId = 0;
        qint64 messages = 0; // the fill's count: seq numbers 0..messages-1
    };

    SearchProbe(BenchClient *client, const Range &range, int requests, QObject *parent = nullptr);

    void start();
    // The figures and the count of failed requests.
    void addTo(Report &report) const;
    int errors() const { return m_errors; }

signals:
    void finished();

private:
    enum Kind
    {
        CommonEverywhere,
        RareEverywhere,
        CommonInConversation,
        RareInConversation,
        Around,
        KindCount
    };
    static QString nameOf(Kind kind);
    void next(int i);

    BenchClient *m_client;
    Range m_range;
    int m_requests;
    int m_errors = 0;
    std::array<LatencyHistogram, KindCount> m_latency;
};

} // namespace bench
