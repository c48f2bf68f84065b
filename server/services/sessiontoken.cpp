#include "sessiontoken.h"

#include <QCryptographicHash>

#include <sodium.h>

namespace natter::server {

SessionToken newSessionToken()
{
    QByteArray random(32, '\0');
    randombytes_buf(random.data(), size_t(random.size()));
    SessionToken token;
    token.text = QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    token.hash = hashSessionToken(token.text);
    sodium_memzero(random.data(), size_t(random.size()));
    return token;
}

QByteArray hashSessionToken(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace natter::server
