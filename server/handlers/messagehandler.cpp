#include "messagehandler.h"

#include "handlersupport.h"
#include "services/messagingservice.h"

#include <QPointer>

namespace natter::server {

void registerMessageHandler(HandlerRegistry &registry, const ServiceSet &services)
{
    MessagingService &messaging = *services.messaging;
    registry.add(protocol::RequestType::Send,
                 [&messaging](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<SendRequest>(session, request);
                     if (!decoded || !contentFits(session, request.id, decoded->content))
                         return;
                     // Not holding the input: other requests may be answered before the commit, as
                     // the protocol allows for send.
                     QPointer<ClientSession> guard(&session);
                     const QString re = request.id;
                     messaging.send(session.caller(), *decoded,
                                    [guard, re](const Outcome<codec::MessageFrames> &outcome) {
                                        if (!guard)
                                            return;
                                        // The service encoded the message once, for this SendReply
                                        // and for the event to the other sockets.
                                        if (outcome.ok())
                                            guard->sendFrame(outcome.value.reply(re));
                                        else
                                            guard->replyError(re, *outcome.error);
                                    });
                 });
}

} // namespace natter::server
