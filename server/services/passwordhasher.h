#pragma once
// Argon2id password hashing (libsodium crypto_pwhash_str). The stored string carries its
// algorithm and cost ("$argon2id$v=19$m=...,t=...,p=..."), so hashes made with an older
// cost are recognised and upgraded at the next login. Thread-safe: hashing runs on workers.

#include "config/serverconfig.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace natter::server {

class PasswordHasher final
{
public:
    explicit PasswordHasher(PasswordCost cost);

    // nullopt when libsodium could not allocate the memory the cost asks for.
    std::optional<QByteArray> hash(const QString &password) const;
    bool verify(const QByteArray &storedHash, const QString &password) const;
    // True when the stored hash uses another algorithm or cost than the configured one.
    bool needsRehash(const QByteArray &storedHash) const;

private:
    unsigned long long m_opsLimit = 0;
    size_t m_memLimit = 0;
};

} // namespace natter::server
