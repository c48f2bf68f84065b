#include "reactiontypes.h"

#include "jsonread.h"
#include "protocollimits.h"

#include <QJsonArray>

#include <algorithm>

namespace natter {

QJsonObject ReplyQuote::toJson() const
{
    return {{QStringLiteral("id"), double(id)},
            {QStringLiteral("sender_id"), double(senderId)},
            {QStringLiteral("text"), text},
            {QStringLiteral("deleted"), deleted}};
}

std::optional<ReplyQuote> ReplyQuote::fromJson(const QJsonObject &object)
{
    JsonReader r(object);
    ReplyQuote q;
    q.id = r.id(QStringLiteral("id"));
    q.senderId = r.id(QStringLiteral("sender_id"));
    q.text = r.string(QStringLiteral("text"), 0, reactions::kQuoteChars * 2);
    q.deleted = r.boolean(QStringLiteral("deleted"));
    return r.ok() ? std::optional<ReplyQuote>(q) : std::nullopt;
}

namespace reactions {

const QStringList &allowed()
{
    // 👍 ❤️ 😂 😮 😢 🎉 (the heart with its emoji presentation selector).
    static const QStringList set{QStringLiteral("\U0001F44D"), QStringLiteral("\u2764\uFE0F"),
                                 QStringLiteral("\U0001F602"), QStringLiteral("\U0001F62E"),
                                 QStringLiteral("\U0001F622"), QStringLiteral("\U0001F389")};
    return set;
}

bool isAllowed(const QString &emoji)
{
    return allowed().contains(emoji);
}

QJsonObject toJson(const QList<ReactionGroup> &groups)
{
    QJsonObject o;
    for (const ReactionGroup &g : groups) {
        QJsonArray users;
        for (const qint64 id : g.users)
            users.append(double(id));
        o.insert(g.emoji, users);
    }
    return o;
}

std::optional<QList<ReactionGroup>> fromJson(const QJsonObject &object)
{
    QList<ReactionGroup> out;
    for (const QString &emoji : allowed()) {
        if (!object.contains(emoji))
            continue;
        const QJsonValue value = object.value(emoji);
        if (!value.isArray())
            return std::nullopt;
        ReactionGroup g{emoji, {}};
        for (const QJsonValue &v : value.toArray()) {
            const double d = v.toDouble(-1);
            if (!v.isDouble() || d < 1 || d >= double(limits::kMaxId) || d != qint64(d))
                return std::nullopt;
            g.users.append(qint64(d));
        }
        if (!g.users.isEmpty())
            out.append(g);
    }
    // Every key must be one of the set: an unknown one is a malformed message.
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!isAllowed(it.key()))
            return std::nullopt;
    }
    return out;
}

QList<ReactionGroup> toggled(QList<ReactionGroup> groups, const QString &emoji, qint64 userId,
                             bool on)
{
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const ReactionGroup &g) { return g.emoji == emoji; });
    if (it == groups.end()) {
        if (!on)
            return groups;
        ReactionGroup g{emoji, {userId}};
        const qsizetype rank = allowed().indexOf(emoji);
        auto at = std::find_if(groups.begin(), groups.end(), [&](const ReactionGroup &x) {
            return allowed().indexOf(x.emoji) > rank;
        });
        groups.insert(at, g);
        return groups;
    }
    QList<qint64> &users = it->users;
    const bool has = users.contains(userId);
    if (on && !has) {
        users.append(userId);
        std::sort(users.begin(), users.end());
    } else if (!on && has) {
        users.removeAll(userId);
        if (users.isEmpty())
            groups.erase(it);
    }
    return groups;
}

} // namespace reactions
} // namespace natter
