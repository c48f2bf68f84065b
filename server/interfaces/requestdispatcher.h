#pragma once
// Where a session hands each decoded request: the transport parses frames and applies its
// limits, then calls dispatch(); the handlers implement it (HandlerRegistry). The app wires
// the two, so neither includes the other.

#include "codec.h"

namespace natter::server {

class ClientSession;

class RequestDispatcher
{
public:
    virtual ~RequestDispatcher() = default;

    // Hands `request` to the handler of its type, which answers it exactly once, now or
    // later. False when no handler serves the type (nothing was answered).
    virtual bool dispatch(ClientSession &session, const codec::Request &request) const = 0;
};

} // namespace natter::server
