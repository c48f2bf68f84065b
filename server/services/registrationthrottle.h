#pragma once
// Slows down sign-ups: token buckets, one per client address and one for the whole server
// (RegistrationSettings). Each account costs a password hash and a row, so a flood from a
// few addresses would slow everyone's logins and fill the database.

#include "config/serverconfig.h"

#include <QHash>
#include <QString>

namespace natter::server {

class RegistrationThrottle final
{
public:
    explicit RegistrationThrottle(const RegistrationSettings &settings);

    // Takes one sign-up from `address`'s bucket and the server's: 0 when it may go ahead,
    // else how long until both have one (nothing is taken then). `nowMs` is monotonic.
    qint64 take(const QString &address, qint64 nowMs);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    struct Rate
    {
        int burst = 0;    // 0: unlimited
        double perMs = 0; // refill
    };
    static void refill(Bucket &bucket, const Rate &rate, qint64 nowMs);
    static qint64 waitFor(const Bucket &bucket, const Rate &rate);
    Bucket &addressBucket(const QString &address, qint64 nowMs);

    Rate m_addressRate;
    Rate m_serverRate;
    Bucket m_server;
    QHash<QString, Bucket> m_byAddress;
};

} // namespace natter::server
