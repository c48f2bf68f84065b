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

void acceptPinned(QWebSocket &socket, const QObject *context, const QByteArray &pinned,
                  std::function<void()> refused)
{
    QObject::connect(&socket, &QWebSocket::sslErrors, context,
                     [&socket, &pinned, refused = std::move(refused)](const QList<QSslError> &) {
                         if (matches(socket, pinned))
                             socket.ignoreSslErrors(); // the certificate the user trusted
                         else
                             refused();
                     });
}

} // namespace natter::client::certificatepin
