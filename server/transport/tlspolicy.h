#pragma once
// What the server offers over TLS: TLS 1.2 or later with forward-secret AEAD suites only
// (ECDHE with AES-GCM or ChaCha20-Poly1305, and TLS 1.3's suites, which are all of that
// kind). OpenSSL's defaults also accept plain RSA key exchange and CBC with SHA-1, which a
// recorded session or a padding oracle can break later.

#include <QList>
#include <QSslCipher>
#include <QSslConfiguration>

namespace natter::server {

// The suites the server accepts, in order of preference (only those this OpenSSL knows).
QList<QSslCipher> tlsPolicyCiphers();
// `tls` with the protocol floor and the cipher list above.
QSslConfiguration withTlsPolicy(QSslConfiguration tls);

} // namespace natter::server
