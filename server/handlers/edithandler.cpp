#include "edithandler.h"

#include "handlersupport.h"
#include "services/messageeditservice.h"

namespace natter::server {

void registerEditHandlers(HandlerRegistry &registry, const ServiceSet &services)
{
    MessageEditService &edits = *services.edits;
    using protocol::RequestType;
    registry.add(RequestType::Edit,
                 [&edits](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<EditRequest>(session, request);
                     if (!decoded || !contentFits(session, request.id, decoded->content))
                         return;
                     answer(session, request.id, edits.edit(session.caller(), *decoded),
                            [](const Message &message) { return EditReply{message}; });
                 });
    registry.add(RequestType::Delete,
                 [&edits](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<DeleteRequest>(session, request);
                     if (!decoded)
                         return;
                     answer(session, request.id, edits.remove(session.caller(), *decoded),
                            [](bool) { return DeleteReply{}; });
                 });
    registry.add(
        RequestType::EditHistory, [&edits](ClientSession &session, const codec::Request &request) {
            const auto decoded = decodeRequest<EditHistoryRequest>(session, request);
            if (!decoded)
                return;
            answer(session, request.id, edits.editHistory(session.caller(), *decoded),
                   [](const QList<EditRecord> &records) { return EditHistoryReply{records}; });
        });
}

} // namespace natter::server
