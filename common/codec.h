#pragma once
// Framing: text frame <-> envelope. The server parses requests and writes replies/events;
// the client writes requests and parses replies/events. Field-level decoding lives in
// requests.h / events.h / types.h.

#include "errorcode.h"
#include "protocol.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace natter::codec {

// A client request as read off the wire. Fields are at the top level next to type and id.
struct Request
{
    protocol::RequestType type = protocol::RequestType::Ping;
    QString typeName;
    QString id;
    QJsonObject body; // the whole frame object
};

struct ParsedRequest
{
    Request request;                    // id is filled in whenever it could be read
    std::optional<ProtocolError> error; // set when the frame is not a valid request
};

// Checks size, nesting depth, JSON syntax, the envelope ("type", "id"). Does not decode the
// request-specific fields.
ParsedRequest parseRequest(const QByteArray &utf8);
ParsedRequest parseRequest(const QString &text);

QString encodeRequest(protocol::RequestType type, const QString &id, const QJsonObject &fields);
template <typename R> QString encodeRequest(const R &request, const QString &id)
{
    return encodeRequest(R::kType, id, request.toJson());
}

// Replies echo the request id in "re"; an error whose request id could not be read has
// "re": null.
QString encodeOk(const QString &re, const QJsonObject &fields = {});
QString encodeError(const QString &re, const ProtocolError &error);
QString encodeEvent(protocol::EventType type, const QJsonObject &fields);
template <typename E> QString encodeEvent(const E &event)
{
    return encodeEvent(E::kType, event.toJson());
}

// What the server sent, as seen by a client.
struct ServerFrame
{
    enum class Kind
    {
        Ok,
        Error,
        Event
    };
    Kind kind = Kind::Event;
    QString re;                  // Ok / Error
    ProtocolError error;         // Error
    protocol::EventType event{}; // Event
    QJsonObject body;            // the whole frame object
};

// nullopt for frames that are not valid JSON objects or have an unknown type (clients
// ignore unknown event types, as the versioning rule requires).
std::optional<ServerFrame> parseServerFrame(const QString &text);

// Depth of the deepest array/object nesting in a JSON text, scanning no further than
// `limit + 1` levels. Strings are skipped correctly, including escaped quotes.
int jsonDepth(const QByteArray &utf8, int limit);

} // namespace natter::codec
