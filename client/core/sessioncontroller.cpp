#include "sessioncontroller.h"

#include "profilesettings.h"
#include "replies.h"
#include "requests.h"

#include <QCryptographicHash>

namespace natter::client {

using protocol::RequestType;

SessionController::SessionController(ProfileSettings &settings, ServerConnection &connection,
                                     QObject *parent)
    : QObject(parent), m_settings(settings), m_connection(connection), m_token(settings.token())
{
    connect(&m_connection, &ServerConnection::connected, this, &SessionController::onConnected);
    connect(&m_connection, &ServerConnection::connectionLost, this, [this](const QString &why) {
        if (!m_authenticated && m_action != AuthAction::None && m_action != AuthAction::Token)
            emit authenticationFailed(ProtocolError::make(
                ErrorCode::Unavailable, tr("Cannot reach the server: %1").arg(why)));
    });
    connect(&m_connection, &ServerConnection::untrustedCertificate, this,
            &SessionController::untrustedCertificate);
    connect(&m_connection, &ServerConnection::signedOutByServer, this, [this]() {
        m_signOutReason = tr("You were signed out: this session was ended on the server "
                             "(signed out elsewhere, password changed, account disabled, or "
                             "the sign-in expired). Sign in again.");
        endSession();
    });
    connect(&m_connection, &ServerConnection::stateChanged, this,
            [this](ConnectionState state) { emit connectionStateChanged(state, 0); });
    connect(&m_connection, &ServerConnection::retryScheduled, this,
            [this](int seconds) { emit connectionStateChanged(m_connection.state(), seconds); });
}

void SessionController::signIn(const QUrl &server, const QString &username, const QString &password,
                               bool remember)
{
    startAuth(server, AuthAction::Login, username, password, remember);
}

void SessionController::registerAccount(const QUrl &server, const QString &username,
                                        const QString &password, bool remember)
{
    startAuth(server, AuthAction::Register, username, password, remember);
}

bool SessionController::resume()
{
    if (m_token.isEmpty())
        return false;
    emit resuming(m_settings.serverUrl(), m_settings.username());
    startAuth(m_settings.serverUrl(), AuthAction::Token, m_settings.username(), {}, true);
    return true;
}

void SessionController::abandonSignIn()
{
    if (m_authenticated || m_action == AuthAction::None || m_action == AuthAction::Token)
        return;
    m_action = AuthAction::None;
    m_password.clear();
    m_connection.close();
}

void SessionController::reconnectNow()
{
    // Also after a refused certificate stopped the retries: connecting asks about it again.
    if (wantsConnection())
        m_connection.reconnectNow();
}

void SessionController::startAuth(const QUrl &server, AuthAction action, const QString &username,
                                  const QString &password, bool remember)
{
    m_action = action;
    m_signOutReason.clear();
    m_username = username;
    m_password = password;
    m_remember = remember;
    if (action != AuthAction::Token)
        m_token.clear();
    m_settings.setServerUrl(server);
    m_connection.setPinnedCertificate(m_settings.pinnedCertificate(server));
    m_connection.open(server);
}

QByteArray SessionController::pinnedCertificate() const
{
    return m_settings.pinnedCertificate(serverUrl());
}

void SessionController::onConnected()
{
    QJsonObject fields;
    RequestType type = RequestType::Auth;
    if (!m_token.isEmpty()) {
        fields = AuthRequest{m_token}.toJson();
    } else if (m_action == AuthAction::Login || m_action == AuthAction::Register) {
        type = m_action == AuthAction::Login ? RequestType::Login : RequestType::Register;
        fields = LoginRequest{m_username, m_password}.toJson();
    } else {
        return;
    }
    m_connection.request(type, fields,
                         [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
                             if (!e) {
                                 onAuthenticated(reply);
                                 return;
                             }
                             if (e->code == ErrorCode::Unavailable)
                                 return; // connection lost: the reconnect tries again
                             m_token.clear();
                             m_settings.setToken({});
                             m_action = AuthAction::None;
                             m_connection.close();
                             emit authenticationFailed(*e);
                         });
}

void SessionController::onAuthenticated(const QJsonObject &reply)
{
    const auto signedInReply = SignInReply::fromJson(reply, nullptr);
    if (!signedInReply)
        return;
    if (!signedInReply->token.isEmpty())
        m_token = signedInReply->token;
    m_password.clear();
    const bool first = !m_authenticated || m_me.id != signedInReply->user.id;
    m_me = signedInReply->user;
    m_settings.setUsername(m_me.username);
    m_settings.setToken(m_remember ? m_token : QString());
    m_authenticated = true;
    ++m_session; // a sync still waiting to retry belongs to the session before
    emit signedIn(m_me);
    if (first)
        emit authenticated(m_me);
    emit sessionStarted();
}

void SessionController::trustCertificate(const QSslCertificate &certificate)
{
    const QUrl server = m_settings.serverUrl();
    const QByteArray digest = certificate.digest(QCryptographicHash::Sha256).toHex();
    m_settings.setPinnedCertificate(server, digest);
    m_connection.setPinnedCertificate(digest);
    m_connection.open(server);
}

void SessionController::signOut()
{
    if (m_authenticated)
        m_connection.request(RequestType::Logout, {},
                             [](const QJsonObject &, const std::optional<ProtocolError> &) {});
    m_signOutReason.clear();
    endSession();
}

void SessionController::endSession()
{
    m_connection.close();
    m_authenticated = false;
    m_action = AuthAction::None;
    m_token.clear();
    m_settings.setToken({});
    emit sessionEnded();
    emit signedOut();
}

} // namespace natter::client
