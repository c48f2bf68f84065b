#pragma once
// What a message carries besides its text: the quote of the message it replies to and the
// reactions people gave it (docs/protocol.md, "Replies and reactions"). Both are additive
// fields of Message; older peers ignore them.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace natter {

// A short summary of the replied-to message, as the server sees it now.
struct ReplyQuote
{
    qint64 id = 0;
    qint64 senderId = 0;
    QString text; // the first kQuoteChars characters; empty when deleted
    bool deleted = false;

    QJsonObject toJson() const;
    static std::optional<ReplyQuote> fromJson(const QJsonObject &object);
    friend bool operator==(const ReplyQuote &, const ReplyQuote &) = default;
};

// One emoji on a message and who gave it (ids ascending).
struct ReactionGroup
{
    QString emoji;
    QList<qint64> users;
    friend bool operator==(const ReactionGroup &, const ReactionGroup &) = default;
};

namespace reactions {

// Characters of the replied-to text a quote carries.
inline constexpr int kQuoteChars = 100;

// The fixed set a reaction is one of, in display order.
const QStringList &allowed();
bool isAllowed(const QString &emoji);

// {"👍": [1, 2], ...}; an empty list gives an empty object.
QJsonObject toJson(const QList<ReactionGroup> &groups);
// nullopt when an emoji is unknown or a list is not ids; groups come in allowed() order.
std::optional<QList<ReactionGroup>> fromJson(const QJsonObject &object);

// `groups` with `userId`'s `emoji` set or cleared (kept in allowed() order).
QList<ReactionGroup> toggled(QList<ReactionGroup> groups, const QString &emoji, qint64 userId,
                             bool on);

} // namespace reactions
} // namespace natter
