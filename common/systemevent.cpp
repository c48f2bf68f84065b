#include "systemevent.h"

#include "jsonids.h"
#include "jsonread.h"
#include "protocollimits.h"

#include <QJsonArray>

namespace natter {
namespace {

using jsonids::idArray;

QList<qint64> readIds(JsonReader &r, const QString &key)
{
    QList<qint64> out;
    if (!r.has(key))
        return out;
    const QJsonArray array = r.array(key);
    for (const QJsonValue &v : array) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d < 1 || d > double(limits::kMaxId) || d != qint64(d)) {
            r.fail(ErrorCode::BadRequest, QStringLiteral("bad id in \"%1\"").arg(key), key);
            return {};
        }
        out.append(qint64(d));
    }
    return out;
}

} // namespace

QJsonObject SystemEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kind},
                  {QStringLiteral("actor"), double(actor)},
                  {QStringLiteral("users"), idArray(users)}};
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!role.isEmpty())
        o.insert(QStringLiteral("role"), role);
    if (!admins.isEmpty())
        o.insert(QStringLiteral("admins"), idArray(admins));
    return o;
}

std::optional<SystemEvent> SystemEvent::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    SystemEvent e;
    e.kind = r.string(QStringLiteral("kind"), 1, 64);
    e.actor = r.id(QStringLiteral("actor"));
    e.users = readIds(r, QStringLiteral("users"));
    e.name = r.optString(QStringLiteral("name"), limits::kMaxGroupNameChars);
    e.role = r.optString(QStringLiteral("role"), 16);
    e.admins = readIds(r, QStringLiteral("admins"));
    return r.ok() ? std::optional<SystemEvent>(e) : std::nullopt;
}

} // namespace natter
