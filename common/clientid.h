#pragma once
// A new message's client_id: a UUID of version 7 (RFC 9562), its first 48 bits the time in
// milliseconds, the rest random. The server keeps a unique index on (sender, client_id): ids
// that grow with time land at the end of the sender's part of it, where a random one (version
// 4) lands on a random page of it, one page more written per message (docs/protocol.md).

#include <QUuid>

namespace natter {

// Now, with random bits from the system's generator.
QUuid newClientId();
// `ms` since the Unix epoch and the random part given (tests, generators of their own).
QUuid clientIdAt(qint64 ms, quint64 randomHigh, quint64 randomLow);

} // namespace natter
