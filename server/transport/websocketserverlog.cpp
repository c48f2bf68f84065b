#include "websocketserverlog.h"

#include "config/logging.h"

#include <QSslError>
#include <QStringList>
#include <QWebSocketServer>

namespace natter::server {

void logWebSocketServerErrors(QWebSocketServer &server)
{
    QWebSocketServer *s = &server;
    QObject::connect(s, &QWebSocketServer::acceptError, s, [s](QAbstractSocket::SocketError) {
        qCWarning(lcTransport).noquote() << "accepting a connection failed:" << s->errorString();
    });
    QObject::connect(s, &QWebSocketServer::serverError, s, [s](QWebSocketProtocol::CloseCode) {
        qCWarning(lcTransport).noquote() << "WebSocket handshake failed:" << s->errorString();
    });
#ifndef QT_NO_SSL
    QObject::connect(s, &QWebSocketServer::peerVerifyError, s, [](const QSslError &error) {
        qCWarning(lcTransport).noquote() << "TLS peer verification failed:" << error.errorString();
    });
    QObject::connect(s, &QWebSocketServer::sslErrors, s, [](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts.append(error.errorString());
        qCWarning(lcTransport).noquote() << "TLS errors:" << texts.join(QStringLiteral("; "));
    });
    QObject::connect(
        s, &QWebSocketServer::handshakeInterruptedOnError, s, [](const QSslError &error) {
            qCWarning(lcTransport).noquote() << "TLS handshake interrupted:" << error.errorString();
        });
    QObject::connect(s, &QWebSocketServer::alertSent, s,
                     [](QSsl::AlertLevel level, QSsl::AlertType, const QString &description) {
                         if (level == QSsl::AlertLevel::Fatal)
                             qCWarning(lcTransport).noquote()
                                 << "TLS handshake failed:" << description;
                     });
#endif
}

} // namespace natter::server
