#include "tlspaircheck.h"

#include <QEventLoop>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace natter::server {

QString checkTlsPair(const QString &certPath, const QString &keyPath, int timeoutMs)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1 or %2").arg(certPath, keyPath);
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return {}; // the loaders say what is wrong with the files themselves
    if (!QSslSocket::supportsSsl())
        return QStringLiteral("TLS is not available (no OpenSSL backend)");

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSslServer server;
    server.setSslConfiguration(tls);
    if (!server.listen(QHostAddress::LocalHost, 0))
        return {}; // no loopback to try it on: nothing is known to be wrong

    QEventLoop loop;
    QString serverError;
    bool encrypted = false;
    QObject::connect(&server, &QSslServer::errorOccurred, &loop,
                     [&](QSslSocket *socket, QAbstractSocket::SocketError) {
                         if (serverError.isEmpty())
                             serverError = socket->errorString();
                         loop.quit();
                     });
    QObject::connect(&server, &QSslServer::handshakeInterruptedOnError, &loop,
                     [&](QSslSocket *, const QSslError &error) {
                         if (serverError.isEmpty())
                             serverError = error.errorString();
                         loop.quit();
                     });
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone); // the pair is checked, not the trust
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&]() {
        encrypted = true;
        loop.quit();
    });
    QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&]() {
        // The server's side says why; give it a moment to report.
        QTimer::singleShot(200, &loop, &QEventLoop::quit);
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    loop.exec();
    if (encrypted)
        return {};
    return QStringLiteral("tls-key %1 does not belong to the certificate in %2: a TLS handshake "
                          "with them fails (%3)")
        .arg(keyPath, certPath, serverError.isEmpty() ? client.errorString() : serverError);
}

} // namespace natter::server
