#pragma once
// Sign-in, registration, the remembered token, sign-out (by the user or by the server) and
// certificate trust: the session's state machine. It owns nothing else; the other controllers
// follow its signals.

#include "serverconnection.h"
#include "types.h"

#include <QObject>

namespace natter::client {

class ProfileSettings;

class SessionController final : public QObject
{
    Q_OBJECT

public:
    SessionController(ProfileSettings &settings, ServerConnection &connection,
                      QObject *parent = nullptr);

    User currentUser() const { return m_me; }
    bool isAuthenticated() const { return m_authenticated; }
    // Signed in, or resuming with the remembered token: the main window is up and waits for
    // the server (false before the first sign-in and after signing out).
    bool wantsConnection() const { return m_authenticated || m_action == AuthAction::Token; }
    // Counts sign-ins on a connection: a reply that waited across one belongs to the past.
    quint64 signInCount() const { return m_session; }
    ConnectionState connectionState() const { return m_connection.state(); }
    QUrl serverUrl() const { return m_connection.url(); }
    // The session's token, for the file connections (/v1/files signs in with it too).
    QString token() const { return m_token; }
    // The certificate the user trusted for the server now used (empty: none); file
    // connections check it as the chat connection does.
    QByteArray pinnedCertificate() const;

    void signIn(const QUrl &server, const QString &username, const QString &password,
                bool remember);
    void registerAccount(const QUrl &server, const QString &username, const QString &password,
                         bool remember);
    bool resume(); // signs in with the remembered token; false when there is none
    // Gives up a sign-in or registration that has not got through: no reconnect keeps
    // trying that address in the background (the sign-in window's attempt ended with its
    // error; the next click starts afresh). Does nothing once signed in.
    void abandonSignIn();
    // Connects now instead of waiting for the next scheduled retry ("Reconnect now").
    void reconnectNow();
    // Whom the local cache says signed in last, shown until the server confirms (or not).
    void presumeUser(const User &user)
    {
        if (!m_authenticated)
            m_me = user;
    }
    void signOut();
    // Why the last session ended when the server ended it (empty after signOut()).
    QString signOutReason() const { return m_signOutReason; }
    // Accept this (self-signed) server certificate from now on and connect again.
    void trustCertificate(const QSslCertificate &certificate);

signals:
    // resume() starts: the remembered account's local cache can be shown meanwhile.
    void resuming(const QUrl &server, const QString &username);
    // Every sign-in, the first and those after a reconnect, before anyone else hears of it.
    void signedIn(const natter::User &me);
    void authenticated(const natter::User &user); // the first sign-in of this account
    // After signedIn (and authenticated): time to catch up and send what waited.
    void sessionStarted();
    void authenticationFailed(const natter::ProtocolError &error);
    // The session's data is to be forgotten; signedOut() follows.
    void sessionEnded();
    void signedOut();
    void untrustedCertificate(const QSslCertificate &certificate, bool changed);
    // For the status bar: retryInSeconds > 0 when offline with a reconnect scheduled.
    void connectionStateChanged(natter::client::ConnectionState state, int retryInSeconds);

private:
    enum class AuthAction
    {
        None,
        Login,
        Register,
        Token
    };

    void startAuth(const QUrl &server, AuthAction action, const QString &username,
                   const QString &password, bool remember);
    void onConnected();
    void onAuthenticated(const QJsonObject &reply);
    // Forgets the session and its data; signedOut() follows.
    void endSession();

    ProfileSettings &m_settings;
    ServerConnection &m_connection;
    AuthAction m_action = AuthAction::None;
    QString m_username;
    QString m_password; // only until the first successful sign-in
    bool m_remember = false;
    QString m_token;
    QString m_signOutReason;
    User m_me;
    bool m_authenticated = false;
    quint64 m_session = 0; // counts sign-ins on a connection
};

} // namespace natter::client
