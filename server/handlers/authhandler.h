#pragma once
// register, login, auth, logout.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerAuthHandlers(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
