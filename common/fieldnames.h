#pragma once
// The one spelling of the reply envelope's, the replies' and a Message's field names. The
// encoders and decoders in common/ use these, and so does what reads single fields out of a
// frame without decoding it (the load generator's scanner), so a rename reaches them all.

#include <QLatin1String>

namespace natter::field {

// Envelope of every reply (error fields: codec.h).
inline constexpr QLatin1String kType{"type"};
inline constexpr QLatin1String kId{"id"};
inline constexpr QLatin1String kRe{"re"};
inline constexpr QLatin1String kCode{"code"};
inline constexpr QLatin1String kMessage{"message"}; // an error's text; a reply's Message
inline constexpr QLatin1String kField{"field"};
inline constexpr QLatin1String kRetryAfterMs{"retry_after_ms"};

// Reply fields (replies.h).
inline constexpr QLatin1String kUser{"user"};
inline constexpr QLatin1String kToken{"token"};
inline constexpr QLatin1String kUsers{"users"};
inline constexpr QLatin1String kConversations{"conversations"};
inline constexpr QLatin1String kMessages{"messages"};
inline constexpr QLatin1String kHasMore{"has_more"};
inline constexpr QLatin1String kReceipt{"receipt"};
inline constexpr QLatin1String kReceipts{"receipts"};
inline constexpr QLatin1String kHidden{"hidden"};
inline constexpr QLatin1String kEdits{"edits"};
inline constexpr QLatin1String kRev{"rev"};
inline constexpr QLatin1String kHasNewer{"has_newer"};
inline constexpr QLatin1String kNextBefore{"next_before"};
inline constexpr QLatin1String kTotal{"total"};
inline constexpr QLatin1String kTotalExact{"total_exact"};

// Message (types.h); "id" and "rev" as above.
inline constexpr QLatin1String kConversationId{"conversation_id"};
inline constexpr QLatin1String kSenderId{"sender_id"};
inline constexpr QLatin1String kClientId{"client_id"};
inline constexpr QLatin1String kContent{"content"};
inline constexpr QLatin1String kCreatedAt{"created_at"};
inline constexpr QLatin1String kEditedAt{"edited_at"};
inline constexpr QLatin1String kDeleted{"deleted"};
inline constexpr QLatin1String kSystem{"system"};       // a system line's body (systemevent.h)
inline constexpr QLatin1String kReplyTo{"reply_to"};    // the quoted message (reactiontypes.h)
inline constexpr QLatin1String kReactions{"reactions"}; // emoji -> [user id]
inline constexpr QLatin1String kFile{"file"};           // a file message's file (fileinfo.h)

} // namespace natter::field
