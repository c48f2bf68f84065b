#pragma once
// Stores batches of new messages on a thread of its own, over a connection of its own
// (ChatStore::sibling()), so that the event loop goes on reading, answering and fanning out
// while a batch is written and synced. Batches are answered in the order they were handed
// over. The event loop hands a batch over as soon as it has one; the thread stores everything
// handed over since its last commit in one transaction (up to kMaxMessagesPerCommit): a send
// waits for the commit under way and its own, never for batches queued on the event loop
// behind a fixed number in hand. The store is opened, used and closed on the thread (a
// QtSql connection belongs to the thread that made it).

#include "chatstore.h"

#include <QAtomicInteger>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>

namespace natter::server {

class MessageWriter final
{
public:
    using Results = QList<StoreResult<AppendedMessage>>;
    // `lastOfCommit`: no batch after this one was stored in the same transaction.
    using Written = std::function<void(const Results &, bool lastOfCommit)>;

    // Batches handed over and not yet answered; beyond, the event loop keeps its sends.
    static constexpr qsizetype kMaxOutstanding = 64;
    // One transaction takes batches while they fit (a larger one alone is stored whole).
    static constexpr qsizetype kMaxMessagesPerCommit = 8192;

    // `store`: not yet opened. Make it on the thread whose event loop hears back.
    explicit MessageWriter(std::unique_ptr<ChatStore> store);
    // Stores what was handed over (their `written` are not called), then closes the store.
    ~MessageWriter();
    Q_DISABLE_COPY_MOVE(MessageWriter)

    // Starts the thread and opens the store there; blocks until it is open or failed.
    StoreResult<bool> start();

    // Batches handed over whose `written` has not been called yet.
    qsizetype outstanding() const { return m_written.size(); }
    bool busy() const { return !m_written.isEmpty(); }
    bool full() const { return m_written.size() >= kMaxOutstanding; }
    // Messages handed over that no transaction has taken yet: they wait for the next commit.
    qsizetype waiting() const { return m_waiting.loadRelaxed(); }
    // Hands a batch over (never when full()). `written` runs later on this thread's event
    // loop with appendMessages()'s results, in the order the batches were handed over.
    void write(QList<NewMessage> batch, Written written);
    // Blocks until the oldest batch handed over is stored and calls the `written` of every
    // batch stored by then (shutdown).
    void wait();

private:
    void run();
    // On the owner's thread: calls `written` for the batches the thread has finished.
    void deliver();

    std::unique_ptr<ChatStore> m_store; // used only on m_thread
    std::unique_ptr<QThread> m_thread;
    QObject m_context;        // lives on the owner's thread: where results are delivered
    QList<Written> m_written; // owner's thread only; oldest first

    QMutex m_mutex;
    QWaitCondition m_changed;
    std::optional<StoreResult<bool>> m_opened;
    QList<QList<NewMessage>> m_batches; // handed over, not yet taken by the thread
    struct Stored
    {
        Results results;
        bool lastOfCommit = true;
    };
    QList<Stored> m_results; // stored, not yet delivered; oldest first
    QAtomicInteger<qsizetype> m_waiting = 0;
    bool m_stopping = false;
};

} // namespace natter::server
