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
        session.replyRead(
            request.id, QJsonObject{{QStringLiteral("messages"), toJsonArray(page.value.messages)},
                                    {QStringLiteral("receipts"), toJsonArray(page.value.receipts)},
                                    {QStringLiteral("hidden"), toJsonArray(page.value.hidden)},
                                    {QStringLiteral("rev"), double(page.value.rev)},
                                    {QStringLiteral("has_more"), page.value.hasMore}});
    });
}

} // namespace natter::server
