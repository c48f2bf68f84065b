#pragma once
// Registers every request handler of protocol v1.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerAllHandlers(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
