#pragma once
// conversations and history: reading what was said.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerHistoryHandlers(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
