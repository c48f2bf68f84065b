#pragma once
// An accepted wss:// connection's socket: a QSslSocket that socketprobe can find under the
// QWebSocket it becomes, so that a file connection can move to the file thread with it
// (filesessions.h), as a ws:// one does with its LeanTcpSocket.

#include <QSslSocket>

namespace natter::server {

class TlsServerSocket final : public QSslSocket
{
    Q_OBJECT

public:
    explicit TlsServerSocket(QObject *parent = nullptr) : QSslSocket(parent) {}
    Q_DISABLE_COPY_MOVE(TlsServerSocket)

    qint64 bytesToWrite() const override;
};

} // namespace natter::server
