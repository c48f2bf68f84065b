#include "walcheckpointer.h"

#include <QAtomicInt>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace natter::server {
namespace {

QAtomicInt s_checkpointerCounter;

} // namespace

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs, QObject *parent)
    : QThread(parent), m_path(std::move(databasePath)), m_intervalMs(intervalMs)
{}

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

void WalCheckpointer::stop()
{
    {
        const QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    wait();
}

int WalCheckpointer::checkpoints() const
{
    const QMutexLocker locker(&m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::run()
{
    // A connection of this thread's own: QtSql connections must not cross threads.
    const QString name =
        QStringLiteral("natter-checkpoint-%1").arg(s_checkpointerCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000"));
        if (!db.open()) {
            qWarning().noquote() << "WAL checkpointer: cannot open" << m_path << ":"
                                 << db.lastError().text();
        } else {
            QSqlQuery query(db);
            // The checkpoint syncs the WAL before copying and the database file after.
            query.exec(QStringLiteral("PRAGMA synchronous=FULL"));
            QMutexLocker locker(&m_mutex);
            while (!m_stopping) {
                m_wake.wait(&m_mutex, QDeadlineTimer(m_intervalMs));
                if (m_stopping)
                    break;
                locker.unlock();
                const bool ran = query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
                const QString error = ran ? QString() : query.lastError().text();
                query.finish();
                locker.relock();
                if (ran)
                    ++m_checkpoints;
                else // the next interval tries again
                    qWarning().noquote() << "WAL checkpoint failed:" << error;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace natter::server
