#pragma once
// The SQLite database as a file on disk: its identity (to notice it deleted or replaced while
// the server holds it open), why this process cannot write it, and what a failed write says
// about the disk. SqliteStore uses these for its own errors; the server's start-up checks and
// its watch on the file use them too.

#include <QString>

#include <optional>

namespace natter::server::sqlitefile {

struct Identity
{
    quint64 device = 0;
    quint64 inode = 0;
    bool operator==(const Identity &other) const
    {
        return device == other.device && inode == other.inode;
    }
    bool operator!=(const Identity &other) const { return !(*this == other); }
};

// The file at `path` now (stat, follows symlinks); nullopt when there is none.
std::optional<Identity> identityOf(const QString &path);

// Bytes an unprivileged writer may still use on the filesystem holding `directory`; -1 when
// unknown.
qint64 freeBytesOn(const QString &directory);

// Below this many free bytes a failed write is reported as "disk full".
constexpr qint64 kNearlyFullBytes = 1024 * 1024;

// The text of a failed SQLite call on the database in `directory`. SQLITE_FULL (13) and
// SQLITE_IOERR (10) carry the free space there, and when it is nearly none the text starts
// with "disk full: N bytes free on DIR": SQLite's own "disk I/O error" does not say why.
// `sqliteCode` may be an extended code. Other codes return `sqliteText` as it is.
QString describeFailure(int sqliteCode, const QString &sqliteText, const QString &directory,
                        qint64 freeBytes);
// SQLITE_FULL or SQLITE_IOERR from SQLite's text for them (QtSql gives no code for a failed
// commit); 0 for any other text.
int codeFromText(const QString &sqliteText);
// The same with the free space measured now.
QString describeFailure(int sqliteCode, const QString &sqliteText, const QString &directory);

// Why this process cannot write the database at `path` (and create its -wal and -shm files
// beside it), e.g. "the file is read-only (mode 0444, owner uid 0)"; empty when it can as far
// as access(2) knows (root can write read-only files, so SQLite decides in the end).
QString whyNotWritable(const QString &path);

} // namespace natter::server::sqlitefile
