#include "usersearch.h"

#include "protocollimits.h"
#include "replies.h"
#include "requests.h"
#include "serverconnection.h"

namespace natter::client {

UserSearch::UserSearch(ServerConnection &connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{}

void UserSearch::search(const QString &query)
{
    const quint64 serial = ++m_latest;
    // The server refuses longer queries; no name is longer than that either.
    const QString sent = query.left(limits::kMaxQueryChars);
    m_connection.request(
        protocol::RequestType::Users, UsersRequest{sent, 0}.toJson(),
        [this, serial, query](const QJsonObject &reply, const std::optional<ProtocolError> &e) {
            if (serial != m_latest)
                return; // a newer search was asked meanwhile: its answer is the one that counts
            ProtocolError bad;
            const auto r = e ? std::nullopt : UsersReply::fromJson(reply, &bad);
            if (!r)
                return emit failed(query, e ? *e : bad);
            emit found(query, r->users);
        });
}

} // namespace natter::client
