#include "synchandler.h"

#include "handlersupport.h"
#include "services/syncservice.h"

namespace natter::server {

void registerSyncHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    SyncService &sync = *services.sync;
    registry.add(protocol::RequestType::Sync, [&sync](ClientSession &session,
                                                      const codec::Request &request) {
        const auto decoded = decodeRequest<SyncRequest>(session, request);
        if (!decoded || !session.mayRead(request.id))
            return;
        const Outcome<ChangePage> page = sync.sync(session.caller(), *decoded);
        if (!page.ok())
            return session.replyError(request.id, *page.error);
        const ChangePage &changes = page.value;
        session.replyRead(request.id, SyncReply{changes.messages, changes.receipts, changes.hidden,
                                                changes.rev, changes.hasMore}
                                          .toJson());
    });
}

} // namespace natter::server
