#include "receipthandler.h"

#include "handlersupport.h"
#include "services/receiptservice.h"

namespace natter::server {

void registerReceiptHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    ReceiptService &receipts = *services.receipts;
    registry.add(protocol::RequestType::Read,
                 [&receipts](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<ReadRequest>(session, request);
                     if (!decoded)
                         return;
                     answer(session, request.id, receipts.read(session.caller(), *decoded),
                            [](const Receipt &receipt) { return ReadReply{receipt}; });
                 });
}

} // namespace natter::server
