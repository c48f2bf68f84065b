#include "registrationthrottle.h"

#include <algorithm>
#include <cmath>

namespace natter::server {
namespace {

// Addresses whose bucket is full again carry no state worth keeping.
constexpr int kPruneAbove = 10'000;

} // namespace

RegistrationThrottle::RegistrationThrottle(const RegistrationSettings &settings)
    : m_addressRate{std::max(0, settings.perAddressBurst),
                    std::max(1, settings.perAddressPerHour) / 3'600'000.0},
      m_serverRate{std::max(0, settings.burst), std::max(1, settings.perMinute) / 60'000.0}
{
    m_server.tokens = m_serverRate.burst;
}

void RegistrationThrottle::refill(Bucket &bucket, const Rate &rate, qint64 nowMs)
{
    if (nowMs > bucket.lastMs) {
        bucket.tokens = std::min<double>(rate.burst, bucket.tokens + double(nowMs - bucket.lastMs) *
                                                                         rate.perMs);
        bucket.lastMs = nowMs;
    }
}

qint64 RegistrationThrottle::waitFor(const Bucket &bucket, const Rate &rate)
{
    if (rate.burst == 0 || bucket.tokens >= 1.0)
        return 0;
    return std::max<qint64>(1, qint64(std::ceil((1.0 - bucket.tokens) / rate.perMs)));
}

RegistrationThrottle::Bucket &RegistrationThrottle::addressBucket(const QString &address,
                                                                  qint64 nowMs)
{
    if (m_byAddress.size() > kPruneAbove) {
        m_byAddress.removeIf([this, nowMs](auto entry) {
            refill(entry.value(), m_addressRate, nowMs);
            return entry.value().tokens >= m_addressRate.burst;
        });
    }
    auto it = m_byAddress.find(address);
    if (it == m_byAddress.end())
        it = m_byAddress.insert(address, Bucket{double(m_addressRate.burst), nowMs});
    return *it;
}

qint64 RegistrationThrottle::take(const QString &address, qint64 nowMs)
{
    const bool perAddress = m_addressRate.burst > 0;
    const bool serverWide = m_serverRate.burst > 0;
    if (serverWide)
        refill(m_server, m_serverRate, nowMs);
    Bucket *mine = nullptr;
    if (perAddress) {
        mine = &addressBucket(address, nowMs);
        refill(*mine, m_addressRate, nowMs);
    }
    const qint64 wait = std::max(mine ? waitFor(*mine, m_addressRate) : 0,
                                 serverWide ? waitFor(m_server, m_serverRate) : 0);
    if (wait > 0)
        return wait;
    if (mine)
        mine->tokens -= 1.0;
    if (serverWide)
        m_server.tokens -= 1.0;
    return 0;
}

} // namespace natter::server
