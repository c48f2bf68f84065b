#pragma once
// Slows down password guessing: after a few failed logins for a username, or from an
// address, each further attempt must wait twice as long as the previous (1 s, 2 s, 4 s, ...
// up to 5 minutes). Failures are forgotten 15 minutes after the last one; a successful login
// clears its username.

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
    void failed(const QString &username, const QString &address, qint64 now);
    void succeeded(const QString &username);

private:
    struct Failures
    {
        int count = 0;
        qint64 last = 0;
    };
    qint64 waitFor(const QHash<QString, Failures> &table, const QString &key, int free,
                   qint64 now) const;
    void note(QHash<QString, Failures> &table, const QString &key, qint64 now);

    QHash<QString, Failures> m_byUser;
    QHash<QString, Failures> m_byAddress;
};

} // namespace natter::server
