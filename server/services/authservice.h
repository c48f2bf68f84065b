#pragma once
// Accounts and sessions: register, login (password), auth (token), logout. Password hashing
// is deliberately slow, so it runs on a small worker pool and the event loop never stalls;
// everything touching the store stays on the server thread.

#include "loginthrottle.h"
#include "outcome.h"
#include "passwordhasher.h"
#include "registrationthrottle.h"
#include "requests.h"
#include "store/chatstore.h"
#include "types.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

namespace natter::server {

struct AuthResult
{
    User user;
    QString token;        // only for register/login: the new token, sent to the client once
    QByteArray tokenHash; // identifies the session's token (for logout)
};

class AuthService final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const Outcome<AuthResult> &)>;

    AuthService(ChatStore &store, PasswordCost cost, const RegistrationSettings &registration = {},
                QObject *parent = nullptr);
    ~AuthService() override; // waits for running hash jobs

    // Asynchronous: `done` runs later on this thread, unless `context` is destroyed first.
    // `address` identifies the client for sign-up throttling (see RegistrationThrottle).
    void registerUser(const RegisterRequest &request, const QString &address, QObject *context,
                      Done done);
    // `address` identifies the client for brute-force throttling (see LoginThrottle).
    void login(const LoginRequest &request, const QString &address, QObject *context, Done done);

    Outcome<AuthResult> authenticateToken(const QString &token);
    Outcome<bool> logout(const QByteArray &tokenHash);

private:
    template <typename R, typename Job, typename Then>
    void runHashJob(QObject *context, Job job, Then then);
    Outcome<AuthResult> issueToken(const StoredUser &user);

    ChatStore &m_store;
    PasswordHasher m_hasher;
    QThreadPool m_pool;
    LoginThrottle m_throttle;
    Registration m_registration;
    RegistrationThrottle m_registrations;
    QElapsedTimer m_clock; // monotonic time for m_registrations
};

} // namespace natter::server
