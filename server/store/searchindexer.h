#pragma once
// Keeps an SQLite database's search index (a file of its own beside the database, schema 9)
// up to date from a thread of its own, over a connection of its own: the message writer's
// commits never wait for the index's inserts and merges. The thread indexes what the
// database holds beyond the index's cursor (new messages, and the edits and deletes in
// search_changes) whenever it is told that something was stored, and at least every second.
// A search asks it to catch up first (catchUp()), so it finds what was just sent.

#include "storeresult.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <memory>
#include <optional>

namespace natter::server {

class SqlStore;

class SearchIndexer final
{
public:
    // Messages indexed in one transaction at most: FTS5 writes a segment per transaction.
    static constexpr int kStep = 5000;

    // `store`: a connection in the indexer's role (SqlStore::indexerSibling()), not opened.
    explicit SearchIndexer(std::unique_ptr<SqlStore> store);
    ~SearchIndexer();
    Q_DISABLE_COPY_MOVE(SearchIndexer)

    // Starts the thread, which opens the store there: the index file is checked (built again
    // when it does not match the database) and everything not yet indexed is, with progress
    // in the log. Blocks until then.
    StoreResult<bool> start();
    // Something was stored: index it soon (any thread).
    void notify();
    // Blocks until the index has reached message `messagesUpTo` and change `changesUpTo`
    // (what the caller read from the database), or fails (Unavailable) after a few seconds.
    StoreResult<bool> catchUp(qint64 messagesUpTo, qint64 changesUpTo);

private:
    void run();

    std::unique_ptr<SqlStore> m_store; // used only on m_thread
    std::unique_ptr<QThread> m_thread;

    QMutex m_mutex;
    QWaitCondition m_wake;    // the thread waits on it
    QWaitCondition m_reached; // catchUp() waits on it
    std::optional<StoreResult<bool>> m_opened;
    qint64 m_messagesUpTo = 0; // the index's committed cursors
    qint64 m_changesUpTo = 0;
    std::optional<StoreResult<bool>> m_lastStep; // failed: why (catchUp() reports it)
    quint64 m_steps = 0;                         // steps taken since start
    int m_waiting = 0;                           // catchUp() calls waiting
    bool m_notified = false;
    bool m_stopping = false;
};

} // namespace natter::server
