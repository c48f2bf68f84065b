#include "outputflusher.h"

#include "leantcpsocket.h"

#include <QMetaObject>

#include <algorithm>
#include <utility>

namespace natter::server {

OutputFlusher &OutputFlusher::instance()
{
    thread_local OutputFlusher flusher;
    return flusher;
}

void OutputFlusher::queue(LeanTcpSocket *socket)
{
    m_sockets.append(socket);
    if (!m_posted) {
        m_posted = true;
        QMetaObject::invokeMethod(this, &OutputFlusher::flush, Qt::QueuedConnection);
    }
}

void OutputFlusher::forget(LeanTcpSocket *socket)
{
    // Rare (a socket destroyed between its write and the end of the pass): a scan is fine.
    std::replace(m_sockets.begin(), m_sockets.end(), socket, static_cast<LeanTcpSocket *>(nullptr));
}

void OutputFlusher::flush()
{
    // A socket's flush can abort it, and its signals may write to other sockets (appended
    // here, flushed in this same loop) or destroy one (forget() blanks it): hence by index.
    for (qsizetype i = 0; i < m_sockets.size(); ++i) {
        if (LeanTcpSocket *socket = std::exchange(m_sockets[i], nullptr))
            socket->flushQueued();
    }
    m_sockets.clear();
    m_posted = false;
}

} // namespace natter::server
