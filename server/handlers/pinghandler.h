#pragma once
// ping: keeps the connection alive; allowed before authentication.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerPingHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
