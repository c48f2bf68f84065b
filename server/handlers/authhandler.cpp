#include "authhandler.h"

#include "handlersupport.h"
#include "services/authservice.h"
#include "services/presenceservice.h"

#include <QPointer>

namespace natter::server {
namespace {

// Answers a successful authentication and makes the socket the user's: reply first, then
// the presence snapshot the protocol promises after authentication.
void completeAuth(ClientSession &session, const QString &re, const Outcome<AuthResult> &outcome,
                  PresenceService &presence)
{
    if (!outcome.ok()) {
        session.replyError(re, *outcome.error);
        return;
    }
    const AuthResult &result = outcome.value;
    if (!session.mayAuthenticateAs(result.user.id)) {
        session.replyError(
            re, ProtocolError::make(ErrorCode::Forbidden,
                                    QStringLiteral("too many open connections for this account; "
                                                   "close another window first")));
        return;
    }
    session.authenticate(result.user, result.tokenHash);
    // Register and login return a new token; auth none (result.token is empty).
    session.replyOk(re, SignInReply{result.user, result.token}.toJson());
    presence.sendSnapshot(session.caller());
}

// Register and login hash a password on a worker: hold the session's input so the replies
// to later requests still come in order (and see the new authentication).
template <typename R, typename Start>
void handleAsync(ClientSession &session, const codec::Request &request, PresenceService &presence,
                 Start start)
{
    const auto decoded = decodeRequest<R>(session, request);
    if (!decoded)
        return;
    session.holdInput();
    QPointer<ClientSession> guard(&session);
    const QString re = request.id;
    start(*decoded, &session, [guard, re, &presence](const Outcome<AuthResult> &outcome) {
        if (!guard)
            return;
        completeAuth(*guard, re, outcome, presence);
        guard->releaseInput();
    });
}

} // namespace

void registerAuthHandlers(HandlerRegistry &registry, const ServiceSet &services)
{
    AuthService &auth = *services.auth;
    PresenceService &presence = *services.presence;
    using protocol::RequestType;

    registry.add(RequestType::Register,
                 [&auth, &presence](ClientSession &session, const codec::Request &request) {
                     handleAsync<RegisterRequest>(
                         session, request, presence,
                         [&auth, address = session.peerAddress()](
                             const RegisterRequest &r, QObject *context, AuthService::Done done) {
                             auth.registerUser(r, address, context, std::move(done));
                         });
                 });
    registry.add(RequestType::Login, [&auth, &presence](ClientSession &session,
                                                        const codec::Request &request) {
        handleAsync<LoginRequest>(session, request, presence,
                                  [&auth, address = session.peerAddress()](const LoginRequest &r,
                                                                           QObject *context,
                                                                           AuthService::Done done) {
                                      auth.login(r, address, context, std::move(done));
                                  });
    });
    registry.add(RequestType::Auth, [&auth, &presence](ClientSession &session,
                                                       const codec::Request &request) {
        if (const auto decoded = decodeRequest<AuthRequest>(session, request))
            completeAuth(session, request.id, auth.authenticateToken(decoded->token), presence);
    });
    registry.add(RequestType::Logout,
                 [&auth](ClientSession &session, const codec::Request &request) {
                     const auto outcome = auth.logout(session.tokenHash());
                     if (!outcome.ok()) {
                         session.replyError(request.id, *outcome.error);
                         return;
                     }
                     session.deauthenticate();
                     session.replyOk(request.id, LogoutReply{}.toJson());
                 });
}

} // namespace natter::server
