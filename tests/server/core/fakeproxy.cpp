#include "fakeproxy.h"

#include "transport/proxyheader.h"

#include <QTcpSocket>
#include <QUrl>

FakeProxy::FakeProxy(quint16 serverPort, QObject *parent)
    : QTcpServer(parent), m_serverPort(serverPort)
{
    listen(QHostAddress::LocalHost, 0);
}

QUrl FakeProxy::url(const QString &scheme) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/v1").arg(scheme).arg(serverPort()));
}

void FakeProxy::incomingConnection(qintptr descriptor)
{
    auto *front = new QTcpSocket(this);
    front->setSocketDescriptor(descriptor);
    auto *back = new QTcpSocket(this);
    const QHostAddress client = m_clients.isEmpty() ? QHostAddress() : m_clients.takeFirst();
    const quint16 clientPort = front->peerPort();
    connect(back, &QTcpSocket::connected, back, [=, this]() {
        back->write(natter::server::proxyheader::encode(
            client, clientPort,
            QHostAddress(client.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("2001:db8::1")
                             : QStringLiteral("192.0.2.1")),
            m_serverPort));
        back->write(front->readAll());
        connect(front, &QTcpSocket::readyRead, back, [=]() { back->write(front->readAll()); });
    });
    connect(back, &QTcpSocket::readyRead, front, [=]() { front->write(back->readAll()); });
    for (QTcpSocket *socket : {front, back}) {
        QTcpSocket *other = socket == front ? back : front;
        connect(socket, &QTcpSocket::disconnected, other, &QTcpSocket::disconnectFromHost);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
    back->connectToHost(QHostAddress::LocalHost, m_serverPort);
}
