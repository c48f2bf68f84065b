#pragma once
// One reading of a process's memory and CPU time from /proc (Linux).

#include <QtGlobal>

namespace bench {

struct ProcSample
{
    bool ok = false;
    qint64 rssKb = 0; // VmRSS
    qint64 hwmKb = 0; // VmHWM: peak RSS over the process's life
    double cpuS = 0;  // utime + stime
    int threads = 0;
    // /proc/PID/io write_bytes: what the process sent to storage (every thread; its WAL
    // writes and checkpoints). -1 when unreadable (another user's process).
    qint64 writeBytes = -1;
};

// pid 0 reads this process.
ProcSample readProcSample(qint64 pid);

} // namespace bench
