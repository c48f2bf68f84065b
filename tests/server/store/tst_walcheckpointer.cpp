// WalCheckpointer: with SQLite's automatic checkpoint off (as SqliteStore runs), the thread
// copies the WAL back into the database file, so the WAL is reused instead of growing, and
// it stops at once when asked.

#include "sqlitestore.h"
#include "walcheckpointer.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using natter::server::SqliteStore;
using natter::server::WalCheckpointer;

class TestWalCheckpointer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    int m_rows = 0;

    QString path() const { return m_dir.filePath(QStringLiteral("wal.db")); }
    qint64 walBytes() const { return QFileInfo(path() + QStringLiteral("-wal")).size(); }
    qint64 databaseBytes() const { return QFileInfo(path()).size(); }

    // One transaction per row, like messages committed one batch at a time.
    void writeRows(int count)
    {
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO rows (body) VALUES (?)")));
        for (int i = 0; i < count; ++i) {
            insert.addBindValue(QByteArray(300, char('a' + (m_rows++ % 26))));
            QVERIFY(insert.exec());
        }
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("writer"));
        m_db.setDatabaseName(path());
        QVERIFY(m_db.open());
        QSqlQuery q(m_db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous=OFF"))); // speed: not about syncs
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB)")));
    }

    void cleanup()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("writer"));
        QFile::remove(path());
        QFile::remove(path() + QStringLiteral("-wal"));
        QFile::remove(path() + QStringLiteral("-shm"));
        m_rows = 0;
    }

    void theWalIsCopiedBackAndReused()
    {
        writeRows(400);
        const qint64 grownWal = walBytes();
        const qint64 databaseBefore = databaseBytes();
        QVERIFY2(grownWal > 400 * 4096, qPrintable(QString::number(grownWal))); // nobody copied

        WalCheckpointer checkpointer(path(), 20);
        checkpointer.start();
        QTRY_VERIFY(checkpointer.checkpoints() >= 2);
        QVERIFY(databaseBytes() > databaseBefore + 400 * 300); // the rows are in the file now
        // Each later round starts the WAL over after the checkpoint before it: the file stays
        // about the size it had, where without checkpoints it would grow by each round (to
        // four times it). A round that overlaps a checkpoint on a busy machine appends
        // instead, so the bound is loose.
        for (int round = 0; round < 4; ++round) {
            const int before = checkpointer.checkpoints();
            writeRows(300);
            QTRY_VERIFY(checkpointer.checkpoints() >= before + 2);
        }
        QVERIFY2(walBytes() < 2 * grownWal,
                 qPrintable(QStringLiteral("%1 after, %2 before").arg(walBytes()).arg(grownWal)));
        QSqlQuery count(m_db);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM rows")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1600);
    }

    void stopsWithoutWaitingOutItsInterval()
    {
        WalCheckpointer checkpointer(path(), 60'000);
        checkpointer.start();
        QTest::qWait(50);
        QElapsedTimer clock;
        clock.start();
        checkpointer.stop();
        QVERIFY(checkpointer.isFinished());
        QVERIFY2(clock.elapsed() < 5'000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(checkpointer.checkpoints(), 0);
    }

    void theStoreCheckpointsInTheBackground()
    {
        const QString storePath = m_dir.filePath(QStringLiteral("store.db"));
        SqliteStore store(storePath);
        QVERIFY(store.open().ok());
        for (int i = 0; i < 60; ++i) {
            QVERIFY(store
                        .createUser(QStringLiteral("user%1").arg(i), QByteArray(64, 'h'),
                                    1'700'000'000'000 + i)
                        .ok());
        }
        // The users in the database file itself: read with the WAL ignored (immutable). The
        // file's size says nothing: the rows may land on pages a migration freed.
        const auto usersInFile = [&storePath]() {
            int users = -1;
            {
                auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("file-only"));
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
                db.setDatabaseName(QStringLiteral("file:") + storePath +
                                   QStringLiteral("?immutable=1"));
                QSqlQuery q(db);
                if (db.open() && q.exec(QStringLiteral("SELECT COUNT(*) FROM users")) && q.next())
                    users = q.value(0).toInt();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("file-only"));
            return users;
        };
        // Too few pages for SQLite's own checkpoint (250): without the thread the users would
        // stay in the WAL until the store closes.
        QTRY_COMPARE_WITH_TIMEOUT(usersInFile(), 60, 10'000);
        store.close();
    }
    void theStoresWalStaysSmallUnderSteadyLoad()
    {
        // 1,500 commits back to back, never a lull. A checkpoint in another
        // thread always ends behind the commits made meanwhile, so only the writer's own can
        // start the WAL over; without it the WAL grows for as long as the load lasts.
        const QString storePath = m_dir.filePath(QStringLiteral("steady.db"));
        SqliteStore store(storePath);
        QVERIFY(store.open().ok());
        QElapsedTimer clock;
        clock.start();
        qint64 largest = 0;
        int users = 0;
        while (users < 1'500 && clock.elapsed() < 30'000) {
            QVERIFY(store
                        .createUser(QStringLiteral("steady%1").arg(users++), QByteArray(64, 'h'),
                                    1'700'000'000'000)
                        .ok());
            largest = qMax(largest, QFileInfo(storePath + QStringLiteral("-wal")).size());
        }
        // Each commit writes at least two pages (the row and the username index): 12 MB and
        // more went through the WAL.
        QCOMPARE(users, 1'500);
        QVERIFY2(largest < 3 * 1024 * 1024, qPrintable(QString::number(largest)));
        store.close();
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
