#pragma once
// Stores batches of new messages on a thread of its own, over a connection of its own
// (ChatStore::sibling()), so that the event loop goes on reading, answering and fanning out
// while a batch is written and synced. One batch at a time: the next waits for the one in
// hand, so messages are stored in the order they were handed over. The store is opened, used
// and closed on the thread (a QtSql connection belongs to the thread that made it).

#include "chatstore.h"

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
    using Written = std::function<void(const Results &)>;

    // `store`: not yet opened. Make it on the thread whose event loop hears back.
    explicit MessageWriter(std::unique_ptr<ChatStore> store);
    // Waits for the batch in hand (its `written` is not called), then closes the store.
    ~MessageWriter();
    Q_DISABLE_COPY_MOVE(MessageWriter)

    // Starts the thread and opens the store there; blocks until it is open or failed.
    StoreResult<bool> start();

    // Whether a batch was handed over and its `written` has not been called yet.
    bool busy() const { return bool(m_written); }
    // Hands a batch over (never while busy()). `written` runs later on this thread's event
    // loop, with appendMessages()'s results.
    void write(QList<NewMessage> batch, Written written);
    // Blocks until the batch in hand is stored and calls its `written` now (shutdown).
    void wait();

private:
    void run();
    // On the owner's thread: calls `written` when the thread has finished the batch.
    void deliver();

    std::unique_ptr<ChatStore> m_store; // used only on m_thread
    std::unique_ptr<QThread> m_thread;
    QObject m_context; // lives on the owner's thread: where results are delivered
    Written m_written; // owner's thread only

    QMutex m_mutex;
    QWaitCondition m_changed;
    std::optional<StoreResult<bool>> m_opened;
    std::optional<QList<NewMessage>> m_batch; // handed over, not yet taken
    std::optional<Results> m_results;         // stored, not yet delivered
    bool m_stopping = false;
};

} // namespace natter::server
