#include "handlerregistry.h"

namespace natter::server {

void HandlerRegistry::add(protocol::RequestType type, RequestHandler handler)
{
    m_handlers.insert(int(type), std::move(handler));
}

const RequestHandler *HandlerRegistry::find(protocol::RequestType type) const
{
    const auto it = m_handlers.constFind(int(type));
    return it == m_handlers.constEnd() ? nullptr : &it.value();
}

} // namespace natter::server
