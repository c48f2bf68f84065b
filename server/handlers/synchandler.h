#pragma once
// sync: every change after a revision, for reconnecting clients.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerSyncHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
