#pragma once
// users: the user directory with online flags (presence).

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerUsersHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
