#include "serverfinder.h"

#include "protocol.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUdpSocket>

namespace natter::client {

ServerFinder::ServerFinder(QObject *parent)
    : QObject(parent), m_socket(new QUdpSocket(this)), m_port(protocol::kDiscoveryPort)
{
    connect(m_socket, &QUdpSocket::readyRead, this, &ServerFinder::readAnswers);
    m_finish.setSingleShot(true);
    connect(&m_finish, &QTimer::timeout, this, [this]() {
        m_repeat.stop();
        emit searchFinished();
    });
    m_repeat.setSingleShot(true);
    connect(&m_repeat, &QTimer::timeout, this, &ServerFinder::sendQueries);
}

void ServerFinder::search(int durationMs)
{
    m_found.clear();
    m_seen.clear();
    if (m_socket->state() != QAbstractSocket::BoundState)
        m_socket->bind(QHostAddress::AnyIPv4, 0);
    sendQueries();
    m_repeat.start(durationMs / 2);
    m_finish.start(durationMs);
}

void ServerFinder::sendQueries()
{
    const QByteArray query = discovery::encodeQuery();
    QSet<QHostAddress> targets{QHostAddress(QHostAddress::LocalHost),
                               QHostAddress(QHostAddress::Broadcast)};
    // The limited broadcast (255.255.255.255) leaves by one interface only; each LAN's own
    // broadcast address reaches machines behind every interface.
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) ||
            !flags.testFlag(QNetworkInterface::CanBroadcast))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
            if (!entry.broadcast().isNull())
                targets.insert(entry.broadcast());
        }
    }
    for (const QHostAddress &target : targets)
        m_socket->writeDatagram(query, target, m_port);
}

void ServerFinder::readAnswers()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(discovery::kMaxDatagramBytes);
        const auto answer = discovery::parseAnswer(datagram.data());
        if (!answer || answer->protocolVersion != protocol::kVersion)
            continue;
        QHostAddress address = datagram.senderAddress();
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            bool isV4 = false;
            const quint32 v4 = address.toIPv4Address(&isV4);
            if (isV4)
                address = QHostAddress(v4);
        }
        QUrl url;
        url.setScheme(answer->tls ? QStringLiteral("wss") : QStringLiteral("ws"));
        url.setHost(address.toString());
        url.setPort(answer->port);
        url.setPath(answer->path);
        // One machine answers on loopback and on its LAN address: keep the first.
        const QString key = answer->name + QLatin1Char('|') + QString::number(answer->port);
        if (m_seen.contains(key))
            continue;
        m_seen.insert(key);
        FoundServer server{answer->name, address, url};
        m_found.append(server);
        emit serverFound(server);
    }
}

} // namespace natter::client
