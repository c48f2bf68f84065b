#pragma once
// Rows of SqlStore's queries: the message columns and reading them, and the rule by which a
// receipt moves.

#include "types.h"

#include <QSqlQuery>

#include <optional>

namespace natter::server {

// "SELECT <the eleven message columns> FROM messages m ".
extern const QString kMessageSelect;
inline constexpr int kMessageColumns = 11;

// The eleven message columns (id, conversation_id, sender_id, client_id, content, created_at,
// edited_at, deleted, rev, system_event, file) starting at column `first`.
Message messageFromRow(const QSqlQuery &q, int first = 0);

// `current` moved to `upTo` (clamped to the conversation's newest message): read implies
// delivered, and nothing moves backwards. nullopt when nothing changes; the rev is the
// caller's to set.
std::optional<Receipt> advanceReceipt(const Receipt &current, qint64 newest, qint64 upTo,
                                      bool read);

} // namespace natter::server
