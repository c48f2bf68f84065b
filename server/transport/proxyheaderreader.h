#pragma once
// Reads the PROXY protocol v2 header from a freshly accepted connection of a trusted load
// balancer, straight from the descriptor and never past the header, so the bytes after it
// (the TLS ClientHello or the HTTP upgrade) are left for the socket that takes the
// descriptor next. Reads at most 16 + 512 bytes; the listener's handshake timeout bounds how
// long it waits.

#include "proxyheader.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

class QSocketNotifier;

namespace natter::server {

class ProxyHeaderReader final : public QObject
{
    Q_OBJECT

public:
    // Owns `descriptor` (a connection from `proxy`) until finished() (then the receiver does)
    // or until destroyed.
    ProxyHeaderReader(qintptr descriptor, const QHostAddress &proxy, QObject *parent = nullptr);
    ~ProxyHeaderReader() override;
    Q_DISABLE_COPY_MOVE(ProxyHeaderReader)

    const QHostAddress &proxy() const { return m_proxy; }

signals:
    // Proxied or Local: the descriptor now belongs to the receiver. Invalid: the descriptor
    // is closed (EOF and read errors are Invalid too; `error` is empty when the connection
    // closed without sending a byte, as a balancer's TCP health check does).
    void finished(natter::server::ProxyHeaderReader *reader,
                  const natter::server::proxyheader::Result &result, qintptr descriptor);

private:
    void readAvailable();
    void finish(const proxyheader::Result &result);

    qintptr m_descriptor;
    const QHostAddress m_proxy;
    QSocketNotifier *m_notifier;
    QByteArray m_bytes;
};

} // namespace natter::server
