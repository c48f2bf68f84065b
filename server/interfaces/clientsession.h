#pragma once
// The connection a request came on, as a request handler sees it: who is signed in on it,
// how to answer, and the few state changes a handler makes (sign in, sign out, hold later
// requests while it works). The transport implements it (WebSocketSession); handlers never
// see sockets. A QObject so that an asynchronous handler can guard it with a QPointer and
// use it as the context of its callback.

#include "caller.h"
#include "errorcode.h"
#include "types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace natter::server {

class ClientSession : public QObject
{
    Q_OBJECT

public:
    explicit ClientSession(QObject *parent = nullptr) : QObject(parent) {}
    Q_DISABLE_COPY_MOVE(ClientSession)

    virtual QString peerAddress() const = 0;
    // Longest message text this server takes (UTF-8 bytes; at most the protocol's).
    virtual int maxMessageBytes() const = 0;
    virtual Caller caller() const = 0;
    virtual const QByteArray &tokenHash() const = 0;
    // False when the account already has the configured maximum of sockets.
    virtual bool mayAuthenticateAs(qint64 userId) const = 0;

    virtual void replyOk(const QString &re, const QJsonObject &fields = {}) = 0;
    virtual void replyError(const QString &re, const ProtocolError &error) = 0;
    // Reads (history, sync, users) cost the size of their reply from the account's read
    // budget. mayRead() is false after answering rate_limited when the budget is spent;
    // replyRead() answers `ok` and charges the reply, or `minimumCost` characters when the
    // reply is smaller (a search that found little still did its work).
    virtual bool mayRead(const QString &re) = 0;
    virtual void replyRead(const QString &re, const QJsonObject &fields,
                           qint64 minimumCost = 0) = 0;
    // Queues one text frame (an answer the handler encoded itself); never re-enters the
    // caller (closing for a full outbound buffer happens later from the event loop).
    virtual void sendFrame(const QString &frame) = 0;

    // After a successful register/login/auth (also switching to another user).
    virtual void authenticate(const User &user, const QByteArray &tokenHash) = 0;
    // After logout: the socket must authenticate again within the auth timeout.
    virtual void deauthenticate() = 0;

    // A handler that answers asynchronously holds the input so that replies to later
    // requests keep their order; every holdInput() needs one releaseInput().
    virtual void holdInput() = 0;
    virtual void releaseInput() = 0;
};

} // namespace natter::server
