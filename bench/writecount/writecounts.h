#pragma once
// The counters natter-writecount keeps in the file named by NATTER_WRITECOUNT_FILE, read by
// natter-loadgen --write-counts: bytes the server wrote (pwrite) to each kind of file.

#include <cstdint>

namespace bench {

struct WriteCounts
{
    std::uint64_t walBytes = 0;       // <database>-wal: what each commit writes
    std::uint64_t searchBytes = 0;    // <database>-search and its -wal: the search index
    std::uint64_t otherFileBytes = 0; // the database file itself (checkpoints) and the rest
    std::uint64_t walWrites = 0;
};

} // namespace bench
