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
        if (!decoded)
            return;
        answer(session, request.id, sync.sync(session.caller(), *decoded),
               [](const ChangePage &page) {
                   return QJsonObject{{QStringLiteral("messages"), toJsonArray(page.messages)},
                                      {QStringLiteral("receipts"), toJsonArray(page.receipts)},
                                      {QStringLiteral("hidden"), toJsonArray(page.hidden)},
                                      {QStringLiteral("rev"), double(page.rev)},
                                      {QStringLiteral("has_more"), page.hasMore}};
               });
    });
}

} // namespace natter::server
