#include "groupcontroller.h"

#include "conversationcontroller.h"
#include "errortext.h"
#include "peoplecontroller.h"
#include "replies.h"
#include "requests.h"
#include "serverconnection.h"
#include "sessioncontroller.h"

#include <utility>

namespace natter::client {

using protocol::RequestType;

GroupController::GroupController(ServerConnection &connection, const SessionController &session,
                                 ConversationController &conversations, PeopleController &people,
                                 QObject *parent)
    : QObject(parent), m_connection(connection), m_session(session), m_conversations(conversations),
      m_people(people)
{
    connect(
        &conversations, &ConversationController::conversationOpened, this,
        [this](qint64 conversationId, const QString &) { onConversationOpened(conversationId); });
    // Previews say who wrote ("alice: hi"): the names of each group's members are fetched once.
    connect(conversations.list(), &QAbstractItemModel::modelReset, this,
            &GroupController::learnNamesOfListedGroups);
}

void GroupController::createGroup(const QString &name, const QList<qint64> &memberIds)
{
    const auto onReply = [this](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
        ProtocolError bad;
        auto r = e ? std::nullopt : GroupReply::fromJson(reply, &bad);
        if (!r)
            return emit requestFailed(errorText(e ? *e : bad));
        // The system line's message event may come before or after this reply: the group
        // opens when the list has it, now or after the refresh.
        m_openWhenListed = r->group.id;
        if (m_conversations.list()->find(r->group.id))
            learnNamesOfListedGroups();
        else
            m_conversations.refreshConversations();
        emit groupCreated(r->group.id);
    };
    m_connection.request(RequestType::CreateGroup, CreateGroupRequest{name, memberIds}.toJson(),
                         onReply);
}

void GroupController::applyGroupReply(const QJsonObject &reply,
                                      const std::optional<ProtocolError> &error)
{
    ProtocolError bad;
    auto r = error ? std::nullopt : GroupReply::fromJson(reply, &bad);
    if (!r)
        return emit requestFailed(errorText(error ? *error : bad));
    applyGroupUpdated(r->group);
}

void GroupController::renameGroup(qint64 conversationId, const QString &name)
{
    m_connection.request(RequestType::RenameGroup,
                         RenameGroupRequest{conversationId, name}.toJson(),
                         [this](const QJsonObject &r, const std::optional<ProtocolError> &e) {
                             applyGroupReply(r, e);
                         });
}

void GroupController::addMembers(qint64 conversationId, const QList<qint64> &memberIds)
{
    m_connection.request(RequestType::AddMembers,
                         AddMembersRequest{conversationId, memberIds}.toJson(),
                         [this](const QJsonObject &r, const std::optional<ProtocolError> &e) {
                             applyGroupReply(r, e);
                         });
}

void GroupController::removeMember(qint64 conversationId, qint64 userId)
{
    m_connection.request(RequestType::RemoveMember,
                         RemoveMemberRequest{conversationId, userId}.toJson(),
                         [this](const QJsonObject &r, const std::optional<ProtocolError> &e) {
                             applyGroupReply(r, e);
                         });
}

void GroupController::setRole(qint64 conversationId, qint64 userId, GroupRole role)
{
    m_connection.request(RequestType::SetRole,
                         SetRoleRequest{conversationId, userId, role}.toJson(),
                         [this](const QJsonObject &r, const std::optional<ProtocolError> &e) {
                             applyGroupReply(r, e);
                         });
}

void GroupController::leaveGroup(qint64 conversationId)
{
    m_connection.request(RequestType::LeaveGroup, LeaveGroupRequest{conversationId}.toJson(),
                         [this](const QJsonObject &, const std::optional<ProtocolError> &e) {
                             if (e)
                                 emit requestFailed(errorText(*e));
                             // The group_updated event marks the group left.
                         });
}

void GroupController::loadMembers(qint64 conversationId)
{
    m_connection.request(
        RequestType::GroupMembers, GroupMembersRequest{conversationId}.toJson(),
        [this, conversationId](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            ProtocolError bad;
            auto r = e ? std::nullopt : GroupMembersReply::fromJson(reply, &bad);
            if (!r)
                return; // left or removed meanwhile: the group shows read-only
            for (const GroupMember &m : std::as_const(r->members))
                m_people.rememberName(m.user.id, m.user.username);
            m_conversations.list()->applyGroup(r->group, m_session.currentUser().id);
            if (conversationId != m_conversations.openConversationId())
                return;
            m_membersOf = conversationId;
            m_members = r->members;
            m_conversations.messages()->refreshSenderNames();
            emit membersLoaded(conversationId);
        });
}

int GroupController::onlineCount() const
{
    int n = 0;
    for (const GroupMember &m : m_members)
        n +=
            m.user.id == m_session.currentUser().id || m_people.isOnline(m.user.id) || m.user.online
                ? 1
                : 0;
    return n;
}

int GroupController::seenCount(qint64 messageId, qint64 senderId) const
{
    int n = 0;
    for (const GroupMember &m : m_members)
        n += m.user.id != senderId && m.readUpTo >= messageId ? 1 : 0;
    return n;
}

void GroupController::applyGroupUpdated(const Group &group)
{
    m_conversations.list()->applyGroup(group, m_session.currentUser().id);
    if (group.id == m_membersOf || group.id == m_conversations.openConversationId()) {
        if (group.hasMember(m_session.currentUser().id)) {
            loadMembers(group.id); // who joined, with their names and online state
        } else {
            m_members.clear();
            emit membersLoaded(group.id);
        }
    }
}

void GroupController::applyReceiptPositions(qint64 conversationId, qint64 userId, qint64 readUpTo,
                                            qint64 deliveredUpTo)
{
    if (conversationId != m_membersOf)
        return;
    for (GroupMember &m : m_members) {
        if (m.user.id == userId) {
            m.readUpTo = std::max(m.readUpTo, readUpTo);
            m.deliveredUpTo = std::max(m.deliveredUpTo, deliveredUpTo);
            emit membersLoaded(conversationId);
        }
    }
}

void GroupController::onConversationOpened(qint64 conversationId)
{
    m_membersOf = 0;
    m_members.clear();
    const Conversation *c = m_conversations.list()->find(conversationId);
    if (c && c->group && !c->left)
        loadMembers(conversationId);
    emit membersLoaded(conversationId);
}

void GroupController::learnNamesOfListedGroups()
{
    ConversationListModel *list = m_conversations.list();
    if (m_openWhenListed != 0 && list->find(m_openWhenListed)) {
        const qint64 created = std::exchange(m_openWhenListed, 0);
        m_conversations.openConversation(created);
    }
    for (int i = 0; i < list->rowCount(); ++i) {
        const qint64 id = list->index(i).data(ConversationListModel::IdRole).toLongLong();
        const Conversation *c = list->find(id);
        if (c && c->group && !c->left && !m_namesAsked.contains(id)) {
            m_namesAsked.insert(id);
            loadMembers(id);
        }
    }
}

void GroupController::forget()
{
    m_membersOf = 0;
    m_members.clear();
    m_namesAsked.clear();
    m_openWhenListed = 0;
}

} // namespace natter::client
