#pragma once
// History mode: PREFIX0 and PREFIX1's conversation is filled up to M messages (numbered
// contents, so the newest one tells how many a previous fill left; the recipient is offline
// meanwhile so nothing fans out), then `history` pages of 50 are requested one at a time,
// alternately the newest page and one before a random message, and their round trips timed.
// Then as many search requests and pages around a message (SearchProbe).

#include "benchrun.h"
#include "latencyhistogram.h"
#include "replies.h"

#include <QTimer>

#include <functional>
#include <optional>

namespace bench {

class BenchClient;
class ClientPool;
class SearchProbe;

class HistoryRun final : public BenchRun
{
    Q_OBJECT

public:
    explicit HistoryRun(const Options &options, QObject *parent = nullptr);

    void start() override;

private:
    void onSignedIn();
    void startFill();
    void sendFill();
    void onFillAck(QStringView errorCode);
    void findBounds();
    void searchOldest(qint64 low, qint64 high);
    void requestPage(int i);
    void probeSearch();
    void complete();
    void fail(const QString &reason);
    // One history request; `done` gets the reply and its round trip in ns.
    // A page of history: the decoded reply (else nullopt and why) and its round trip.
    using PageDone = std::function<void(const std::optional<natter::HistoryReply> &,
                                        const QString &why, qint64 roundTripNs)>;
    void page(qint64 before, int limit, PageDone done);

    ClientPool *m_pool;
    SearchProbe *m_search = nullptr;
    BenchClient *m_sender = nullptr;
    QTimer m_progress;
    qint64 m_conversationId = 0;
    qint64 m_existing = 0;
    qint64 m_nextSeq = 0;
    qint64 m_fillAcked = 0;
    qint64 m_fillErrors = 0;
    qint64 m_fillStartNs = 0;
    double m_fillS = 0;
    qint64 m_oldestId = 0;
    qint64 m_newestId = 0;
    int m_shortPages = 0;
    int m_pageErrors = 0;
    LatencyHistogram m_all;
    LatencyHistogram m_newest;
    LatencyHistogram m_older;
};

} // namespace bench
