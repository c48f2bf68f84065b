#include "certificatepin.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>

namespace natter::client::certificatepin {

bool matches(const QWebSocket &socket, const QByteArray &pinned)
{
    if (pinned.isEmpty())
        return false;
    const QSslCertificate peer = socket.sslConfiguration().peerCertificate();
    return !peer.isNull() && peer.digest(QCryptographicHash::Sha256).toHex() == pinned;
}

bool holds(const QWebSocket &socket, const QByteArray &pinned)
{
    if (pinned.isEmpty() || socket.requestUrl().scheme() != QLatin1String("wss"))
        return true;
    return matches(socket, pinned);
}

} // namespace natter::client::certificatepin
