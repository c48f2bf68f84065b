#include "authservice.h"

#include "config/logging.h"
#include "sessiontoken.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <sodium.h>

namespace natter::server {
namespace {

// The same answer for an unknown user and a wrong password: no account enumeration.
ProtocolError badCredentials()
{
    return ProtocolError::make(ErrorCode::Unauthorized,
                               QStringLiteral("wrong username or password"));
}

ProtocolError hashingFailed()
{
    return ProtocolError::make(ErrorCode::Internal, QStringLiteral("internal server error"));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

struct VerifyResult
{
    bool ok = false;
    std::optional<QByteArray> upgradedHash; // set when the stored hash used an older cost
};

} // namespace

AuthService::AuthService(ChatStore &store, PasswordCost cost,
                         const RegistrationSettings &registration, QObject *parent)
    : QObject(parent), m_store(store), m_hasher(cost), m_registration(registration.mode),
      m_registrations(registration)
{
    m_clock.start();
    if (sodium_init() < 0)
        qCCritical(lcAuth) << "libsodium failed to initialise";
    // Each Argon2id job holds its memory cost (64 MiB interactive): bound the concurrency.
    m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
}

AuthService::~AuthService()
{
    m_pool.waitForDone();
}

template <typename R, typename Job, typename Then>
void AuthService::runHashJob(QObject *context, Job job, Then then)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QPointer<AuthService> self(this);
    // The watcher dies with `context` (the session): then the result is dropped unseen.
    connect(watcher, &QFutureWatcher<R>::finished, watcher, [self, watcher, then]() {
        watcher->deleteLater();
        if (self)
            then(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, std::move(job)));
}

void AuthService::registerUser(const RegisterRequest &request, const QString &address,
                               QObject *context, Done done)
{
    if (m_registration == Registration::Closed) {
        done(Outcome<AuthResult>::failure(ProtocolError::make(
            ErrorCode::Forbidden, QStringLiteral("this server does not take new accounts; ask "
                                                 "its admin for one"))));
        return;
    }
    // Fail fast on a taken name before paying for a hash; createUser re-checks atomically.
    const auto existing = m_store.userByName(request.username);
    if (existing.ok()) {
        done(Outcome<AuthResult>::failure(
            ProtocolError::make(ErrorCode::Conflict, QStringLiteral("username is already taken"),
                                QStringLiteral("username"))));
        return;
    }
    if (existing.failure != StoreFailure::NotFound) {
        done(Outcome<AuthResult>::failure(storeError(existing, QString())));
        return;
    }
    // Only sign-ups that will cost a hash and may create an account take a token.
    if (const qint64 wait = m_registrations.take(address, m_clock.elapsed()); wait > 0) {
        qCDebug(lcAuth).noquote() << "sign-up from" << address << "throttled for" << wait << "ms";
        ProtocolError error = ProtocolError::make(
            ErrorCode::RateLimited, QStringLiteral("too many new accounts; try again later"));
        error.retryAfterMs = wait;
        done(Outcome<AuthResult>::failure(error));
        return;
    }
    const PasswordHasher hasher = m_hasher;
    const QString password = request.password;
    const QString username = request.username;
    runHashJob<std::optional<QByteArray>>(
        context, [hasher, password]() { return hasher.hash(password); },
        [this, username, done](const std::optional<QByteArray> &hash) {
            if (!hash) {
                qCWarning(lcAuth) << "password hashing failed (out of memory?)";
                done(Outcome<AuthResult>::failure(hashingFailed()));
                return;
            }
            const auto created = m_store.createUser(username, *hash, nowMs());
            if (!created.ok()) {
                done(Outcome<AuthResult>::failure(storeError(
                    created, QStringLiteral("username is already taken"),
                    created.failure == StoreFailure::Conflict ? QStringLiteral("username")
                                                              : QString())));
                return;
            }
            qCInfo(lcAuth).noquote()
                << "registered user" << created.value.id << created.value.username;
            done(issueToken(created.value));
        });
}

void AuthService::login(const LoginRequest &request, const QString &address, QObject *context,
                        Done done)
{
    // The attempt counts before its hash runs, so concurrent guesses on other sockets see it.
    if (const qint64 wait = m_throttle.reserve(request.username, address, nowMs()); wait > 0) {
        ProtocolError error = ProtocolError::make(
            ErrorCode::RateLimited, QStringLiteral("too many failed logins; try again later"));
        error.retryAfterMs = wait;
        done(Outcome<AuthResult>::failure(error));
        return;
    }
    const auto stored = m_store.userByName(request.username);
    if (!stored.ok() && stored.failure != StoreFailure::NotFound) {
        m_throttle.released(request.username);
        done(Outcome<AuthResult>::failure(storeError(stored, QString())));
        return;
    }
    const bool known = stored.ok();
    const PasswordHasher hasher = m_hasher;
    const QString password = request.password;
    const QByteArray storedHash = stored.value.passwordHash;
    // Should the session close before the answer, the attempt stays counted as failed.
    runHashJob<VerifyResult>(
        context,
        [hasher, password, storedHash, known]() {
            VerifyResult result;
            if (!known) {
                // Spend the same time as a real verification so that response times do not
                // tell which usernames exist.
                hasher.hash(password);
                return result;
            }
            result.ok = hasher.verify(storedHash, password);
            if (result.ok && hasher.needsRehash(storedHash))
                result.upgradedHash = hasher.hash(password);
            return result;
        },
        [this, user = stored.value, name = request.username, address,
         done](const VerifyResult &result) {
            if (!result.ok) {
                m_throttle.failed(name, address, nowMs());
                qCInfo(lcAuth).noquote() << "login failed for" << name << "from" << address;
                done(Outcome<AuthResult>::failure(badCredentials()));
                return;
            }
            if (user.disabled) {
                m_throttle.released(name);
                done(Outcome<AuthResult>::failure(ProtocolError::make(
                    ErrorCode::Unauthorized, QStringLiteral("this account is disabled"))));
                return;
            }
            m_throttle.succeeded(name);
            if (result.upgradedHash) {
                const auto updated = m_store.setPasswordHash(user.id, *result.upgradedHash);
                if (!updated.ok())
                    qCWarning(lcAuth) << "could not upgrade the password hash of user" << user.id;
            }
            done(issueToken(user));
        });
}

Outcome<AuthResult> AuthService::issueToken(const StoredUser &user)
{
    const SessionToken token = newSessionToken();
    const qint64 now = nowMs();
    const auto added = m_store.addToken(user.id, token.hash, now, now + kTokenLifetimeMs);
    if (!added.ok())
        return Outcome<AuthResult>::failure(storeError(added, QString()));
    return Outcome<AuthResult>::success(
        AuthResult{User{user.id, user.username, true}, token.text, token.hash});
}

Outcome<AuthResult> AuthService::authenticateToken(const QString &token)
{
    const QByteArray hash = hashSessionToken(token);
    const auto userId = m_store.userForToken(hash, nowMs());
    if (!userId.ok()) {
        if (userId.failure == StoreFailure::NotFound)
            return Outcome<AuthResult>::failure(ProtocolError::make(
                ErrorCode::Unauthorized, QStringLiteral("invalid, expired or revoked token"),
                QStringLiteral("token")));
        return Outcome<AuthResult>::failure(storeError(userId, QString()));
    }
    const auto user = m_store.userById(userId.value);
    if (!user.ok() || user.value.disabled) {
        if (user.ok() || user.failure == StoreFailure::NotFound)
            return Outcome<AuthResult>::failure(ProtocolError::make(
                ErrorCode::Unauthorized, QStringLiteral("invalid, expired or revoked token"),
                QStringLiteral("token")));
        return Outcome<AuthResult>::failure(storeError(user, QString()));
    }
    return Outcome<AuthResult>::success(
        AuthResult{User{user.value.id, user.value.username, true}, QString(), hash});
}

Outcome<bool> AuthService::logout(const QByteArray &tokenHash)
{
    const auto revoked = m_store.revokeToken(tokenHash);
    // Already gone (revoked elsewhere, expired) is fine: the goal is reached.
    if (!revoked.ok() && revoked.failure != StoreFailure::NotFound)
        return Outcome<bool>::failure(storeError(revoked, QString()));
    return Outcome<bool>::success(true);
}

} // namespace natter::server
