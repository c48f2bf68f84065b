#pragma once
// Asks the server's user directory (the `users` request) who is there, for "find someone".
// Only the latest search is answered: when the user types faster than the server replies,
// the reply to an older query is dropped, so results never go back to an earlier query.

#include "errorcode.h"
#include "types.h"

#include <QList>
#include <QObject>

namespace natter::client {

class ServerConnection;

class UserSearch final : public QObject
{
    Q_OBJECT

public:
    explicit UserSearch(ServerConnection &connection, QObject *parent = nullptr);

    // Names containing `query` (case-insensitive; everyone when empty), the server's first
    // page, sorted by name. Answered by found() or failed(), unless a newer search came first.
    void search(const QString &query);
    // Whatever is in flight is never answered (e.g. after signing out).
    void cancel() { ++m_latest; }

signals:
    void found(const QString &query, const QList<natter::User> &users);
    void failed(const QString &query, const natter::ProtocolError &error);

private:
    ServerConnection &m_connection;
    quint64 m_latest = 0;
};

} // namespace natter::client
