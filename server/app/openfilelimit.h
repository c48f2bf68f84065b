#pragma once
// Every connection is a file descriptor: a default soft limit of 1024 would refuse the
// 1,025th client. Raise the soft limit to the hard one at start-up (no privilege needed).

namespace natter::server {

// Returns the soft limit in effect afterwards (-1 if it cannot be read).
long raiseOpenFileLimit();

} // namespace natter::server
