#pragma once
// read: moves the caller's read position.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerReceiptHandler(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
