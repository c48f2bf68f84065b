#pragma once
// How one server instance reaches the others (docs/scaling.md). RedisBus is the real one;
// tests use an in-memory double. Frames published here are delivered by every other
// instance to its own sockets; the bus also keeps track of which users are connected to
// the other instances.
//
// Never destroy a bus from inside one of its own signals.

#include "envelope.h"

#include <QObject>

namespace natter::server {

class EventBus : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts connecting; the bus keeps itself connected from then on.
    virtual void start() = 0;
    virtual QString instanceId() const = 0;
    // A ToUser, ToUsers, ToAll or Contacts envelope for the other instances; best effort (see
    // docs/scaling.md for what happens while Redis is unreachable).
    virtual void publish(const Envelope &envelope) = 0;
    // This instance's own users, for the others' presence.
    virtual void localUserCameOnline(qint64 userId, const QString &username) = 0;
    virtual void localUserWentOffline(qint64 userId) = 0;
    // True while the user has a socket on another instance that is alive.
    virtual bool isRemoteOnline(qint64 userId) const = 0;
    // A clean shutdown: tell the others this instance's users are gone now rather than after
    // the instance timeout.
    virtual void leave() = 0;

signals:
    // A ToUser, ToUsers, ToAll or Contacts envelope from another instance.
    void envelopeReceived(const natter::server::Envelope &envelope);
    // Transitions of the union over all other instances.
    void remoteUserCameOnline(qint64 userId, const QString &username);
    void remoteUserWentOffline(qint64 userId);
    // The bus was interrupted, or another instance died: events from the other instances may
    // have been missed, and clients should sync.
    void eventsMayHaveBeenLost();
};

} // namespace natter::server
