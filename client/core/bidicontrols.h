#pragma once
// Message text may carry Unicode bidi controls (embeddings U+202A/B, overrides U+202D/E,
// isolates U+2066-U+2068 and their terminators U+202C, U+2069): right-to-left writing needs
// them, so the server stores them. Shown as sent, an unterminated override (U+202E) would
// reverse whatever follows it in the same paragraph: the time or name next to a preview,
// the rest of a list row. These give the display string a message is shown with, closing
// what the message opened; the stored text is never changed.

#include <QString>
#include <QStringView>

namespace natter::client::bidi {

// `text` with every embedding, override and isolate it leaves open closed at the end of its
// paragraph (before each newline and at the end), innermost first. Balanced text is
// returned unchanged.
QString terminated(QStringView text);
// terminated(text) inside FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, for text shown
// in one line with other text: its direction then neither affects nor is affected by what
// surrounds it.
QString isolated(QStringView text);

} // namespace natter::client::bidi
