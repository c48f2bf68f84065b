#pragma once
// The services a request handler may call, wired together by NatterServer.

namespace natter::server {

class AuthService;
class ConversationService;
class GroupService;
class MessageEditService;
class MessagingService;
class PresenceService;
class ReactionService;
class ReceiptService;
class SyncService;
class TypingService;
class UserService;

struct ServiceSet
{
    AuthService *auth = nullptr;
    ConversationService *conversations = nullptr;
    GroupService *groups = nullptr;
    MessageEditService *edits = nullptr;
    MessagingService *messaging = nullptr;
    PresenceService *presence = nullptr;
    ReceiptService *receipts = nullptr;
    SyncService *sync = nullptr;
    TypingService *typing = nullptr;
    UserService *users = nullptr;
    ReactionService *reactions = nullptr;
};

} // namespace natter::server
