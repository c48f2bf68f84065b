#pragma once
// Finds Natter servers on the LAN: sends a discovery query (common/discovery.h) to the
// broadcast address of every IPv4 interface and to loopback (a server on this computer),
// and reports each server that answers once per search. Turned off by the user, the login
// dialog simply does not start it.

#include "discovery.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>

class QUdpSocket;

namespace natter::client {

struct FoundServer
{
    QString name;
    QHostAddress address;
    QUrl url; // ws(s)://ADDRESS:PORT/PATH, ready to connect to
};

class ServerFinder final : public QObject
{
    Q_OBJECT

public:
    explicit ServerFinder(QObject *parent = nullptr);

    // Port the queries go to (protocol::kDiscoveryPort; tests use a server's own).
    void setPort(quint16 port) { m_port = port; }
    // Sends queries now and a second time halfway (a lost datagram is common on Wi-Fi),
    // listens for `durationMs`, then emits searchFinished(). Restarts a running search.
    void search(int durationMs = 1500);
    bool isSearching() const { return m_finish.isActive(); }
    QList<FoundServer> servers() const { return m_found; }

signals:
    void serverFound(const natter::client::FoundServer &server);
    void searchFinished();

private:
    void sendQueries();
    void readAnswers();

    QUdpSocket *m_socket;
    quint16 m_port;
    QTimer m_finish;
    QTimer m_repeat;
    QList<FoundServer> m_found;
    QSet<QString> m_seen; // url strings
};

} // namespace natter::client

Q_DECLARE_METATYPE(natter::client::FoundServer)
