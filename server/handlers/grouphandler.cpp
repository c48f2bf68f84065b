#include "grouphandler.h"

#include "handlersupport.h"
#include "services/groupservice.h"
#include "services/presenceservice.h"

namespace natter::server {
namespace {

// A request whose reply is the group after the change (GroupReply).
template <typename Request>
void addGroupRequest(HandlerRegistry &registry, GroupService &groups,
                     Outcome<Group> (GroupService::*call)(const Caller &, const Request &))
{
    registry.add(Request::kType,
                 [&groups, call](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<Request>(session, request);
                     if (!decoded)
                         return;
                     answer(session, request.id, (groups.*call)(session.caller(), *decoded),
                            [](const Group &group) { return GroupReply{group}; });
                 });
}

} // namespace

void registerGroupHandlers(HandlerRegistry &registry, const ServiceSet &services)
{
    GroupService &groups = *services.groups;
    PresenceService &presence = *services.presence;
    addGroupRequest(registry, groups, &GroupService::create);
    addGroupRequest(registry, groups, &GroupService::rename);
    addGroupRequest(registry, groups, &GroupService::addMembers);
    addGroupRequest(registry, groups, &GroupService::removeMember);
    addGroupRequest(registry, groups, &GroupService::setRole);
    registry.add(protocol::RequestType::LeaveGroup,
                 [&groups](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<LeaveGroupRequest>(session, request);
                     if (!decoded)
                         return;
                     answer(session, request.id, groups.leave(session.caller(), *decoded),
                            [](bool) { return LeaveGroupReply{}; });
                 });
    registry.add(protocol::RequestType::GroupMembers,
                 [&groups, &presence](ClientSession &session, const codec::Request &request) {
                     const auto decoded = decodeRequest<GroupMembersRequest>(session, request);
                     if (!decoded)
                         return;
                     const auto page =
                         groups.members(session.caller(), *decoded,
                                        [&presence](qint64 id) { return presence.isOnline(id); });
                     answer(session, request.id, page, [](const GroupMembersPage &p) {
                         return GroupMembersReply{p.group, p.members};
                     });
                 });
}

} // namespace natter::server
