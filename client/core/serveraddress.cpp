#include "serveraddress.h"

#include "protocol.h"

namespace natter::client {

std::optional<QUrl> serverUrlFromInput(const QString &text)
{
    QString input = text.trimmed();
    if (input.isEmpty())
        return std::nullopt;
    if (!input.contains(QLatin1String("://")))
        input.prepend(QLatin1String("ws://"));
    // Strict: a typo is refused with a message rather than guessed at.
    QUrl url(input, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() ||
        url.hasFragment())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return std::nullopt;
    url.setScheme(scheme);
    if (url.port() == 0) // over 65535 already made the URL invalid
        return std::nullopt;
    if (url.port() < 0)
        url.setPort(protocol::kDefaultPort);
    url = url.adjusted(QUrl::StripTrailingSlash); // "…/v1/" is the same server as "…/v1"
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QString(protocol::kPath));
    return url;
}

} // namespace natter::client
