#pragma once

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

// react (reactionservice.h).
void registerReactionHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
