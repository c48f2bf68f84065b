#include "wireframe.h"

#include <QtEndian>

namespace natter::server {

WireFrame::WireFrame(const QString &text) : m_text(text)
{}

const QByteArray &WireFrame::bytes() const
{
    if (m_bytes.isEmpty())
        m_bytes = encode(m_text.toUtf8());
    return m_bytes;
}

QByteArray WireFrame::encode(const QByteArray &utf8)
{
    constexpr char kFinText = char(0x81); // FIN, opcode 1 (text)
    const quint64 length = quint64(utf8.size());
    QByteArray frame;
    frame.reserve(utf8.size() + 10);
    frame.append(kFinText);
    // The shortest length form, as RFC 6455 5.2 requires; a server's frames are never masked.
    if (length < 126) {
        frame.append(char(length));
    } else if (length <= 0xFFFF) {
        frame.append(char(126));
        char be[2];
        qToBigEndian(quint16(length), be);
        frame.append(be, 2);
    } else {
        frame.append(char(127));
        char be[8];
        qToBigEndian(length, be);
        frame.append(be, 8);
    }
    frame.append(utf8);
    return frame;
}

} // namespace natter::server
