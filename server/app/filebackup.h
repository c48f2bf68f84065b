#pragma once
// The file contents a backup needs (docs/operations.md "Backup and restore"): every blob the
// backed-up database's `files` table names, hard-linked (blobs never change: a link costs no
// space) or else copied into FOLDER/blobs/ab/<sha256>, the same layout as the files
// directory, so restoring is copying FOLDER/blobs back into it.

#include <QString>

namespace natter::server {

struct FileBackup
{
    int stored = 0;  // blobs now in the backup
    int missing = 0; // named by the database but not on disk (removed since the snapshot)
    QString error;   // empty on success
};

// `database`: the SQLite copy just written (read-only here); `files`: the server's files
// directory; `folder`: where the blobs go (made when needed).
FileBackup backupFiles(const QString &database, const QString &files, const QString &folder);

} // namespace natter::server
