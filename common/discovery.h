#pragma once
// LAN discovery datagrams (UDP, protocol::kDiscoveryPort): a client sends a query to the
// broadcast address (and to loopback); every server that hears it answers the sender with
// where its WebSocket endpoint is. Both are small JSON objects; the answer is never much
// larger than the query, so a spoofed query cannot amplify traffic. See docs/protocol.md,
// "Discovery".

#include <QByteArray>
#include <QString>

#include <optional>

namespace natter::discovery {

// Answers larger than this are not sent and not accepted.
inline constexpr int kMaxDatagramBytes = 512;
// Queries are padded to this size so an answer is at most twice a query's size.
inline constexpr int kQueryBytes = 128;

struct Answer
{
    QString name;     // what the admin called the server (default: the host name)
    quint16 port = 0; // WebSocket port
    bool tls = false; // wss:// instead of ws://
    QString path;     // WebSocket path, e.g. "/v1"
    int protocolVersion = 0;
};

QByteArray encodeQuery();
bool isQuery(const QByteArray &datagram);

QByteArray encodeAnswer(const Answer &answer);
std::optional<Answer> parseAnswer(const QByteArray &datagram);

} // namespace natter::discovery
