#pragma once
// The rule for `send` with `reply_to`: the replied-to message belongs to the conversation the
// reply goes to, and the sender may see it (a current participant; in a group, from the line
// that added them on). Anything else is `not_found` (field reply_to), as for a message the
// caller may not see. A message deleted for everyone may be answered (its quote says it is
// deleted): a resend of a reply stored before the delete must get the stored message back.

#include "conversationdirectory.h"
#include "errorcode.h"
#include "store/chatstore.h"

#include <optional>

namespace natter::server {

// `conversationId` when the send names one; else `to`, the 1:1 peer.
std::optional<ProtocolError> replyTargetError(ChatStore &store, ConversationDirectory &directory,
                                              qint64 senderId, qint64 replyTo,
                                              qint64 conversationId, qint64 to);

} // namespace natter::server
