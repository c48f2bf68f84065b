#include "sqlitedialect.h"

#include "ownerfiles.h"
#include "walcheckpointer.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

namespace natter::server {
namespace {

// Often, so that the writer's own checkpoint finds little left to copy.
constexpr int kCheckpointIntervalMs = 100;
// SQLite's own checkpoint after a commit that leaves this many WAL pages (connect()).
constexpr int kAutocheckpointPages = 250;
constexpr int kLargestAutocheckpointPages = 2000;

} // namespace

SqliteDialect::SqliteDialect(QString path, bool checkpoints)
    : m_path(std::move(path)), m_checkpoints(checkpoints)
{}

std::unique_ptr<SqlDialect> SqliteDialect::sibling() const
{
    // Each connection to ":memory:" (or "") is a database of its own.
    if (m_path.isEmpty() || m_path == QLatin1String(":memory:"))
        return nullptr;
    return std::make_unique<SqliteDialect>(m_path, false);
}

QString SqliteDialect::searchIndexFile() const
{
    if (m_path.isEmpty() || m_path == QLatin1String(":memory:"))
        return QStringLiteral(":memory:");
    return m_path + QLatin1String("-search");
}

SqliteDialect::~SqliteDialect()
{
    closing();
}

StoreResult<bool> SqliteDialect::prepare()
{
    const QFileInfo info(m_path);
    m_directory = info.absolutePath();
    if (!QDir().mkpath(info.absolutePath()))
        return StoreResult<bool>::fail(StoreFailure::Unavailable,
                                       QStringLiteral("cannot create ") + info.absolutePath());
    return StoreResult<bool>::success(true);
}

bool SqliteDialect::connect(QSqlDatabase &db, QString *error)
{
    db.setDatabaseName(m_path);
    // URIs: the search index is attached read-only where it is only searched ("file:...?mode=ro").
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_URI"));
    restrictDatabaseToOwner(m_path); // messages and password hashes: owner only (0600)
    const OwnerOnlyUmask ownerOnly;  // a new file too; -wal and -shm copy its mode
    if (!db.open()) {
        *error = describe(db.lastError());
        return false;
    }

    QSqlQuery pragma(db);
    const auto failed = [&] {
        *error = describe(pragma.lastError());
        return false;
    };
    // WAL lets readers run beside the writer. synchronous=FULL syncs the WAL on every commit,
    // so an acknowledged message survives even a power cut (NORMAL would only survive a
    // process crash). Group commit keeps the cost to one sync per batch.
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                            "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY"}) {
        if (!pragma.exec(QString::fromLatin1(sql)))
            return failed();
    }
    // A batch of thousands of messages dirties index pages all over: in SQLite's default
    // 2 MiB cache they were spilled to the WAL before the commit, then written again.
    if (!pragma.exec(QStringLiteral("PRAGMA cache_size=-32768"))) // KiB
        return failed();
    // Checkpoints: a thread copies the WAL back beside the event loop (WalCheckpointer), and
    // SQLite's own checkpoint, in the connection whose commit leaves more than N pages in the
    // WAL, copies the frames left since the thread's last pass. Only a committing connection
    // can start the WAL over under steady load (a pass elsewhere always ends behind the
    // commits made meanwhile): with the thread alone it grew past 2 GB in 20 s of the closed
    // loop. On the event loop's connection N is 250 (1 MiB): there a checkpoint stalls every
    // request (at 5,000 msg/s the p99 was ~6-7 ms at 250 pages, 11-13 ms at 1,000, 24 ms at
    // 4,000). The message writer's connection starts there too and follows its batches
    // (beforeBatch()).
    m_autocheckpointPages = kAutocheckpointPages;
    if (!pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(m_autocheckpointPages)))
        return failed();
    // SQLite opens a file it may not write read-only, without an error: the server would
    // start, sign people in and answer `unavailable` to every write. A write rolled back
    // finds out now (root writes read-only files, so the file mode alone is not the answer;
    // and in WAL mode taking the write lock alone succeeds on a read-only file).
    if (!pragma.exec(QStringLiteral("PRAGMA user_version")) || !pragma.next())
        return failed();
    const int version = pragma.value(0).toInt();
    const bool probed = pragma.exec(QStringLiteral("BEGIN IMMEDIATE")) &&
                        pragma.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    const QSqlError probeError = pragma.lastError();
    pragma.exec(QStringLiteral("ROLLBACK"));
    pragma.finish();
    if (!probed) {
        const QString why = sqlitefile::whyNotWritable(m_path);
        *error = QStringLiteral("the database cannot be written: %1%2")
                     .arg(describe(probeError), why.isEmpty() ? QString() : "; " + why);
        return false;
    }
    if (m_checkpoints) {
        m_checkpointer = std::make_unique<WalCheckpointer>(m_path, kCheckpointIntervalMs);
        m_checkpointer->start();
    }
    m_identity = sqlitefile::identityOf(m_path);
    return true;
}

void SqliteDialect::closing()
{
    m_checkpointer.reset(); // stopped first: it reads the same file
}

void SqliteDialect::beforeBatch(QSqlDatabase &db, qsizetype messages)
{
    if (m_checkpoints)
        return; // the event loop's connection: small steps always
    // A large batch (the closed loop's thousands) is slowed by checkpoints of 1 MiB after
    // every commit, while the thread on the other core could copy most of it: the closed loop
    // went from ~35,600 to ~39,000-43,700 msg/s at 2,000 pages (8 MiB). Small batches keep
    // small steps: at 5,000 msg/s (a few messages a commit) a stall of 8 MiB put the p99 at
    // 18-190 ms against 11-16 ms at 250 pages. About a page per two messages, within bounds.
    const int pages = int(qBound(qsizetype(kAutocheckpointPages), messages / 2,
                                 qsizetype(kLargestAutocheckpointPages)));
    if (pages == m_autocheckpointPages)
        return;
    QSqlQuery pragma(db);
    if (pragma.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(pages)))
        m_autocheckpointPages = pages;
}

SqlDialect::Failure SqliteDialect::classify(const QSqlError &error, bool open) const
{
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
    case 8:  // SQLITE_READONLY
    case 10: // SQLITE_IOERR
    case 13: // SQLITE_FULL
    case 14: // SQLITE_CANTOPEN
        return {StoreFailure::Unavailable};
    case 19: // SQLITE_CONSTRAINT
        return {StoreFailure::Conflict};
    default:
        return {open ? StoreFailure::Internal : StoreFailure::Unavailable};
    }
}

QString SqliteDialect::describe(const QSqlError &error) const
{
    // QtSql gives no native code for a failed commit or transaction start: SQLite's text.
    const int code = error.nativeErrorCode().isEmpty() ? sqlitefile::codeFromText(error.text())
                                                       : error.nativeErrorCode().toInt();
    return sqlitefile::describeFailure(code, error.text(), m_directory);
}

QString SqliteDialect::migrationFailed(const QString &text) const
{
    return sqlitefile::describeFailure(sqlitefile::codeFromText(text), text, m_directory);
}

QString SqliteDialect::refusal()
{
    // One stat(2) per transaction or lone write: a microsecond beside the fsync of a commit.
    if (!m_identity || sqlitefile::identityOf(m_path) == m_identity)
        return {};
    return QStringLiteral("the database file %1 was deleted or replaced while the server had it "
                          "open: writes are refused (restore it from a backup)")
        .arg(m_path);
}

} // namespace natter::server
