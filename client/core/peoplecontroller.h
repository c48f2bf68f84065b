#pragma once
// The people this client knows of: who is online (presence), the names it has seen, and the
// server's directory ("find someone"), with what each search said about who is online.

#include "events.h"
#include "onlineusersmodel.h"
#include "usersearch.h"

#include <QHash>
#include <QObject>

namespace natter::client {

class ServerConnection;
class SessionController;

class PeopleController final : public QObject
{
    Q_OBJECT

public:
    PeopleController(ServerConnection &connection, const SessionController &session,
                     QObject *parent = nullptr);

    OnlineUsersModel *online() { return &m_online; }
    QString peerName(qint64 userId) const { return m_names.value(userId); }
    void rememberName(qint64 userId, const QString &username) { m_names.insert(userId, username); }
    bool isOnline(qint64 userId) const { return m_online.isOnline(userId); }
    // What the last directory search said, for someone who is not a contact.
    bool wasOnlineInDirectory(qint64 userId) const
    {
        return m_directoryOnline.value(userId, false);
    }
    void applyPresence(const PresenceEvent &event);
    void forget(); // signed out

    // Finds people on the server (not just those you talk with) whose name contains `query`,
    // everyone when empty: answered by usersFound, or userSearchFailed when signed out,
    // offline or refused. Only the latest search is answered.
    void searchUsers(const QString &query);

signals:
    void usersFound(const QString &query, const QList<natter::User> &users);
    void userSearchFailed(const QString &query);
    void errorOccurred(const QString &message);

private:
    const SessionController &m_session;
    OnlineUsersModel m_online;
    UserSearch m_userSearch;
    QHash<qint64, QString> m_names;
    QHash<qint64, bool> m_directoryOnline; // from directory searches, for non-contacts
};

} // namespace natter::client
