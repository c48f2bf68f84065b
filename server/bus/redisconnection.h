#pragma once
// One asynchronous hiredis connection driven by the Qt event loop: the context's socket is
// watched with QSocketNotifiers (Debian 12's hiredis 0.14 ships adapters/qt.h, but it
// connects to QSocketNotifier::activated(int), a signal Qt 6 no longer has). The connection
// resolves the host without blocking, authenticates, selects the database (or subscribes to
// a channel) and only then reports ready(); when it is lost or cannot be made it tries again
// with exponential backoff until destroyed.
//
// Ownership of the hiredis context: hiredis frees it itself after a failed connect and after
// an I/O error; we free it (redisAsyncFree) only when we drop the connection or are
// destroyed. m_context is cleared at each of those points so it is freed exactly once.

#include "config/redisurl.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

struct redisAsyncContext;
struct redisReply;

namespace natter::server {

class RedisConnection final : public QObject
{
    Q_OBJECT

public:
    // `reply` is null when the connection was lost before the answer came.
    using ReplyHandler = std::function<void(const redisReply *reply)>;

    // `name` only appears in log messages ("commands", "subscriber").
    RedisConnection(const RedisUrl &url, const QString &name, QObject *parent = nullptr);
    ~RedisConnection() override;
    Q_DISABLE_COPY_MOVE(RedisConnection)

    // Before open(): subscribe to `channel` on every (re)connect. Such a connection is ready
    // once Redis confirmed the subscription; it then only delivers messageReceived().
    void setSubscription(const QByteArray &channel);
    // Starts connecting; from then on the connection keeps itself up.
    void open();
    bool isReady() const { return m_ready; }
    // Queues one command (binary-safe arguments). False, and `handler` never called, when the
    // connection is not ready.
    bool command(const QList<QByteArray> &arguments, ReplyHandler handler = {});
    // Writes what is queued now, without waiting for the event loop (before shutting down).
    void flush();
    // Drops the connection (say Redis stopped answering) and connects again after a backoff.
    void reconnect(const QString &reason);

    // Milliseconds before the first retry; doubled up to 5 s. Tests shorten it.
    void setInitialBackoffMs(int ms) { m_initialBackoffMs = ms; }

signals:
    void ready();
    // Only after ready(): commands sent since may not have been carried out.
    void lost(const QString &reason);
    void messageReceived(const QByteArray &payload);

private:
    struct Watch;
    struct PendingCommand;

    void connectNow();
    void connectTo(const QString &address);
    bool send(const QList<QByteArray> &arguments, ReplyHandler handler);
    void failed(const QString &reason);
    void setReady();
    void scheduleReconnect();
    void retire(Watch *watch);
    void handleMessage(const redisReply *reply);

    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *privdata);
    static void onSubscription(redisAsyncContext *context, void *reply, void *privdata);
    static void addRead(void *data);
    static void delRead(void *data);
    static void addWrite(void *data);
    static void delWrite(void *data);
    static void cleanup(void *data);

    RedisUrl m_url;
    QString m_name;
    QByteArray m_channel;
    redisAsyncContext *m_context = nullptr;
    quint64 m_generation = 0; // of m_context: stale notifiers never touch a newer context
    // The notifiers of m_context and of contexts hiredis is done with (kept until the next
    // connect: hiredis 0.14 may call cleanup() more than once).
    std::vector<std::unique_ptr<Watch>> m_watches;
    QTimer m_reconnectTimer;
    QTimer m_connectTimeout;
    int m_initialBackoffMs = 250;
    int m_attempt = 0;
    int m_lookupId = -1;
    bool m_ready = false;
    bool m_open = false;
    bool m_closing = false; // in the destructor: callbacks run by redisAsyncFree do nothing
};

} // namespace natter::server
