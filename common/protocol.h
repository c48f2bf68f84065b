#pragma once
// Wire-protocol constants shared by client and server. docs/protocol.md is the normative text.

#include <QLatin1String>
#include <QString>
#include <QtGlobal>

namespace natter::protocol {

// Bumped only for incompatible changes; the WebSocket path carries it ("/v1").
inline constexpr int kVersion = 1;
inline constexpr QLatin1String kPath{"/v1"};
inline constexpr quint16 kDefaultPort = 7467;
inline constexpr quint16 kDiscoveryPort = 7468; // UDP: LAN discovery queries and answers

// WebSocket close codes the server uses (4000-4999 is the application range).
enum CloseCode : quint16
{
    CloseGoingAway = 1001,          // server shutting down
    CloseTooBig = 1009,             // frame over the hard transport limit
    CloseServiceRestart = 1012,     // events from other instances may be missing: reconnect, sync
    CloseUnsupportedVersion = 4400, // path is not /v1
    CloseAuthTimeout = 4401,        // no successful auth within the time limit
    CloseSignedOut = 4403,          // the session's token was revoked or expired: sign in again
    CloseTooSlow = 4408,            // outbound buffer overflowed: client must reconnect and sync
    ClosePolicy = 4429,             // repeated abuse (flooding past rate limits)
};

// Frame types a client may send. Every one carries an "id" and gets exactly one reply.
enum class RequestType
{
    Register,
    Login,
    Auth,
    Ping,
    Logout,
    Users,
    Send,
    Conversations,
    History,
    Typing,
    Read,
    Edit,
    Delete,
    EditHistory,
    Sync,
    Search,
    // Groups (docs/protocol.md, "Groups").
    CreateGroup,
    RenameGroup,
    AddMembers,
    RemoveMember,
    LeaveGroup,
    GroupMembers,
    SetRole,
    React, // reactionrequests.h
};

// Frame types the server pushes without a request ("re" absent).
enum class EventType
{
    Message,
    MessageUpdated,
    MessageHidden,
    Typing,
    Presence,
    Receipt,
    GroupUpdated,
    Reaction, // reactionrequests.h
};

QLatin1String requestTypeName(RequestType type);
bool requestTypeFromName(const QString &name, RequestType *type);
// Requests allowed before the socket has authenticated.
bool isPreAuthRequest(RequestType type);

QLatin1String eventTypeName(EventType type);
bool eventTypeFromName(const QString &name, EventType *type);

// Reply frame types.
inline constexpr QLatin1String kOkType{"ok"};
inline constexpr QLatin1String kErrorType{"error"};

} // namespace natter::protocol
