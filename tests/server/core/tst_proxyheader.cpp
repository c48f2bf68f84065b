// The PROXY protocol v2 header parser: what a load balancer sends, and what a broken or
// hostile one might.

#include "transport/proxyheader.h"

#include <QtTest>

namespace proxyheader = natter::server::proxyheader;
using Status = proxyheader::Result::Status;

namespace {

const QByteArray kSignature = QByteArray::fromHex("0d0a0d0a000d0a515549540a");

QByteArray header(quint8 versionCommand, quint8 familyTransport, const QByteArray &body)
{
    QByteArray out = kSignature;
    out.append(char(versionCommand)).append(char(familyTransport));
    out.append(char(body.size() >> 8)).append(char(body.size() & 0xFF));
    return out + body;
}

} // namespace

class TestProxyHeader final : public QObject
{
    Q_OBJECT

private slots:
    void ipv4SourceIsTheClient()
    {
        // 192.0.2.7:51000 -> 198.51.100.1:7467, as HAProxy's send-proxy-v2 writes it.
        const QByteArray bytes = header(0x21, 0x11,
                                        QByteArray::fromHex("c0000207"
                                                            "c6336401"
                                                            "c738"
                                                            "1d2b"));
        QCOMPARE(bytes, proxyheader::encode(QHostAddress(QStringLiteral("192.0.2.7")), 51000,
                                            QHostAddress(QStringLiteral("198.51.100.1")), 7467));
        const auto result = proxyheader::parse(bytes + "GET /v1 HTTP/1.1\r\n");
        QCOMPARE(result.status, Status::Proxied);
        QCOMPARE(result.size, 28); // stops at the header: the request is left alone
        QCOMPARE(result.source, QHostAddress(QStringLiteral("192.0.2.7")));
    }

    void ipv6SourceIsTheClient()
    {
        const QHostAddress source(QStringLiteral("2001:db8::7"));
        const QByteArray bytes =
            proxyheader::encode(source, 40000, QHostAddress(QStringLiteral("2001:db8::1")), 7467);
        QCOMPARE(bytes.size(), 16 + 36);
        const auto result = proxyheader::parse(bytes);
        QCOMPARE(result.status, Status::Proxied);
        QCOMPARE(result.size, 52);
        QCOMPARE(result.source, source);
    }

    void tlvsAfterTheAddressesAreSkipped()
    {
        // PP2_TYPE_ALPN "h2" and a NOOP after the IPv4 block.
        const QByteArray body = QByteArray::fromHex("c0000207c6336401c7381d2b") +
                                QByteArray::fromHex("01000268320400020000");
        const auto result = proxyheader::parse(header(0x21, 0x11, body));
        QCOMPARE(result.status, Status::Proxied);
        QCOMPARE(result.size, 16 + body.size());
        QCOMPARE(result.source, QHostAddress(QStringLiteral("192.0.2.7")));
    }

    void localCommandKeepsTheRealPeer()
    {
        const QByteArray local = proxyheader::encode(QHostAddress(), 0, QHostAddress(), 0);
        QCOMPARE(local, header(0x20, 0x00, {}));
        const auto result = proxyheader::parse(local);
        QCOMPARE(result.status, Status::Local);
        QCOMPARE(result.size, 16);
        QVERIFY(result.source.isNull());
        // LOCAL with an address block (health checks may send one): still the real peer.
        QCOMPARE(proxyheader::parse(header(0x20, 0x11, QByteArray(12, 'x'))).status, Status::Local);
        // PROXY with the UNSPEC family: the spec lets a receiver use the real peer.
        QCOMPARE(proxyheader::parse(header(0x21, 0x00, {})).status, Status::Local);
    }

    void truncatedHeaderNeedsMore()
    {
        const QByteArray full = proxyheader::encode(QHostAddress(QStringLiteral("192.0.2.7")), 1,
                                                    QHostAddress(QStringLiteral("192.0.2.1")), 2);
        for (qsizetype n = 0; n < 16; ++n) {
            const auto result = proxyheader::parse(full.first(n));
            QCOMPARE(result.status, Status::NeedMore);
            QCOMPARE(result.size, 16);
        }
        for (qsizetype n = 16; n < full.size(); ++n) {
            const auto result = proxyheader::parse(full.first(n));
            QCOMPARE(result.status, Status::NeedMore);
            QCOMPARE(result.size, 28); // now the length is known
        }
    }

    void badSignatureIsRefusedAtTheFirstWrongByte()
    {
        QCOMPARE(proxyheader::parse("G").status, Status::Invalid);
        QCOMPARE(proxyheader::parse("GET /v1 HTTP/1.1\r\n\r\n").status, Status::Invalid);
        // Version 1 (text) is not accepted either.
        QCOMPARE(proxyheader::parse("PROXY TCP4 192.0.2.7 192.0.2.1 1 2\r\n").status,
                 Status::Invalid);
        QByteArray bytes = proxyheader::encode(QHostAddress(QStringLiteral("192.0.2.7")), 1,
                                               QHostAddress(QStringLiteral("192.0.2.1")), 2);
        bytes[11] = 'X';
        QCOMPARE(proxyheader::parse(bytes.first(12)).status, Status::Invalid);
        // TLS ClientHello from a client that was meant to go through the balancer.
        QCOMPARE(proxyheader::parse(QByteArray::fromHex("160301")).status, Status::Invalid);
    }

    void badVersionOrCommandIsRefused()
    {
        const QByteArray body = QByteArray::fromHex("c0000207c6336401c7381d2b");
        QCOMPARE(proxyheader::parse(header(0x11, 0x11, body)).status, Status::Invalid);
        QCOMPARE(proxyheader::parse(header(0x31, 0x11, body)).status, Status::Invalid);
        QCOMPARE(proxyheader::parse(header(0x22, 0x11, body)).status, Status::Invalid);
    }

    void badLengthIsRefused()
    {
        // Longer than this server reads (the 16-bit field allows 65,535): refused as soon as
        // the fixed part is in, without waiting for the rest.
        QByteArray huge = kSignature;
        huge.append(char(0x21)).append(char(0x11)).append(char(0xFF)).append(char(0xFF));
        QCOMPARE(proxyheader::parse(huge).status, Status::Invalid);
        QByteArray over = kSignature;
        over.append(char(0x21)).append(char(0x11)).append(char(0x02)).append(char(0x01)); // 513
        QCOMPARE(proxyheader::parse(over).status, Status::Invalid);
        // Shorter than the family's address block.
        QCOMPARE(proxyheader::parse(header(0x21, 0x11, QByteArray(11, 'x'))).status,
                 Status::Invalid);
        QCOMPARE(proxyheader::parse(header(0x21, 0x21, QByteArray(35, 'x'))).status,
                 Status::Invalid);
        // The longest accepted: 512 bytes of addresses and TLVs.
        QCOMPARE(proxyheader::parse(header(0x21, 0x11, QByteArray(512, 'x'))).status,
                 Status::Proxied);
    }

    void unknownFamilyOrTransportIsRefused()
    {
        const QByteArray body(216 * 2, 'x');
        QCOMPARE(proxyheader::parse(header(0x21, 0x31, body.first(216))).status,
                 Status::Invalid); // AF_UNIX
        QCOMPARE(proxyheader::parse(header(0x21, 0x41, body.first(36))).status,
                 Status::Invalid); // no such family
        QCOMPARE(proxyheader::parse(header(0x21, 0x12, body.first(12))).status,
                 Status::Invalid); // UDP
        QCOMPARE(proxyheader::parse(header(0x21, 0x10, body.first(12))).status,
                 Status::Invalid); // unspecified transport
    }
};

QTEST_GUILESS_MAIN(TestProxyHeader)
#include "tst_proxyheader.moc"
