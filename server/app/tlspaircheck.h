#pragma once
// Whether a TLS certificate and private key belong together. A mismatched pair loads without
// complaint and then fails every handshake; Qt 6.4 has no call that compares them, so this
// runs one handshake over loopback with the pair, the way the server would.

#include <QString>

namespace natter::server {

// Empty when a handshake with this certificate (chain) and key succeeds; else what is wrong,
// naming the files. Blocks (running an event loop) for at most `timeoutMs`.
QString checkTlsPair(const QString &certPath, const QString &keyPath, int timeoutMs = 5'000);

} // namespace natter::server
