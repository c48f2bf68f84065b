#include "tlsserversocket.h"

#include "socketprobe.h"

namespace natter::server {

qint64 TlsServerSocket::bytesToWrite() const
{
    socketprobe::asked(this);
    return QSslSocket::bytesToWrite();
}

} // namespace natter::server
