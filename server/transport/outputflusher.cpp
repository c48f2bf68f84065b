#include "outputflusher.h"

#include "leantcpsocket.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>

#include <algorithm>
#include <utility>

namespace natter::server {

OutputFlusher::OutputFlusher()
{
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && app->thread() == QThread::currentThread())
        m_sender = std::make_unique<SocketSender>([this](SocketSender::Batch batch) {
            QMetaObject::invokeMethod(
                this, [this, batch = std::move(batch)]() { sent(batch); }, Qt::QueuedConnection);
        });
}

// Sends what was handed over before the sockets' channels go (thread exit).
OutputFlusher::~OutputFlusher() = default;

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
    SocketSender::Batch batch;
    // A socket's flush can abort it, and its signals may write to other sockets (appended
    // here, flushed in this same loop) or destroy one (forget() blanks it): hence by index.
    for (qsizetype i = 0; i < m_sockets.size(); ++i) {
        LeanTcpSocket *socket = std::exchange(m_sockets[i], nullptr);
        if (!socket)
            continue;
        if (m_sender) {
            if (std::shared_ptr<SendChannel> channel = socket->handOver()) {
                batch.push_back(std::move(channel));
                continue;
            }
        }
        socket->flushQueued();
    }
    m_sockets.clear();
    m_posted = false;
    if (!batch.empty())
        m_sender->submit(std::move(batch));
}

void OutputFlusher::sent(const SocketSender::Batch &batch)
{
    // A socket told here may abort others of the batch (the outbound budget); each closing
    // socket settles its own send first, and is skipped here after.
    for (const std::shared_ptr<SendChannel> &channel : batch) {
        if (LeanTcpSocket *socket = channel->owner)
            socket->completeSend(*channel);
    }
}

} // namespace natter::server
