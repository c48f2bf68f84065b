#pragma once
// A load balancer for tests (HAProxy with send-proxy-v2): listens on 127.0.0.1, and for
// each connection opens one to the server, sends a PROXY protocol v2 header naming the next
// queued client address (LOCAL for a null address), then relays bytes both ways unchanged
// (so wss:// passes through as it would through a TCP-mode balancer).

#include <QHostAddress>
#include <QList>
#include <QTcpServer>

class FakeProxy final : public QTcpServer
{
    Q_OBJECT

public:
    explicit FakeProxy(quint16 serverPort, QObject *parent = nullptr);

    // The address the next accepted connection is said to come from.
    void nextFrom(const QHostAddress &client) { m_clients.append(client); }
    // ws:// or wss:// URL of this proxy, path /v1.
    QUrl url(const QString &scheme = QStringLiteral("ws")) const;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    quint16 m_serverPort;
    QList<QHostAddress> m_clients;
};
