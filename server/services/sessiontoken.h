#pragma once
// Session tokens: 256 random bits, base64url for the client; the store keeps only the
// SHA-256 of the text, so a leaked database does not leak usable tokens.

#include <QByteArray>
#include <QString>

namespace natter::server {

inline constexpr qint64 kTokenLifetimeMs = 30LL * 24 * 3600 * 1000;

struct SessionToken
{
    QString text;    // sent to the client once
    QByteArray hash; // stored
};

SessionToken newSessionToken();
QByteArray hashSessionToken(const QString &text);

} // namespace natter::server
