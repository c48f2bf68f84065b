#pragma once
// What both SQL stores share beyond the schema: reading a message row, and the rule by which
// a receipt moves. One place, so SQLite and PostgreSQL cannot drift apart.

#include "types.h"

#include <QSqlQuery>

#include <optional>

namespace natter::server {

// The nine message columns (id, conversation_id, sender_id, client_id, content, created_at,
// edited_at, deleted, rev) starting at column `first`.
Message messageFromRow(const QSqlQuery &q, int first = 0);

// `current` moved to `upTo` (clamped to the conversation's newest message): read implies
// delivered, and nothing moves backwards. nullopt when nothing changes; the rev is the
// caller's to set.
std::optional<Receipt> advanceReceipt(const Receipt &current, qint64 newest, qint64 upTo,
                                      bool read);

} // namespace natter::server
