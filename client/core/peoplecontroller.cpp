#include "peoplecontroller.h"

#include "errortext.h"
#include "sessioncontroller.h"

namespace natter::client {

PeopleController::PeopleController(ServerConnection &connection, const SessionController &session,
                                   QObject *parent)
    : QObject(parent), m_session(session), m_userSearch(connection)
{
    connect(&m_userSearch, &UserSearch::found, this,
            [this](const QString &query, const QList<User> &users) {
                for (const User &u : users)
                    m_directoryOnline.insert(u.id, u.online);
                emit usersFound(query, users);
            });
    connect(&m_userSearch, &UserSearch::failed, this,
            [this](const QString &query, const ProtocolError &e) {
                // Offline, or signing in again after a reconnect, is no news (the connection
                // indicator says so); any other refusal is.
                if (e.code != ErrorCode::Unavailable && e.code != ErrorCode::Unauthorized)
                    emit errorOccurred(errorText(e));
                emit userSearchFailed(query);
            });
}

void PeopleController::applyPresence(const PresenceEvent &event)
{
    const qint64 me = m_session.currentUser().id;
    if (event.snapshot)
        m_online.applySnapshot(event.online, me);
    else
        m_online.applyDiff(event.online, event.offline, me);
    for (const User &u : event.online)
        m_names.insert(u.id, u.username);
}

void PeopleController::forget()
{
    m_online.clear();
    m_directoryOnline.clear();
    m_userSearch.cancel();
}

void PeopleController::searchUsers(const QString &query)
{
    if (!m_session.isAuthenticated()) {
        m_userSearch.cancel(); // a reply still on its way would answer for another account
        emit userSearchFailed(query);
        return;
    }
    m_userSearch.search(query);
}

} // namespace natter::client
