#include "proxyheader.h"

#include <QtEndian>

namespace natter::server::proxyheader {
namespace {

constexpr char kSignature[12] = {'\x0D', '\x0A', '\x0D', '\x0A', '\x00', '\x0D',
                                 '\x0A', '\x51', '\x55', '\x49', '\x54', '\x0A'};

constexpr quint8 kVersion2 = 0x2;
constexpr quint8 kCommandLocal = 0x0;
constexpr quint8 kCommandProxy = 0x1;
constexpr quint8 kFamilyUnspec = 0x0;
constexpr quint8 kFamilyInet = 0x1;
constexpr quint8 kFamilyInet6 = 0x2;
constexpr quint8 kTransportStream = 0x1;
constexpr qsizetype kInetBytes = 12;  // source, destination (4 each), two ports
constexpr qsizetype kInet6Bytes = 36; // 16 each, two ports

Result invalid(const QString &error)
{
    Result out;
    out.status = Result::Status::Invalid;
    out.error = error;
    return out;
}

} // namespace

Result parse(QByteArrayView bytes)
{
    // The signature is checked as far as it has arrived, so a client that is not a proxy is
    // refused at its first byte rather than after the handshake timeout.
    const qsizetype seen = qMin(bytes.size(), qsizetype(sizeof kSignature));
    if (bytes.first(seen) != QByteArrayView(kSignature, seen))
        return invalid(QStringLiteral("no PROXY protocol v2 signature"));
    if (bytes.size() < kFixedBytes)
        return Result{};
    const quint8 versionCommand = quint8(bytes[12]);
    const quint8 familyTransport = quint8(bytes[13]);
    const qsizetype length = qFromBigEndian<quint16>(bytes.data() + 14);
    if (versionCommand >> 4 != kVersion2)
        return invalid(QStringLiteral("PROXY protocol version %1, not 2").arg(versionCommand >> 4));
    const quint8 command = versionCommand & 0x0F;
    if (command != kCommandLocal && command != kCommandProxy)
        return invalid(QStringLiteral("unknown PROXY command %1").arg(command));
    if (length > kMaxBodyBytes)
        return invalid(
            QStringLiteral("PROXY header of %1 bytes (at most %2)").arg(length).arg(kMaxBodyBytes));
    Result out;
    out.size = kFixedBytes + length;
    if (bytes.size() < out.size)
        return out;
    if (command == kCommandLocal) {
        out.status = Result::Status::Local;
        return out;
    }
    const quint8 family = familyTransport >> 4;
    const quint8 transport = familyTransport & 0x0F;
    if (family == kFamilyUnspec) {
        // The spec lets a receiver accept an unknown protocol with the real endpoints.
        out.status = Result::Status::Local;
        return out;
    }
    if (family != kFamilyInet && family != kFamilyInet6)
        return invalid(
            QStringLiteral("PROXY address family %1 is not TCP over IPv4 or IPv6").arg(family));
    if (transport != kTransportStream)
        return invalid(QStringLiteral("PROXY transport %1 is not a stream").arg(transport));
    const char *body = bytes.data() + kFixedBytes;
    if (family == kFamilyInet) {
        if (length < kInetBytes)
            return invalid(QStringLiteral("PROXY IPv4 block of %1 bytes").arg(length));
        out.source = QHostAddress(qFromBigEndian<quint32>(body));
    } else {
        if (length < kInet6Bytes)
            return invalid(QStringLiteral("PROXY IPv6 block of %1 bytes").arg(length));
        out.source = QHostAddress(reinterpret_cast<const quint8 *>(body));
    }
    out.status = Result::Status::Proxied;
    return out;
}

QByteArray encode(const QHostAddress &source, quint16 sourcePort, const QHostAddress &destination,
                  quint16 destPort)
{
    QByteArray out(kSignature, sizeof kSignature);
    if (source.isNull()) {
        out.append(char(kVersion2 << 4 | kCommandLocal)).append(char(0));
        out.append(char(0)).append(char(0));
        return out;
    }
    const bool v4 = source.protocol() == QAbstractSocket::IPv4Protocol;
    out.append(char(kVersion2 << 4 | kCommandProxy));
    out.append(char((v4 ? kFamilyInet : kFamilyInet6) << 4 | kTransportStream));
    const quint16 length = quint16(v4 ? kInetBytes : kInet6Bytes);
    out.append(char(length >> 8)).append(char(length & 0xFF));
    for (const QHostAddress &address : {source, destination}) {
        if (v4) {
            const quint32 ip = qToBigEndian(address.toIPv4Address());
            out.append(reinterpret_cast<const char *>(&ip), 4);
        } else {
            const Q_IPV6ADDR ip = address.toIPv6Address();
            out.append(reinterpret_cast<const char *>(ip.c), 16);
        }
    }
    for (const quint16 port : {sourcePort, destPort})
        out.append(char(port >> 8)).append(char(port & 0xFF));
    return out;
}

} // namespace natter::server::proxyheader
