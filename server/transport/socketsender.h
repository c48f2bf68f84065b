#pragma once
// A thread of its own that makes the send() calls of the event loop's sockets. With groups
// most of the event loop's time was the kernel's TCP path of those calls (one per member
// socket per pass, on loopback including the receiving end's work), so the loop could not
// keep up with 100,000 deliveries a second on one core. The loop hands over, once per pass,
// every socket with output (OutputFlusher), and goes on reading and deciding while the sends
// are made; it learns the outcome from a queued call.
//
// Each socket's share is a SendChannel: the bytes handed over, the outcome, and a duplicate
// of the socket's descriptor. QAbstractSocket closes its own descriptor when the peer goes
// away, and the next accepted connection may get the same number while a send to the old one
// is queued here: through the duplicate, a late send can only reach the connection it was
// written for (closed once neither side holds the channel).

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace natter::server {

class LeanTcpSocket;

class SendChannel final
{
public:
    // A channel on a duplicate of `descriptor`; null when it cannot be duplicated (EMFILE:
    // that socket then sends on the event loop, as before).
    static std::shared_ptr<SendChannel> open(int descriptor);
    ~SendChannel();
    SendChannel(const SendChannel &) = delete;
    SendChannel &operator=(const SendChannel &) = delete;

    // The socket it belongs to; the event loop's thread only (null once the socket is gone).
    LeanTcpSocket *owner = nullptr;
    // Set by the event loop before handing over, read back after `busy` is false.
    QByteArray bytes;
    qint64 sent = 0;
    int error = 0; // errno of a failed send (EAGAIN is not a failure: sent < bytes.size())
    std::atomic<bool> busy{false};

private:
    friend class SocketSender;
    explicit SendChannel(int fd) : m_fd(fd) {}
    int m_fd;
};

class SocketSender final
{
public:
    using Batch = std::vector<std::shared_ptr<SendChannel>>;
    // `sent` is called on the sender's thread with each batch once all of it is sent.
    explicit SocketSender(std::function<void(Batch)> sent);
    // Sends what was handed over, then stops.
    ~SocketSender();
    SocketSender(const SocketSender &) = delete;
    SocketSender &operator=(const SocketSender &) = delete;

    // Every channel in `batch` has its bytes and busy set.
    void submit(Batch batch);
    // Returns once `channel` is no longer busy (a socket closing with output handed over).
    void waitUntilSent(const SendChannel &channel);

    // Tests: hold every send until resume() (the outcome of a send made late).
    void pause();
    void resume();

private:
    void run();
    static void send(SendChannel &channel);

    std::mutex m_mutex;
    std::condition_variable m_work;
    std::condition_variable m_done;
    std::deque<Batch> m_queue;
    int m_waiters = 0;
    bool m_paused = false;
    bool m_stopping = false;
    std::function<void(Batch)> m_sent;
    std::thread m_thread;
};

} // namespace natter::server
