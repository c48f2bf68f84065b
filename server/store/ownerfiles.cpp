#include "ownerfiles.h"

#include <QFile>

#include <sys/stat.h>

namespace natter::server {

bool restrictToOwner(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat info
    {
    };
    if (::stat(name.constData(), &info) != 0)
        return true; // nothing there yet
    const mode_t wanted = info.st_mode & 07700;
    if ((info.st_mode & 07777) == wanted)
        return true;
    return ::chmod(name.constData(), wanted) == 0;
}

void restrictDatabaseToOwner(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        restrictToOwner(path + QLatin1String(suffix));
}

OwnerOnlyUmask::OwnerOnlyUmask() : m_previous(::umask(077))
{}

OwnerOnlyUmask::~OwnerOnlyUmask()
{
    ::umask(m_previous);
}

} // namespace natter::server
