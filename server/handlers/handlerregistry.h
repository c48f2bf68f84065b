#pragma once
// Request type -> handler. Each feature registers its handlers from its own file
// (authhandler.cpp, messagehandler.cpp, ...); ClientSession only looks them up.

#include "codec.h"
#include "protocol.h"

#include <QHash>

#include <functional>

namespace natter::server {

class ClientSession;

// Must answer the request exactly once, now or later (send, login and register answer
// after asynchronous work).
using RequestHandler = std::function<void(ClientSession &session, const codec::Request &request)>;

class HandlerRegistry final
{
public:
    void add(protocol::RequestType type, RequestHandler handler);
    const RequestHandler *find(protocol::RequestType type) const;

private:
    QHash<int, RequestHandler> m_handlers;
};

} // namespace natter::server
