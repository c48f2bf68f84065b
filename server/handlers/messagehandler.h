#pragma once
// send: a new message, answered after the group commit.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerMessageHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
