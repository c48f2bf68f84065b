#pragma once
// Where a search query's words occur in a message's plain text, for drawing highlights. The
// words are compared as the server indexes them (common/searchtext: case and Latin, Greek
// and Cyrillic accents ignored, one CJK character per word), so "cafe" marks "Café". The
// text itself stays plain: callers draw the ranges as formats, never as markup.

#include <QList>
#include <QString>
#include <QStringList>

namespace natter::client {

struct SearchWords
{
    QStringList whole;    // match a whole word
    QStringList prefixes; // match the start of a word (the word being typed)
    bool isEmpty() const { return whole.isEmpty() && prefixes.isEmpty(); }
    friend bool operator==(const SearchWords &, const SearchWords &) = default;
};

struct TextRange
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

// The words of `query` (empty when it has none): every term's words, the last one a prefix
// when the query makes it one.
SearchWords searchWordsOf(const QString &query);
// The ranges of `text` (in order, not overlapping) whose word matches one of `words`.
QList<TextRange> matchRanges(const QString &text, const SearchWords &words);

} // namespace natter::client
