// natter-writecount: preloaded into natter-server by bench/run.sh (LD_PRELOAD), it counts the
// bytes written with pwrite() per kind of file (SQLite writes its WAL, its database and the
// search index file that way) into a small shared file the load generator reads at the start
// and the end of its window: WAL bytes per message is then a measurement, not an estimate.
// A file's kind is decided from its name when it is opened (open/openat are wrapped too), so
// a write costs an array look-up: a readlink() per write cost the open loop's writer thread
// 15 % of its time.
#include "writecounts.h"

#include <atomic>
#include <cstdarg>
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

bool endsWith(const char *text, const char *suffix)
{
    const std::size_t length = std::strlen(text);
    const std::size_t n = std::strlen(suffix);
    return length >= n && std::memcmp(text + length - n, suffix, n) == 0;
}

// Per descriptor: 0 not opened since the library was loaded (not counted), else the slot of
// WriteCounts it adds to, plus one.
constexpr int kMaxFd = 1 << 16;
std::atomic<unsigned char> g_kinds[kMaxFd];

unsigned char kindOf(const char *path)
{
    std::size_t slot = offsetof(bench::WriteCounts, otherFileBytes);
    if (endsWith(path, "-search-wal") || endsWith(path, "-search"))
        slot = offsetof(bench::WriteCounts, searchBytes);
    else if (endsWith(path, "-wal"))
        slot = offsetof(bench::WriteCounts, walBytes);
    return static_cast<unsigned char>(slot / sizeof(std::uint64_t) + 1);
}

void opened(int fd, const char *path)
{
    if (fd >= 0 && fd < kMaxFd && path)
        g_kinds[fd].store(kindOf(path), std::memory_order_relaxed);
}

void count(int fd, ssize_t written)
{
    if (!g_counts || written <= 0 || fd < 0 || fd >= kMaxFd)
        return;
    const unsigned kind = g_kinds[fd].load(std::memory_order_relaxed);
    if (kind == 0)
        return;
    std::atomic_ref<std::uint64_t>(g_counts[kind - 1])
        .fetch_add(std::uint64_t(written), std::memory_order_relaxed);
    if (kind - 1 == offsetof(bench::WriteCounts, walBytes) / sizeof(std::uint64_t))
        std::atomic_ref<std::uint64_t>(
            g_counts[offsetof(bench::WriteCounts, walWrites) / sizeof(std::uint64_t)])
            .fetch_add(1, std::memory_order_relaxed);
}

template <typename F> F next(const char *name)
{
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
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
    static const auto real = next<Pwrite>("pwrite64");
    const ssize_t written = real(fd, buffer, size, offset);
    count(fd, written);
    return written;
}

ssize_t countedPwrite(int fd, const void *buffer, size_t size, off_t offset)
{
    static const auto real = next<Pwrite>("pwrite");
    const ssize_t written = real(fd, buffer, size, offset);
    count(fd, written);
    return written;
}

// open() and openat() under each of their symbol names, as pwrite above (the mode is read
// only when the flags ask for it, as the C library does).
using Open = int (*)(const char *, int, ...);
using OpenAt = int (*)(int, const char *, int, ...);

namespace {

mode_t modeOf(int flags, va_list arguments)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? mode_t(va_arg(arguments, int)) : 0;
}

int openVia(const char *symbol, const char *path, int flags, mode_t mode)
{
    const int fd = next<Open>(symbol)(path, flags, mode);
    opened(fd, path);
    return fd;
}

int openAtVia(const char *symbol, int dir, const char *path, int flags, mode_t mode)
{
    const int fd = next<OpenAt>(symbol)(dir, path, flags, mode);
    opened(fd, path);
    return fd;
}

} // namespace

extern "C" int countedOpen(const char *path, int flags, ...) __asm__("open");
extern "C" int countedOpen64(const char *path, int flags, ...) __asm__("open64");
extern "C" int countedOpenAt(int dir, const char *path, int flags, ...) __asm__("openat");
extern "C" int countedOpenAt64(int dir, const char *path, int flags, ...) __asm__("openat64");

int countedOpen(const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    return openVia("open", path, flags, mode);
}

int countedOpen64(const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    return openVia("open64", path, flags, mode);
}

int countedOpenAt(int dir, const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    return openAtVia("openat", dir, path, flags, mode);
}

int countedOpenAt64(int dir, const char *path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    const mode_t mode = modeOf(flags, arguments);
    va_end(arguments);
    return openAtVia("openat64", dir, path, flags, mode);
}
