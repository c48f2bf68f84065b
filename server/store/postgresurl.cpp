#include "postgresurl.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace natter::server {
namespace {

// Query items passed through to libpq. Values are restricted to characters that need no
// quoting in a libpq connection string.
const QStringList kLibpqOptions{
    QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),
    QStringLiteral("sslcert"),         QStringLiteral("sslkey"),
    QStringLiteral("connect_timeout"), QStringLiteral("application_name")};

bool hasScheme(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

} // namespace

bool PostgresUrl::isPostgresUrl(const QString &text)
{
    return hasScheme(text.trimmed());
}

std::optional<PostgresUrl> PostgresUrl::parse(const QString &text, QString *error)
{
    const auto fail = [error, &text](const QString &why) -> std::optional<PostgresUrl> {
        *error = QStringLiteral("invalid PostgreSQL URL %1: %2").arg(redacted(text), why);
        return std::nullopt;
    };
    if (!isPostgresUrl(text))
        return fail(QStringLiteral("expected postgresql://user[:password]@host[:port]/dbname"));
    const QUrl url(text.trimmed());
    if (!url.isValid())
        return fail(QStringLiteral("malformed"));

    PostgresUrl out;
    out.host = url.host(QUrl::FullyDecoded);
    out.port = url.port(5432);
    out.user = url.userName(QUrl::FullyDecoded);
    out.password = url.password(QUrl::FullyDecoded);
    out.database = url.path(QUrl::FullyDecoded).mid(1);
    if (out.port <= 0 || out.port > 65535)
        return fail(QStringLiteral("bad port"));
    if (out.database.isEmpty() || out.database.contains(u'/'))
        return fail(QStringLiteral("the path must be the database name"));

    // Settings only: SQL identifiers and libpq option values need no quoting this way.
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    static const QRegularExpression plainValue(QStringLiteral("^[A-Za-z0-9_./:-]{1,200}$"));
    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("schema")) {
            if (!identifier.match(value).hasMatch())
                return fail(QStringLiteral("schema must be a lowercase identifier"));
            out.schema = value;
        } else if (kLibpqOptions.contains(key)) {
            if (!plainValue.match(value).hasMatch())
                return fail(QStringLiteral("unsupported value for %1").arg(key));
            options.append(key + u'=' + value);
        } else {
            return fail(QStringLiteral("unknown parameter %1").arg(key));
        }
    }
    // Fail fast instead of hanging on a server that does not answer.
    if (!query.hasQueryItem(QStringLiteral("connect_timeout")))
        options.append(QStringLiteral("connect_timeout=10"));
    out.connectOptions = options.join(u';');
    return out;
}

QString PostgresUrl::location() const
{
    QString where = (host.isEmpty() ? QStringLiteral("(local socket)") : host) + u':' +
                    QString::number(port) + u'/' + database;
    if (!user.isEmpty())
        where = user + u'@' + where;
    if (!schema.isEmpty())
        where += QStringLiteral(" schema ") + schema;
    return where;
}

QString PostgresUrl::redacted(const QString &text)
{
    QUrl url(text.trimmed());
    if (!url.isValid())
        return QStringLiteral("(unparsable URL)");
    if (!url.password().isEmpty())
        url.setPassword(QStringLiteral("xxxxx"));
    return url.toString();
}

} // namespace natter::server
