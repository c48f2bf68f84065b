#include "discoveryresponder.h"

#include "config/logging.h"

#include <QNetworkDatagram>
#include <QUdpSocket>

namespace natter::server {
namespace {

// Far above what a LAN of people opening the app produces.
constexpr int kMaxAnswersPerSecond = 200;

} // namespace

DiscoveryResponder::DiscoveryResponder(const discovery::Answer &answer, QObject *parent)
    : QObject(parent), m_answer(answer), m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &DiscoveryResponder::readPending);
    m_window.start();
}

bool DiscoveryResponder::start(const QHostAddress &serverAddress, quint16 port)
{
    const QHostAddress on = serverAddress.isLoopback() ? QHostAddress(QHostAddress::LocalHost)
                                                       : QHostAddress(QHostAddress::AnyIPv4);
    return m_socket->bind(on, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint);
}

quint16 DiscoveryResponder::port() const
{
    return m_socket->localPort();
}

QString DiscoveryResponder::errorString() const
{
    return m_socket->errorString();
}

void DiscoveryResponder::readPending()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(discovery::kMaxDatagramBytes);
        if (!datagram.isValid() || !discovery::isQuery(datagram.data()))
            continue;
        if (m_window.elapsed() >= 1000) {
            m_window.restart();
            m_answersInWindow = 0;
        }
        if (++m_answersInWindow > kMaxAnswersPerSecond)
            continue;
        qCDebug(lcTransport).noquote()
            << "discovery query from" << datagram.senderAddress().toString();
        m_socket->writeDatagram(discovery::encodeAnswer(m_answer), datagram.senderAddress(),
                                quint16(datagram.senderPort()));
    }
}

} // namespace natter::server
