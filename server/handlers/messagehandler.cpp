#include "messagehandler.h"

#include "handlersupport.h"
#include "services/messagingservice.h"

#include <QPointer>

namespace natter::server {

void registerMessageHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    MessagingService &messaging = *services.messaging;
    registry.add(protocol::RequestType::Send, [&messaging](ClientSession &session,
                                                           const codec::Request &request) {
        // Not holding the input: other requests may be answered before the commit, as
        // the protocol allows for send.
        QPointer<ClientSession> guard(&session);
        const QString re = request.id;
        MessagingService::Done done = [guard, re](const Outcome<codec::MessageFrames> &outcome) {
            if (!guard)
                return;
            // The service encoded the message once, for this SendReply and for
            // the event to the other sockets.
            if (outcome.ok())
                guard->sendFrame(outcome.value.reply(re));
            else
                guard->replyError(re, *outcome.error);
        };
        // Past the server's capacity: refused before its fields are read.
        if (messaging.refuseIfBusy(session.caller(), done))
            return;
        const auto decoded = decodeRequest<SendRequest>(session, request);
        if (!decoded || !contentFits(session, request.id, decoded->content))
            return;
        messaging.send(session.caller(), *decoded, std::move(done));
    });
}

} // namespace natter::server
