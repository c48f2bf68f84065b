#include "socketsender.h"

#include <cerrno>
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace natter::server {

std::shared_ptr<SendChannel> SendChannel::open(int descriptor)
{
    const int fd = ::fcntl(descriptor, F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    return std::shared_ptr<SendChannel>(new SendChannel(fd));
}

SendChannel::~SendChannel()
{
    ::close(m_fd);
}

SocketSender::SocketSender(std::function<void(Batch)> sent)
    : m_sent(std::move(sent)), m_thread([this] { run(); })
{
    pthread_setname_np(m_thread.native_handle(), "natter-sender");
}

SocketSender::~SocketSender()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_paused = false;
    }
    m_work.notify_one();
    m_thread.join();
}

void SocketSender::submit(Batch batch)
{
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(batch));
    }
    m_work.notify_one();
}

void SocketSender::waitUntilSent(const SendChannel &channel)
{
    std::unique_lock lock(m_mutex);
    ++m_waiters;
    m_done.wait(lock, [&channel] { return !channel.busy.load(std::memory_order_acquire); });
    --m_waiters;
}

void SocketSender::pause()
{
    const std::lock_guard lock(m_mutex);
    m_paused = true;
}

void SocketSender::resume()
{
    {
        const std::lock_guard lock(m_mutex);
        m_paused = false;
    }
    m_work.notify_one();
}

void SocketSender::run()
{
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_work.wait(lock, [this] { return (!m_queue.empty() && !m_paused) || m_stopping; });
            if (m_queue.empty())
                return; // stopping, and all of it sent
            batch = std::move(m_queue.front());
            m_queue.pop_front();
        }
        for (const std::shared_ptr<SendChannel> &channel : batch) {
            send(*channel);
            channel->busy.store(false, std::memory_order_release);
        }
        {
            // Under the lock: a waiter either saw its channel done or is woken here.
            const std::lock_guard lock(m_mutex);
            if (m_waiters > 0)
                m_done.notify_all();
        }
        m_sent(std::move(batch));
    }
}

void SocketSender::send(SendChannel &channel)
{
    const QByteArray &out = channel.bytes;
    qint64 sent = 0;
    int error = 0;
    while (sent < out.size()) {
        const ssize_t n =
            ::send(channel.m_fd, out.constData() + sent, size_t(out.size() - sent), MSG_NOSIGNAL);
        if (n > 0)
            sent += n;
        else if (n < 0 && errno == EINTR)
            continue;
        else {
            if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                error = errno;
            break; // the kernel's buffer is full, or the connection failed
        }
    }
    channel.sent = sent;
    channel.error = error;
}

} // namespace natter::server
