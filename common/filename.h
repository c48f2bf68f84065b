#pragma once
// The rule for a file's name on the wire (docs/protocol.md "Files"): display text only, never
// a path on either side. Shared so the client can pre-check what it offers.

#include "errorcode.h"

#include <QString>

#include <optional>

namespace natter::validation {

constexpr int kMaxFileNameBytes = 255;

// Valid Unicode, 1..kMaxFileNameBytes UTF-8 bytes, no control characters (C0, DEL, C1; NUL
// included), no '/' or '\\', and not "." or "..". bad_request naming "name" otherwise.
std::optional<ProtocolError> checkFileName(const QString &name);

} // namespace natter::validation
