#include "redisurl.h"

#include <QHostAddress>
#include <QUrl>

#include <algorithm>

namespace natter::server {
namespace {

// Redis' default `databases` setting is 16; larger servers are configured up to thousands.
constexpr int kMaxDatabase = 9999;

QString redacted(const QString &text)
{
    QUrl url(text.trimmed());
    if (!url.isValid() || url.password().isEmpty())
        return url.isValid() ? url.toString() : QStringLiteral("(malformed)");
    url.setPassword(QStringLiteral("***"));
    return url.toString();
}

} // namespace

std::optional<RedisUrl> RedisUrl::parse(const QString &text, QString *error)
{
    const auto fail = [error, &text](const QString &why) -> std::optional<RedisUrl> {
        if (error != nullptr)
            *error = QStringLiteral("invalid Redis URL %1: %2").arg(redacted(text), why);
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1String("redis://"), Qt::CaseInsensitive))
        return fail(QStringLiteral("expected redis://host[:port][/db]"));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return fail(QStringLiteral("malformed"));
    if (url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("no query or fragment expected"));

    RedisUrl out;
    out.host = url.host(QUrl::FullyDecoded);
    if (out.host.isEmpty())
        return fail(QStringLiteral("no host"));
    out.port = url.port(6379);
    if (out.port <= 0 || out.port > 65535)
        return fail(QStringLiteral("bad port"));
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    if (!out.user.isEmpty() && out.password.isEmpty())
        return fail(QStringLiteral("a user needs a password (redis://user:password@host)"));

    const QString path = url.path(QUrl::FullyDecoded);
    if (!path.isEmpty() && path != QLatin1String("/")) {
        bool ok = false;
        const QString number = path.mid(1);
        out.database = number.toInt(&ok);
        // Digits only: toInt() would accept "+1" and " 1".
        const bool digits =
            !number.isEmpty() && std::all_of(number.cbegin(), number.cend(),
                                             [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!ok || !digits || out.database < 0 || out.database > kMaxDatabase)
            return fail(
                QStringLiteral("the path must be a database number (0-%1)").arg(kMaxDatabase));
    }
    return out;
}

QString RedisUrl::location() const
{
    const bool ipv6 = QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol;
    const QString shownHost = ipv6 ? u'[' + host + u']' : host;
    return shownHost + u':' + QString::number(port) + u'/' + QString::number(database);
}

} // namespace natter::server
