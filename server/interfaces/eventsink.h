#pragma once
// Where services push server-initiated events. The transport layer implements it
// (SessionRegistry), so services never depend on sockets. A frame is serialized once by the
// caller and the same string goes to every target.

#include "caller.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace natter::server {

// A new message and the one user it is for.
struct PushedMessage
{
    qint64 conversationId = 0;
    qint64 recipientId = 0;
    qint64 messageId = 0;
};

class EventSink
{
public:
    // Messages another instance sent that this instance wrote to a socket of their recipient.
    using PushedHandler = std::function<void(const QList<PushedMessage> &)>;

    virtual ~EventSink() = default;

    // Every authenticated socket of the user except `except`.
    virtual void sendToUser(qint64 userId, const QString &frame, ConnectionId except = 0) = 0;
    // sendToUser() for each of `users` (a group's members) with the one frame; with several
    // instances it crosses the bus as ONE envelope, not one per user.
    virtual void sendToUsers(const QList<qint64> &users, const QString &frame,
                             ConnectionId except = 0)
    {
        for (const qint64 user : users)
            sendToUser(user, frame, except);
    }
    virtual void sendToConnection(ConnectionId connection, const QString &frame) = 0;
    // Every authenticated socket of every user not in `exceptUsers`.
    virtual void sendToAll(const QString &frame, const QSet<qint64> &exceptUsers = {}) = 0;
    // True while the user has at least one authenticated socket on this instance: a frame sent
    // now is written to it. (Sockets on other instances do not count: whether a frame reaches
    // them is only known there.)
    virtual bool hasConnection(qint64 userId) const = 0;

    // A new message (its `message` frame) for its recipient, sent as sendToUser() does. With
    // several instances, an instance that writes it to a socket of the recipient although the
    // sender's instance had none for them reports it to its PushedHandler.
    virtual void sendToRecipient(const PushedMessage &message, const QString &frame)
    {
        sendToUser(message.recipientId, frame);
    }
    // Set once by the ReceiptService (delivered positions move only for pushed messages);
    // a single instance never calls it.
    virtual void setPushedHandler(PushedHandler handler) { Q_UNUSED(handler); }
};

} // namespace natter::server
