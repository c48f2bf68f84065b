#pragma once
// What one instance publishes to the others on the Redis channel, and its wire form.
//
// A frame for clients travels as it was serialized for the local sockets, after a one-line
// JSON header naming the publisher and the targets:
//   {"v":1,"i":"3f9c0e2a1b7d","k":"user","u":5}\n{"type":"message",...}
//   {"v":1,"i":"3f9c0e2a1b7d","k":"user","u":5,"c":3,"m":41}\n{"type":"message",...}
// ("c" and "m": a new message for its recipient, which the publisher could not push itself:
// an instance that writes it to a socket of user 5 marks message 41 delivered.)
//   {"v":1,"i":"3f9c0e2a1b7d","k":"all","x":[2,7]}\n{"type":"presence",...}
// A frame for several users (a group's members) crosses once, with the list:
//   {"v":1,"i":"3f9c0e2a1b7d","k":"users","us":[5,8,13]}\n{"type":"message",...}
// Presence bookkeeping between instances is a header alone:
//   {"v":1,"i":"3f9c0e2a1b7d","k":"presence","s":42,"r":false,"on":[[5,"bob"]],"off":[3]}
//   {"v":1,"i":"3f9c0e2a1b7d","k":"heartbeat","s":42}
//   {"v":1,"i":"3f9c0e2a1b7d","k":"bye"}
//   {"v":1,"i":"3f9c0e2a1b7d","k":"lost"}
//   {"v":1,"i":"3f9c0e2a1b7d","k":"contacts","u":5,"p":9}
// Anyone with access to the Redis server can publish on the channel, so decoding checks
// everything and a bad payload is refused, never half-applied.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace natter::server {

struct Envelope
{
    enum class Kind
    {
        ToUser,    // `frame` for every socket of `userId`
        ToUsers,   // `frame` for every socket of each of `users`
        ToAll,     // `frame` for every authenticated socket except those of `exceptUsers`
        Presence,  // this instance's users that came online / went offline; `seq` numbered
        Heartbeat, // the instance is alive and its presence sequence is at `seq`
        Bye,       // the instance is shutting down: its users are no longer on it
        Lost,      // the instance dropped events it could not publish: clients should sync
        Contacts,  // `userId` and `peerId` now share a conversation (presence follows it)
    };

    Kind kind = Kind::ToUser;
    QString instance; // the publisher

    qint64 userId = 0;
    qint64 peerId = 0; // Contacts
    // ToUser: `frame` is new message `messageId` of `conversationId` for `userId`, its
    // recipient, to be marked delivered where it is pushed (0: an ordinary event).
    qint64 conversationId = 0;
    qint64 messageId = 0;
    QList<qint64> exceptUsers;
    QList<qint64> users; // ToUsers
    QString frame;

    qint64 seq = 0;
    bool reset = false; // Presence: the instance rewrote its whole state; read it again
    QList<QPair<qint64, QString>> online;
    QList<qint64> offline;

    static Envelope toUser(const QString &instance, qint64 userId, const QString &frame);
    static Envelope toUsers(const QString &instance, const QList<qint64> &users,
                            const QString &frame);
    static Envelope toAll(const QString &instance, const QString &frame,
                          const QList<qint64> &exceptUsers);
    static Envelope contacts(const QString &instance, qint64 userId, qint64 peerId);
};

// Larger payloads are refused on both sides (a frame is at most a few hundred KiB).
constexpr qsizetype kMaxEnvelopeBytes = 4 * 1024 * 1024;

QByteArray encodeEnvelope(const Envelope &envelope);
// nullopt with *error set when `payload` is not a valid envelope of this version.
std::optional<Envelope> decodeEnvelope(const QByteArray &payload, QString *error);

// Instance ids are short tokens of [A-Za-z0-9_-]: they become part of Redis key names.
bool isValidInstanceId(const QString &id);

} // namespace natter::server
