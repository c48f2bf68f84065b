#include "searchindexer.h"

#include "sqlstore.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QElapsedTimer>
#include <QMutexLocker>

#include <utility>

namespace natter::server {
namespace {

// Told of a commit, the thread waits this long for more before it indexes (unless a search
// waits): at thousands of messages a second, steps of hundreds rather than of a few.
constexpr int kGatherMs = 50;
// Without being told (another process wrote, a notification was missed): this often.
constexpr int kPollMs = 1000;
// After a failed step (a full disk, say), before the next attempt.
constexpr int kRetryMs = 1000;
// How long a search waits for the index before it answers `unavailable`.
constexpr int kCatchUpTimeoutMs = 5000;
// While a large backlog is indexed at start.
constexpr qint64 kProgressLogMs = 5000;

} // namespace

SearchIndexer::SearchIndexer(std::unique_ptr<SqlStore> store) : m_store(std::move(store))
{}

SearchIndexer::~SearchIndexer()
{
    if (!m_thread)
        return;
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
        m_reached.wakeAll();
    }
    m_thread->wait();
}

StoreResult<bool> SearchIndexer::start()
{
    if (!m_store)
        return StoreResult<bool>::fail(StoreFailure::Unavailable,
                                       QStringLiteral("no second connection for the search index"));
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("natter-indexer"));
    m_thread->start();
    QMutexLocker lock(&m_mutex);
    while (!m_opened)
        m_reached.wait(&m_mutex);
    return *m_opened;
}

void SearchIndexer::notify()
{
    const QMutexLocker lock(&m_mutex);
    m_notified = true;
    m_wake.wakeAll();
}

StoreResult<bool> SearchIndexer::catchUp(qint64 messagesUpTo, qint64 changesUpTo)
{
    QMutexLocker lock(&m_mutex);
    const QDeadlineTimer deadline(kCatchUpTimeoutMs);
    const quint64 stepsBefore = m_steps;
    ++m_waiting;
    m_wake.wakeAll();
    std::optional<StoreResult<bool>> outcome;
    while (!outcome) {
        if (m_messagesUpTo >= messagesUpTo && m_changesUpTo >= changesUpTo)
            outcome = StoreResult<bool>::success(true);
        else if (m_steps > stepsBefore && m_lastStep && !m_lastStep->ok())
            outcome = *m_lastStep; // a step taken for this call failed
        else if (m_stopping || !m_reached.wait(&m_mutex, deadline))
            outcome = StoreResult<bool>::fail(StoreFailure::Unavailable,
                                              QStringLiteral("the search index is behind"));
    }
    --m_waiting;
    return *outcome;
}

void SearchIndexer::run()
{
    // Opening checks the file (building it again when it does not match the database).
    auto opened = m_store->open();
    // Then everything not yet indexed, before the server serves: a search would wait for it.
    bool logged = false;
    QElapsedTimer sinceLog;
    while (opened.ok()) {
        const auto step = m_store->indexSearchStep(kStep);
        if (!step.ok()) {
            opened = StoreResult<bool>::fail(step.failure, step.detail);
            break;
        }
        {
            const QMutexLocker lock(&m_mutex);
            m_messagesUpTo = step.value.messagesUpTo;
            m_changesUpTo = step.value.changesUpTo;
        }
        if (step.value.messages < kStep)
            break;
        if (!logged || sinceLog.hasExpired(kProgressLogMs)) {
            qInfo().noquote() << QStringLiteral("search index: up to message %1 of %2")
                                     .arg(step.value.messagesUpTo)
                                     .arg(step.value.latest);
            logged = true;
            sinceLog.start();
        }
    }
    if (logged && opened.ok())
        qInfo().noquote() << QStringLiteral("search index: up to date");
    {
        const QMutexLocker lock(&m_mutex);
        m_opened = opened;
        m_reached.wakeAll();
    }
    if (!opened.ok()) {
        m_store->close();
        return;
    }

    QString lastFailure;
    QMutexLocker lock(&m_mutex);
    while (!m_stopping) {
        if (!m_notified && m_waiting == 0)
            m_wake.wait(&m_mutex, kPollMs);
        if (m_stopping)
            break;
        if (m_waiting == 0 && m_notified) {
            // Gather more, unless a search asks meanwhile.
            const QDeadlineTimer gather(kGatherMs);
            while (m_waiting == 0 && !m_stopping && m_wake.wait(&m_mutex, gather)) {
            }
        }
        m_notified = false;
        lock.unlock();
        StoreResult<SqlStore::SearchIndexStep> step;
        bool more = false;
        do {
            step = m_store->indexSearchStep(kStep);
            const QMutexLocker reached(&m_mutex);
            if (step.ok()) {
                m_messagesUpTo = step.value.messagesUpTo;
                m_changesUpTo = step.value.changesUpTo;
                m_lastStep = StoreResult<bool>::success(true);
            } else {
                m_lastStep = StoreResult<bool>::fail(step.failure, step.detail);
            }
            ++m_steps;
            m_reached.wakeAll();
            more = step.ok() && step.value.messages == kStep && !m_stopping;
        } while (more);
        if (!step.ok() && step.detail != lastFailure)
            qWarning().noquote() << "search index: cannot index new messages:" << step.detail;
        lastFailure = step.ok() ? QString() : step.detail;
        lock.relock();
        if (!step.ok() && !m_stopping)
            m_wake.wait(&m_mutex, kRetryMs);
    }
    lock.unlock();
    m_store->close();
}

} // namespace natter::server
