#pragma once
// Request type -> handler. Each feature registers its handlers from its own file
// (authhandler.cpp, messagehandler.cpp, ...); the transport's sessions reach them through the
// RequestDispatcher interface.

#include "codec.h"
#include "interfaces/clientsession.h"
#include "interfaces/requestdispatcher.h"
#include "protocol.h"

#include <QHash>

#include <functional>

namespace natter::server {

// Must answer the request exactly once, now or later (send, login and register answer
// after asynchronous work).
using RequestHandler = std::function<void(ClientSession &session, const codec::Request &request)>;

class HandlerRegistry final : public RequestDispatcher
{
public:
    void add(protocol::RequestType type, RequestHandler handler);
    bool dispatch(ClientSession &session, const codec::Request &request) const override;

private:
    QHash<int, RequestHandler> m_handlers;
};

} // namespace natter::server
