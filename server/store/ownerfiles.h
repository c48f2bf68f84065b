#pragma once
// Files only their owner may read: the database (and its -wal and -shm, which SQLite
// creates with the database file's mode) and backups hold every message and password hash.

#include <QString>

#include <sys/types.h>

namespace natter::server {

// Takes the group and other permission bits off `path` if it exists (a file the owner made
// read-only stays read-only). False when the file exists and chmod failed.
bool restrictToOwner(const QString &path);
// The database file and its -wal, -shm and -journal companions.
void restrictDatabaseToOwner(const QString &path);

// While alive, files this process creates get no group or other permissions (umask 077).
class OwnerOnlyUmask final
{
public:
    OwnerOnlyUmask();
    ~OwnerOnlyUmask();
    OwnerOnlyUmask(const OwnerOnlyUmask &) = delete;
    OwnerOnlyUmask &operator=(const OwnerOnlyUmask &) = delete;

private:
    mode_t m_previous;
};

} // namespace natter::server
