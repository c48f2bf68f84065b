#pragma once
// The PROXY protocol v2 header (HAProxy's send-proxy-v2) a load balancer sends before the
// client's first byte: a 16-byte fixed part (12-byte signature, version/command, family/
// transport, length of the rest) then the addresses and optional TLVs. Only the source
// address is used; TLVs are skipped. Version 1 (text) is not accepted.

#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace natter::server::proxyheader {

inline constexpr qsizetype kFixedBytes = 16;
// Addresses (at most 36 bytes for IPv6) and a few TLVs; HAProxy sends far less by default.
inline constexpr qsizetype kMaxBodyBytes = 512;

struct Result
{
    enum class Status
    {
        NeedMore, // `size` bytes are needed in all (16 until the length is known)
        Proxied,  // a relayed TCP connection from `source`
        Local,    // the proxy's own connection (health check): use the real peer
        Invalid   // `error` says why; the connection must be closed
    };
    Status status = Status::NeedMore;
    qsizetype size = kFixedBytes; // NeedMore: bytes needed; else: the header's length
    QHostAddress source;
    QString error;
};

// Looks at the start of a connection's bytes; never reads past the header.
Result parse(QByteArrayView bytes);

// A header for tests and tools: PROXY TCP from source:sourcePort to destination:destPort
// (both the same family), or LOCAL when `source` is null.
QByteArray encode(const QHostAddress &source, quint16 sourcePort, const QHostAddress &destination,
                  quint16 destPort);

} // namespace natter::server::proxyheader
