#pragma once
// Where services push server-initiated events. The transport layer implements it
// (SessionRegistry), so services never depend on sockets. A frame is serialized once by the
// caller and the same string goes to every target.

#include "caller.h"

#include <QSet>
#include <QString>

namespace natter::server {

class EventSink
{
public:
    virtual ~EventSink() = default;

    // Every authenticated socket of the user except `except`.
    virtual void sendToUser(qint64 userId, const QString &frame, ConnectionId except = 0) = 0;
    virtual void sendToConnection(ConnectionId connection, const QString &frame) = 0;
    // Every authenticated socket of every user not in `exceptUsers`.
    virtual void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers = {}) = 0;
    // True while the user has at least one authenticated socket.
    virtual bool hasConnection(qint64 userId) const = 0;
};

} // namespace natter::server
