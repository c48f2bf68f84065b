#include "passwordhasher.h"

#include <sodium.h>

namespace natter::server {

PasswordHasher::PasswordHasher(PasswordCost cost)
{
    switch (cost) {
    case PasswordCost::Interactive:
        m_opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        m_memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
        break;
    case PasswordCost::Moderate:
        m_opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
        m_memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
        break;
    case PasswordCost::Min:
        m_opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        m_memLimit = crypto_pwhash_MEMLIMIT_MIN;
        break;
    }
}

std::optional<QByteArray> PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    QByteArray out(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str_alg(out.data(), utf8.constData(), quint64(utf8.size()), m_opsLimit,
                              m_memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    out.truncate(qsizetype(qstrlen(out.constData())));
    return out;
}

bool PasswordHasher::verify(const QByteArray &storedHash, const QString &password) const
{
    if (storedHash.isEmpty() || storedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    // QByteArray keeps a terminating NUL after its data, as libsodium requires.
    return crypto_pwhash_str_verify(storedHash.constData(), utf8.constData(),
                                    quint64(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &storedHash) const
{
    if (storedHash.isEmpty() || storedHash.size() >= crypto_pwhash_STRBYTES)
        return true;
    return crypto_pwhash_argon2id_str_needs_rehash(storedHash.constData(), m_opsLimit,
                                                   m_memLimit) != 0;
}

} // namespace natter::server
