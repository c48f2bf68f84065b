#pragma once
// Slows down password guessing: after a few failed logins for a username, or from an
// address, each further attempt must wait twice as long as the previous (1 s, 2 s, 4 s, ...
// up to 5 minutes). Failures are forgotten 15 minutes after the last one; a successful login
// clears its username.
//
// An attempt counts as a failure of its username from the moment it is let through
// (reserve()), before its password is hashed: hashing takes a while on a worker thread, and
// attempts arriving meanwhile on other sockets must already see it, or concurrent guesses
// would all pass the check and get more than the free allowance. The answer then settles it.
// The address counts failures when they are answered: many people behind one address
// signing in at the same moment must not use up its allowance (concurrent guesses from one
// address are bounded by its connections anyway, one attempt in flight on each).

#include <QHash>
#include <QString>

namespace natter::server {

class LoginThrottle final
{
public:
    static constexpr int kFreeFailuresPerUser = 5;
    static constexpr int kFreeFailuresPerAddress = 20;
    static constexpr qint64 kMaxDelayMs = 5 * 60 * 1000;
    static constexpr qint64 kForgetAfterMs = 15 * 60 * 1000;

    // How long the caller must still wait before trying; 0 when it may try now.
    qint64 waitMs(const QString &username, const QString &address, qint64 now) const;
    // Lets an attempt through and counts it as a failure of the username until succeeded()
    // or released() says otherwise; when the caller must wait, counts nothing and returns
    // how long (> 0).
    qint64 reserve(const QString &username, const QString &address, qint64 now);
    // The reserved attempt had a wrong password: it stays counted, the address counts it
    // too, and the back-off runs from now.
    void failed(const QString &username, const QString &address, qint64 now);
    // The reserved attempt had the right password: the username's failures are forgotten.
    void succeeded(const QString &username);
    // The reserved attempt ended without a verdict on the password (e.g. a disabled
    // account): it no longer counts.
    void released(const QString &username);

private:
    struct Failures
    {
        int count = 0;
        qint64 last = 0;
    };
    qint64 waitFor(const QHash<QString, Failures> &table, const QString &key, int free,
                   qint64 now) const;
    void note(QHash<QString, Failures> &table, const QString &key, qint64 now);
    static void touch(QHash<QString, Failures> &table, const QString &key, qint64 now);
    static void unnote(QHash<QString, Failures> &table, const QString &key);

    QHash<QString, Failures> m_byUser;
    QHash<QString, Failures> m_byAddress;
};

} // namespace natter::server
