#pragma once
// How message text becomes searchable words, the same on the server (what it indexes) and in
// the client (what it highlights). Both databases index the output of indexText(): words
// case-folded, Latin, Greek and Cyrillic accents removed, one ideograph or kana per word
// (CJK is written without spaces), everything else a separator. So SQLite's FTS5 and
// PostgreSQL's tsvector see plain space-separated words and answer alike.

#include "errorcode.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace natter::searchtext {

// One condition of a query: its words in order (a phrase when more than one); `prefix`: the
// last word may be the start of a longer one (the word being typed).
struct Term
{
    QStringList words;
    bool prefix = false;
    friend bool operator==(const Term &, const Term &) = default;
};

// The searchable words of `text`, in order.
QStringList words(const QString &text);
// words() joined by single spaces: what the index holds for a message.
QString indexText(const QString &text);

// A user's query: words, and phrases in double quotes; every term must match. The last word
// matches as a prefix unless the query ends with a space or a closing quote, or it is one
// letter long (a prefix that short matches most of the index). Refused (BadRequest, with
// the reason) when it has no word or more than kMaxSearchTerms words.
std::optional<QList<Term>> parseQuery(const QString &query, ProtocolError *error);

} // namespace natter::searchtext
