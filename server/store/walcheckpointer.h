#pragma once
// Copies an SQLite database's write-ahead log back into the database file from a thread of
// its own. SQLite's automatic checkpoint runs inside a commit on the server's event loop: it
// writes and syncs what the WAL holds, and every message waiting for that commit waits with
// it. This thread runs a PASSIVE checkpoint (it never blocks the writer or readers) every
// interval, so that the writer's own checkpoint (which the store keeps, at a small size, as
// the only one that can start the WAL over under steady load) finds little left to copy.

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

namespace natter::server {

class WalCheckpointer final : public QThread
{
    Q_OBJECT

public:
    WalCheckpointer(QString databasePath, int intervalMs, QObject *parent = nullptr);
    // Stops and joins the thread.
    ~WalCheckpointer() override;
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

    void stop();
    // Checkpoints run so far.
    int checkpoints() const;

protected:
    void run() override;

private:
    const QString m_path;
    const int m_intervalMs;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stopping = false;
    int m_checkpoints = 0;
};

} // namespace natter::server
