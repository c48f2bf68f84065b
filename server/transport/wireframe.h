#pragma once
// A text frame as a server writes it on the wire (RFC 6455: FIN, opcode 1, unmasked, the
// payload's length, its UTF-8), encoded once for a frame fanned out to many sockets. Through
// QWebSocket::sendTextMessage() every socket converted the same text to UTF-8 and built its
// own header: with a 50-member group that was 50 conversions of one message.

#include <QByteArray>
#include <QString>

namespace natter::server {

class WireFrame final
{
public:
    explicit WireFrame(const QString &text);

    const QString &text() const { return m_text; }
    // Header and payload; built on first use (a fan-out with no socket here never builds it).
    const QByteArray &bytes() const;

    // The header and payload of an unmasked text frame holding `utf8` (tests; bytes() uses it).
    static QByteArray encode(const QByteArray &utf8);

private:
    QString m_text;
    mutable QByteArray m_bytes;
};

} // namespace natter::server
