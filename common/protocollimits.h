#pragma once
// Limits that are part of the protocol. The server enforces them; clients may pre-check.
// docs/protocol.md lists each one; the server's configurable limits default to these.

#include <QtGlobal>

namespace natter::limits {

// A text frame larger than this gets a too_large error (the socket stays open).
inline constexpr qint64 kMaxFrameBytes = 64 * 1024;
// A frame larger than this closes the socket with 1009 (enforced by QWebSocket itself).
inline constexpr qint64 kHardFrameBytes = 1024 * 1024;
// JSON nesting deeper than this is rejected before parsing.
inline constexpr int kMaxJsonDepth = 8;

inline constexpr int kMaxRequestIdChars = 64;
inline constexpr int kMaxContentBytes = 16 * 1024; // UTF-8 bytes of message text
inline constexpr int kMinUsernameChars = 3;
inline constexpr int kMaxUsernameChars = 32;
inline constexpr int kMinPasswordChars = 8;
inline constexpr int kMaxPasswordChars = 256;
inline constexpr int kMaxTokenChars = 128;
inline constexpr int kMaxQueryChars = 64;

inline constexpr int kDefaultHistoryPage = 50;
inline constexpr int kMaxHistoryPage = 100;
inline constexpr int kDefaultSyncPage = 200;
inline constexpr int kMaxSyncPage = 500;
inline constexpr int kDefaultSearchPage = 20;
inline constexpr int kMaxSearchPage = 50;
inline constexpr int kMaxSearchQueryChars = 200;
inline constexpr int kMaxSearchTerms = 16; // words in one query, phrases' words included
// Matching messages one search request examines at most (newest first): a common word in a
// large database costs the same bounded work per page, whoever asks.
inline constexpr int kSearchScanWindow = 2000;
// Completions of the word being typed that a search matches (SQLite: each one a term of an OR,
// which reads only the newest rows of each; its own prefix query would merge every
// completion's whole list first). With more, the word matches as a whole word until more of
// it is typed.
inline constexpr int kSearchPrefixCompletions = 64;
inline constexpr int kDefaultUsersPage = 100;
inline constexpr int kMaxUsersPage = 200;

// Requests per second per connection (token bucket: sustained rate and burst).
inline constexpr int kRequestsPerSecond = 30;
inline constexpr int kRequestBurst = 60;

inline constexpr int kAuthTimeoutMs = 10'000;  // unauthenticated connection lifetime
inline constexpr int kTypingExpiryMs = 6'000;  // typing state not refreshed within this expires
inline constexpr int kTypingRefreshMs = 3'000; // clients re-send typing active this often
inline constexpr int kPresenceBatchMs = 200;   // presence changes are coalesced this long
inline constexpr int kPresenceGraceMs = 3'000; // back within this: never announced offline
inline constexpr int kIdleTimeoutMs = 90'000;  // no frame at all for this long closes the socket
inline constexpr int kPingIntervalMs = 30'000; // clients send ping this often when idle

// Groups (docs/protocol.md, "Groups"). A server may allow less (its settings), never more.
inline constexpr int kMaxGroupNameChars = 64; // UTF-16 units of a group's name
inline constexpr int kMinGroupMembers = 2;    // a group is created with the creator and 1+ more
inline constexpr int kMaxGroupMembers = 256;  // members of one group, the creator included

// JSON numbers are doubles; ids stay within the exactly representable range.
inline constexpr qint64 kMaxId = (qint64(1) << 53) - 1;

} // namespace natter::limits
