#pragma once
// Answers LAN discovery queries (common/discovery.h) on a UDP port with where this server's
// WebSocket endpoint is, so desktop apps list it without anyone typing an address. Several
// servers on one machine can share the port (broadcast queries reach each of them). Answers
// are rate limited per second so the responder cannot be used to flood a spoofed address.

#include "discovery.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>

class QUdpSocket;

namespace natter::server {

class DiscoveryResponder final : public QObject
{
    Q_OBJECT

public:
    DiscoveryResponder(const discovery::Answer &answer, QObject *parent = nullptr);

    // Binds `port` (0: any free port): on loopback only when the server itself only listens
    // there (a LAN answer would name an address nobody can connect to), else on every IPv4
    // interface. False when it cannot.
    bool start(const QHostAddress &serverAddress, quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    void readPending();

    discovery::Answer m_answer;
    QUdpSocket *m_socket;
    QElapsedTimer m_window;
    int m_answersInWindow = 0;
};

} // namespace natter::server
