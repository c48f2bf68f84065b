// natter-writecount: preloaded into natter-server by bench/run.sh (LD_PRELOAD), it counts the
// bytes written with pwrite() per kind of file (SQLite writes its WAL, its database and the
// search index file that way) into a small shared file the load generator reads at the start
// and the end of its window: WAL bytes per message is then a measurement, not an estimate.
// Each call costs one readlink() of its descriptor, about a microsecond.
#include "writecounts.h"

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

using Pwrite = ssize_t (*)(int, const void *, size_t, off_t);

std::uint64_t *g_counts = nullptr; // bench::WriteCounts in the shared file

bool endsWith(const char *text, std::size_t length, const char *suffix)
{
    const std::size_t n = std::strlen(suffix);
    return length >= n && std::memcmp(text + length - n, suffix, n) == 0;
}

void count(int fd, ssize_t written)
{
    if (!g_counts || written <= 0)
        return;
    char link[64];
    char path[1024];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t length = readlink(link, path, sizeof path - 1);
    if (length <= 0 || path[0] != '/') // sockets, pipes
        return;
    std::size_t slot = offsetof(bench::WriteCounts, otherFileBytes);
    if (endsWith(path, std::size_t(length), "-search-wal") ||
        endsWith(path, std::size_t(length), "-search"))
        slot = offsetof(bench::WriteCounts, searchBytes);
    else if (endsWith(path, std::size_t(length), "-wal"))
        slot = offsetof(bench::WriteCounts, walBytes);
    std::atomic_ref<std::uint64_t>(g_counts[slot / sizeof(std::uint64_t)])
        .fetch_add(std::uint64_t(written), std::memory_order_relaxed);
    if (slot == offsetof(bench::WriteCounts, walBytes))
        std::atomic_ref<std::uint64_t>(
            g_counts[offsetof(bench::WriteCounts, walWrites) / sizeof(std::uint64_t)])
            .fetch_add(1, std::memory_order_relaxed);
}

Pwrite real(const char *name)
{
    return reinterpret_cast<Pwrite>(dlsym(RTLD_NEXT, name));
}

// Maps the counters file, zeroed: each server process counts from its start.
__attribute__((constructor)) void mapCounts()
{
    const char *file = std::getenv("NATTER_WRITECOUNT_FILE");
    if (!file || !*file)
        return;
    const int fd = open(file, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    if (ftruncate(fd, sizeof(bench::WriteCounts)) == 0) {
        void *p =
            mmap(nullptr, sizeof(bench::WriteCounts), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p != MAP_FAILED)
            g_counts = static_cast<std::uint64_t *>(p);
    }
    close(fd);
}

} // namespace

// Both names, under their symbol names: with _FILE_OFFSET_BITS=64 the C library's header
// maps pwrite to pwrite64, so they cannot be defined under their own C++ names.
extern "C" ssize_t countedPwrite64(int fd, const void *buffer, size_t size,
                                   off_t offset) __asm__("pwrite64");
extern "C" ssize_t countedPwrite(int fd, const void *buffer, size_t size,
                                 off_t offset) __asm__("pwrite");

ssize_t countedPwrite64(int fd, const void *buffer, size_t size, off_t offset)
{
    static const Pwrite next = real("pwrite64");
    const ssize_t written = next(fd, buffer, size, offset);
    count(fd, written);
    return written;
}

ssize_t countedPwrite(int fd, const void *buffer, size_t size, off_t offset)
{
    static const Pwrite next = real("pwrite");
    const ssize_t written = next(fd, buffer, size, offset);
    count(fd, written);
    return written;
}
