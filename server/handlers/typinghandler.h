#pragma once
// typing: relayed to the other participant.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerTypingHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
