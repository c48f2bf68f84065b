#pragma once
// Who is making a request: the authenticated user and the connection it came on (so that
// fan-out can skip the socket that already got the reply).

#include <QtGlobal>

namespace natter::server {

using ConnectionId = quint64; // unique per socket for the life of the process; 0 = none

struct Caller
{
    qint64 userId = 0;
    ConnectionId connection = 0;
};

} // namespace natter::server
