#pragma once
// search: messages of the caller's conversations by their words (ConversationService).

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerSearchHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
