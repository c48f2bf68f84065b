#pragma once
// What kind of file a message carries (image, video, document, archive, …), for the icon in
// its bubble and the conversation list's preview. Only ever for display: how a file is shown
// or opened never depends on it (inline images go by isInlineImageMime alone).

#include <QString>

namespace natter::client {

enum class FileKind
{
    Image,
    Video,
    Audio,
    Document,
    Spreadsheet,
    Presentation,
    Archive,
    Program,
    Other
};

// mime: the server's, sniffed from the bytes. The bytes of a .docx are a zip and a script is
// text: a name that says a narrower type of the same bytes refines it.
FileKind fileKindOf(const QString &mime, const QString &name);
// A symbol for the kind (an emoji, drawn as text beside the file's name).
QString fileKindSymbol(FileKind kind);

} // namespace natter::client
