#pragma once
// edit, delete (for me / for everyone) and edit_history.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerEditHandlers(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
