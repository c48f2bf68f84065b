#include "handlers.h"

#include "authhandler.h"
#include "edithandler.h"
#include "grouphandler.h"
#include "historyhandler.h"
#include "messagehandler.h"
#include "pinghandler.h"
#include "reactionhandler.h"
#include "receipthandler.h"
#include "searchhandler.h"
#include "synchandler.h"
#include "typinghandler.h"
#include "usershandler.h"

namespace natter::server {

void registerAllHandlers(HandlerRegistry &registry, const ServiceSet &services)
{
    registerAuthHandlers(registry, services);
    registerPingHandler(registry, services);
    registerUsersHandler(registry, services);
    registerMessageHandler(registry, services);
    registerHistoryHandlers(registry, services);
    registerReceiptHandler(registry, services);
    registerEditHandlers(registry, services);
    registerTypingHandler(registry, services);
    registerSyncHandler(registry, services);
    registerSearchHandler(registry, services);
    registerGroupHandlers(registry, services);
    registerReactionHandler(registry, services);
}

} // namespace natter::server
