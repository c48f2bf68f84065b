#pragma once
// Group conversations (docs/protocol.md, "Groups"): creating, renaming, adding and removing
// members, roles and leaving; the open group's members with their online state, role and read
// positions; and the group_updated events applied to the conversation list.

#include "errorcode.h"
#include "grouptypes.h"

#include <QList>
#include <QObject>
#include <QSet>

namespace natter::client {

class ConversationController;
class PeopleController;
class ServerConnection;
class SessionController;

class GroupController final : public QObject
{
    Q_OBJECT

public:
    GroupController(ServerConnection &connection, const SessionController &session,
                    ConversationController &conversations, PeopleController &people,
                    QObject *parent = nullptr);

    // Answered by groupCreated or requestFailed; the group opens as soon as the list has it.
    void createGroup(const QString &name, const QList<qint64> &memberIds);
    void renameGroup(qint64 conversationId, const QString &name);
    void addMembers(qint64 conversationId, const QList<qint64> &memberIds);
    void removeMember(qint64 conversationId, qint64 userId);
    void setRole(qint64 conversationId, qint64 userId, GroupRole role);
    void leaveGroup(qint64 conversationId);
    // Asks the server for a group's members (membersLoaded); also teaches the client their names.
    void loadMembers(qint64 conversationId);

    // The open group's members as the server last listed them (empty for a 1:1 conversation).
    qint64 membersConversationId() const { return m_membersOf; }
    const QList<GroupMember> &members() const { return m_members; }
    int onlineCount() const;
    // "Seen by": how many members other than the sender have read up to `messageId`.
    int seenCount(qint64 messageId, qint64 senderId) const;

    // For the event router.
    void applyGroupUpdated(const Group &group);
    void applyReceiptPositions(qint64 conversationId, qint64 userId, qint64 readUpTo,
                               qint64 deliveredUpTo);
    void forget(); // signed out

signals:
    void groupCreated(qint64 conversationId);
    void membersLoaded(qint64 conversationId);
    // A request about a group was refused: what the server said, in words.
    void requestFailed(const QString &message);

private:
    void onConversationOpened(qint64 conversationId);
    void learnNamesOfListedGroups();
    void applyGroupReply(const QJsonObject &reply, const std::optional<ProtocolError> &error);

    ServerConnection &m_connection;
    const SessionController &m_session;
    ConversationController &m_conversations;
    PeopleController &m_people;
    qint64 m_membersOf = 0;
    QList<GroupMember> m_members;
    QSet<qint64> m_namesAsked;   // groups whose members' names were fetched once
    qint64 m_openWhenListed = 0; // just created here: opened when the list has it
};

} // namespace natter::client
