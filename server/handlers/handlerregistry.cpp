#include "handlerregistry.h"

namespace natter::server {

void HandlerRegistry::add(protocol::RequestType type, RequestHandler handler)
{
    m_handlers.insert(int(type), std::move(handler));
}

bool HandlerRegistry::dispatch(ClientSession &session, const codec::Request &request) const
{
    const auto it = m_handlers.constFind(int(request.type));
    if (it == m_handlers.constEnd())
        return false;
    it.value()(session, request);
    return true;
}

} // namespace natter::server
