#include "proxyheaderreader.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace natter::server {

ProxyHeaderReader::ProxyHeaderReader(qintptr descriptor, const QHostAddress &proxy, QObject *parent)
    : QObject(parent), m_descriptor(descriptor), m_proxy(proxy),
      m_notifier(new QSocketNotifier(descriptor, QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &ProxyHeaderReader::readAvailable);
}

ProxyHeaderReader::~ProxyHeaderReader()
{
    m_notifier->setEnabled(false); // before the descriptor's number can be reused
    if (m_descriptor >= 0)
        ::close(int(m_descriptor));
}

void ProxyHeaderReader::readAvailable()
{
    proxyheader::Result result = proxyheader::parse(m_bytes);
    while (result.status == proxyheader::Result::Status::NeedMore) {
        const qsizetype have = m_bytes.size();
        m_bytes.resize(result.size);
        const ssize_t n = ::recv(int(m_descriptor), m_bytes.data() + have,
                                 size_t(result.size - have), MSG_DONTWAIT);
        m_bytes.resize(have + qMax<qsizetype>(n, 0));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return; // the rest comes later
        if (n <= 0) {
            proxyheader::Result closed;
            closed.status = proxyheader::Result::Status::Invalid;
            // Closed without a byte: a balancer's TCP health check, not worth a log line.
            if (n < 0)
                closed.error = QString::fromLocal8Bit(std::strerror(errno));
            else if (have > 0)
                closed.error = QStringLiteral("closed before the end of the PROXY header");
            finish(closed);
            return;
        }
        result = proxyheader::parse(m_bytes);
    }
    finish(result);
}

void ProxyHeaderReader::finish(const proxyheader::Result &result)
{
    // The next owner of the descriptor makes its own notifier; two enabled on one descriptor
    // clash. (Deleted with this reader, not here: it is the sender of this call.)
    m_notifier->setEnabled(false);
    qintptr descriptor = -1;
    if (result.status == proxyheader::Result::Status::Invalid)
        ::close(int(std::exchange(m_descriptor, -1)));
    else
        descriptor = std::exchange(m_descriptor, -1);
    emit finished(this, result, descriptor);
}

} // namespace natter::server
