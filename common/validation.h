#pragma once
// Content rules shared by both sides: the server enforces them, the client pre-checks input.

#include "errorcode.h"

#include <QString>

#include <optional>

namespace natter::validation {

// 3-32 characters from [A-Za-z0-9_.-], starting with a letter or digit. Compared
// case-insensitively for uniqueness.
std::optional<ProtocolError> checkUsername(const QString &username);
// For a new password (register, `user add`, `user reset-password`): 8-256 characters, not
// only whitespace, and not on the shipped list of common passwords (commonpasswords.txt).
// Signing in never checks this: accounts made before the rule still work.
std::optional<ProtocolError> checkPassword(const QString &password);
// Whether the password is on the common password list (case-insensitive).
bool isCommonPassword(const QString &password);
// Valid UTF-16 (no lone surrogates), 1..kMaxContentBytes UTF-8 bytes, not only whitespace,
// no control characters (C0, DEL, C1: U+0000-U+001F, U+007F-U+009F) other than tab and
// newline. Bidi controls (U+202A-U+202E, U+2066-U+2069) are allowed: right-to-left writing
// needs them, and the client keeps each message's embeddings inside its own text when it
// shows it. Text is stored exactly as given.
std::optional<ProtocolError> checkContent(const QString &content, const QString &field);

// A group's name: valid Unicode, 1..limits::kMaxGroupNameChars UTF-16 units (too_large
// over), not only whitespace, no control characters at all (no tab, no newline).
std::optional<ProtocolError> checkGroupName(const QString &name);

} // namespace natter::validation
