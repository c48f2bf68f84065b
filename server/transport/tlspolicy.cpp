#include "tlspolicy.h"

namespace natter::server {

QList<QSslCipher> tlsPolicyCiphers()
{
    // Mozilla's "intermediate" list without the finite-field DHE suites (they need
    // parameters of our own and add nothing for the clients Natter has).
    static const char *const kNames[] = {
        // TLS 1.3
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        // TLS 1.2: ECDHE key exchange, AEAD ciphers
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
    };
    QList<QSslCipher> ciphers;
    for (const char *name : kNames) {
        const QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull())
            ciphers.append(cipher);
    }
    return ciphers;
}

QSslConfiguration withTlsPolicy(QSslConfiguration tls)
{
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setCiphers(tlsPolicyCiphers());
    return tls;
}

} // namespace natter::server
