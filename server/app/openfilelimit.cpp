#include "openfilelimit.h"

#include <sys/resource.h>

namespace natter::server {

long raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    // An "unlimited" hard limit is not a valid soft value for NOFILE: cap it.
    constexpr rlim_t kCap = 1 << 20;
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? kCap : limit.rlim_max;
    if (limit.rlim_cur < wanted) {
        rlimit raised = limit;
        raised.rlim_cur = wanted;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return long(limit.rlim_cur);
}

} // namespace natter::server
