#pragma once
// What a person types into a message search: words, and filters written as `from:bob`,
// `in:alice`, `before:2026-11-01`, `after:2026-10-01` (the UI shows each as a removable
// chip). Parsed here, on the client: the server only sees the request's fields.

#include <QList>
#include <QString>

namespace natter::client {

struct SearchFilter
{
    enum class Kind
    {
        From,   // the sender's name
        In,     // the conversation's name
        Before, // a day (yyyy-MM-dd): created before it started
        After   // a day: created on it or later
    };
    Kind kind = Kind::From;
    QString value;
    QString token() const; // as typed: "from:bob"
    friend bool operator==(const SearchFilter &, const SearchFilter &) = default;
};

struct SearchInput
{
    QString words;               // the text without the filters, for the server's query
    QList<SearchFilter> filters; // in the order typed
    // Filters followed by a space: finished (the UI turns them into chips); `rest` is the
    // text without them (what stays in the line edit).
    QList<SearchFilter> finished;
    QString rest;
};

// Splits `text` into words and filters. A `key:` token with an unknown key or an empty
// value is a word like any other.
SearchInput parseSearchInput(const QString &text);

// The start of `day` (yyyy-MM-dd) in the local time zone, ms since the epoch; 0 when it is
// not a date.
qint64 startOfLocalDay(const QString &day);

} // namespace natter::client
