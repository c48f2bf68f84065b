#pragma once
// Mentions in group messages, a client convention (docs/protocol.md, "Mentions"): `@username`
// names a member when the `@` starts a word and the name ends at the end of a username (so
// "bob@example.org" and "@bobby" do not mention bob, "@Bob," does). Usernames are compared
// ASCII case-insensitively, as they are made only of ASCII letters, digits, '_', '.', '-'.
// The server sees plain text; nothing here changes what is sent.

#include "searchhighlight.h"

#include <QList>
#include <QString>

namespace natter::client::mentions {

// The ranges of `text` ("@name", the `@` included) that mention `username`.
QList<TextRange> rangesOf(const QString &text, const QString &username);
bool mentions(const QString &text, const QString &username);

// The mention being typed at `cursor`: the `@` that starts it and the letters typed after it
// (possibly none). `at` is -1 when the cursor is not in one.
struct Typed
{
    int at = -1;
    QString prefix;
    bool isValid() const { return at >= 0; }
};
Typed typedAt(const QString &text, int cursor);

} // namespace natter::client::mentions
