#include "procstats.h"

#include <QByteArray>
#include <QFile>
#include <QList>

#include <unistd.h>

namespace bench {
namespace {

QByteArray readProcFile(qint64 pid, const char *name)
{
    const QString path = pid > 0 ? QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name))
                                 : QStringLiteral("/proc/self/%1").arg(QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0: read until the end
}

qint64 statusKb(const QByteArray &status, const char *key)
{
    const qsizetype at = status.indexOf(key);
    if (at < 0)
        return 0;
    const qsizetype start = at + qsizetype(qstrlen(key));
    const qsizetype end = status.indexOf('\n', start);
    QByteArray line = status.mid(start, end < 0 ? -1 : end - start);
    line = line.trimmed();
    if (line.endsWith(" kB"))
        line.chop(3);
    return line.trimmed().toLongLong();
}

} // namespace

ProcSample readProcSample(qint64 pid)
{
    ProcSample sample;
    const QByteArray status = readProcFile(pid, "status");
    const QByteArray stat = readProcFile(pid, "stat");
    if (status.isEmpty() || stat.isEmpty())
        return sample;
    sample.rssKb = statusKb(status, "VmRSS:");
    sample.hwmKb = statusKb(status, "VmHWM:");
    sample.threads = int(statusKb(status, "Threads:"));
    // The command name (field 2) may hold spaces: fields are counted after its ')'.
    const qsizetype paren = stat.lastIndexOf(')');
    if (paren < 0)
        return sample;
    const QList<QByteArray> fields = stat.mid(paren + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    if (fields.size() < 13)
        return sample;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    sample.cpuS = double(fields[11].toLongLong() + fields[12].toLongLong()) / ticks;
    const QByteArray io = readProcFile(pid, "io");
    if (!io.isEmpty())
        sample.writeBytes = statusKb(io, "\nwrite_bytes:"); // a plain number, no unit
    sample.ok = true;
    return sample;
}

} // namespace bench
