#pragma once
// Groups: create_group, rename_group, add_members, remove_member, leave_group, set_role and
// group_members, each decoded and handed to the GroupService.

#include "handlerregistry.h"
#include "services/serviceset.h"

namespace natter::server {

void registerGroupHandlers(HandlerRegistry &registry, const ServiceSet &services);

} // namespace natter::server
