#include "redisconnection.h"

#include "buslogging.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <sys/ioctl.h>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <memory>
#include <utility>
#include <vector>

namespace natter::server {
namespace {

constexpr int kMaxBackoffMs = 5'000;
// From the connect call to ready(): connect, AUTH, SELECT/SUBSCRIBE all answered.
constexpr int kConnectTimeoutMs = 5'000;

QString replyText(const redisReply *reply)
{
    return QString::fromUtf8(reply->str, qsizetype(reply->len));
}

} // namespace

// The event-library side of one hiredis context (its ev.data): the two notifiers on its socket.
struct RedisConnection::Watch
{
    RedisConnection *owner;
    QSocketNotifier *read;  // null once retired
    QSocketNotifier *write; // null once retired
};

// The privdata of a command with a reply handler; hiredis calls onReply exactly once for it,
// with the reply or with null when the context is freed first.
struct RedisConnection::PendingCommand
{
    RedisConnection *owner;
    ReplyHandler handler;
};

RedisConnection::RedisConnection(const RedisUrl &url, const QString &name, QObject *parent)
    : QObject(parent), m_url(url), m_name(name)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &RedisConnection::connectNow);
    m_connectTimeout.setSingleShot(true);
    m_connectTimeout.setInterval(kConnectTimeoutMs);
    connect(&m_connectTimeout, &QTimer::timeout, this, [this]() {
        reconnect(QStringLiteral("no answer within %1 ms").arg(kConnectTimeoutMs));
    });
}

RedisConnection::~RedisConnection()
{
    m_closing = true;
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (redisAsyncContext *context = std::exchange(m_context, nullptr))
        redisAsyncFree(context); // runs the pending callbacks (ignored: m_closing) and cleanup()
}

void RedisConnection::setSubscription(const QByteArray &channel)
{
    m_channel = channel;
}

void RedisConnection::open()
{
    if (m_open)
        return;
    m_open = true;
    connectNow();
}

void RedisConnection::connectNow()
{
    const QHostAddress literal(m_url.host);
    if (!literal.isNull()) {
        connectTo(literal.toString());
        return;
    }
    // redisAsyncConnect() would resolve the name with a blocking getaddrinfo().
    m_lookupId = QHostInfo::lookupHost(m_url.host, this, [this](const QHostInfo &info) {
        m_lookupId = -1;
        const QList<QHostAddress> addresses = info.addresses();
        if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
            failed(QStringLiteral("cannot resolve %1: %2").arg(m_url.host, info.errorString()));
            return;
        }
        connectTo(addresses.constFirst().toString());
    });
}

void RedisConnection::connectTo(const QString &address)
{
    redisAsyncContext *context = redisAsyncConnect(address.toUtf8().constData(), m_url.port);
    if (context == nullptr) {
        failed(QStringLiteral("out of memory"));
        return;
    }
    if (context->err != 0) {
        const QString why = QString::fromLocal8Bit(context->errstr);
        redisAsyncFree(context); // no callbacks set yet: nothing runs
        failed(why);
        return;
    }
    m_context = context;
    const quint64 generation = ++m_generation;
    context->data = this;

    // Every earlier context has been freed by now (frees are never deferred past a callback).
    m_watches.clear();
    m_watches.push_back(std::make_unique<Watch>(
        Watch{this, new QSocketNotifier(context->c.fd, QSocketNotifier::Read, this),
              new QSocketNotifier(context->c.fd, QSocketNotifier::Write, this)}));
    Watch *watch = m_watches.back().get();
    watch->read->setEnabled(false);
    watch->write->setEnabled(false);
    connect(watch->read, &QSocketNotifier::activated, this, [this, generation]() {
        // hiredis reads at most 16 KiB per call. Under load one event-loop pass can take
        // milliseconds, so read what the socket holds (up to 4 MiB) or the subscriber falls
        // behind and Redis drops it at its pub/sub output buffer limit.
        for (int i = 0; i < 256; ++i) {
            if (m_context == nullptr || m_generation != generation)
                return;
            redisAsyncHandleRead(m_context);
            if (m_context == nullptr || m_generation != generation)
                return;
            int pending = 0;
            if (ioctl(m_context->c.fd, FIONREAD, &pending) != 0 || pending <= 0)
                return;
        }
    });
    connect(watch->write, &QSocketNotifier::activated, this, [this, generation]() {
        if (m_context != nullptr && m_generation == generation)
            redisAsyncHandleWrite(m_context);
    });
    context->ev.data = watch;
    context->ev.addRead = &RedisConnection::addRead;
    context->ev.delRead = &RedisConnection::delRead;
    context->ev.addWrite = &RedisConnection::addWrite;
    context->ev.delWrite = &RedisConnection::delWrite;
    context->ev.cleanup = &RedisConnection::cleanup;
    // Setting the connect callback asks for the first write event, which completes connect().
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnect);
    m_connectTimeout.start();

    // Pipelined behind the connect; each failure drops the connection, so the last answer
    // (PING, or the subscription's confirmation) means everything before it succeeded.
    const auto mustSucceed = [this](const char *what) {
        return [this, what](const redisReply *reply) {
            if (reply != nullptr && reply->type == REDIS_REPLY_ERROR)
                reconnect(
                    QStringLiteral("%1 refused: %2").arg(QLatin1String(what), replyText(reply)));
        };
    };
    if (!m_url.password.isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!m_url.user.isEmpty())
            auth.append(m_url.user.toUtf8());
        auth.append(m_url.password.toUtf8());
        send(auth, mustSucceed("AUTH"));
    }
    if (m_channel.isEmpty()) {
        if (m_url.database != 0)
            send({QByteArrayLiteral("SELECT"), QByteArray::number(m_url.database)},
                 mustSucceed("SELECT"));
        send({QByteArrayLiteral("PING")}, [this](const redisReply *reply) {
            if (reply != nullptr && reply->type != REDIS_REPLY_ERROR)
                setReady();
        });
    } else {
        const char *argv[] = {"SUBSCRIBE", m_channel.constData()};
        const size_t lengths[] = {9, size_t(m_channel.size())};
        redisAsyncCommandArgv(context, &RedisConnection::onSubscription, this, 2, argv, lengths);
    }
}

bool RedisConnection::command(const QList<QByteArray> &arguments, ReplyHandler handler)
{
    // A subscribed connection accepts no other commands.
    if (!m_ready || !m_channel.isEmpty())
        return false;
    return send(arguments, std::move(handler));
}

bool RedisConnection::send(const QList<QByteArray> &arguments, ReplyHandler handler)
{
    if (m_context == nullptr || arguments.isEmpty())
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    argv.reserve(size_t(arguments.size()));
    lengths.reserve(size_t(arguments.size()));
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    if (!handler)
        return redisAsyncCommandArgv(m_context, nullptr, nullptr, int(argv.size()), argv.data(),
                                     lengths.data()) == REDIS_OK;
    auto pending = std::make_unique<PendingCommand>(PendingCommand{this, std::move(handler)});
    if (redisAsyncCommandArgv(m_context, &RedisConnection::onReply, pending.get(), int(argv.size()),
                              argv.data(), lengths.data()) != REDIS_OK)
        return false;
    pending.release(); // onReply takes it back
    return true;
}

void RedisConnection::flush()
{
    // On a non-blocking socket: writes what fits, the rest goes when the socket is writable.
    if (m_ready && m_context != nullptr)
        redisAsyncHandleWrite(m_context);
}

void RedisConnection::reconnect(const QString &reason)
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    const bool wasReady = std::exchange(m_ready, false);
    if (redisAsyncContext *context = std::exchange(m_context, nullptr))
        redisAsyncFree(context); // deferred by hiredis when called from one of its callbacks
    m_ready = wasReady;
    failed(reason);
}

void RedisConnection::failed(const QString &reason)
{
    const bool wasReady = std::exchange(m_ready, false);
    m_connectTimeout.stop();
    // The first failure in a row is worth a warning; retries every few seconds are not.
    if (wasReady || m_attempt == 0)
        qCWarning(lcBus).noquote()
            << "Redis" << m_url.location() << "(" + m_name + "):" << reason << "- retrying";
    else
        qCDebug(lcBus).noquote() << "Redis" << m_url.location() << "(" + m_name + "):" << reason;
    scheduleReconnect();
    if (wasReady)
        emit lost(reason);
}

void RedisConnection::setReady()
{
    if (m_ready)
        return;
    m_ready = true;
    m_attempt = 0;
    m_connectTimeout.stop();
    qCInfo(lcBus).noquote() << "Redis" << m_url.location() << "(" + m_name + ") connected";
    emit ready();
}

void RedisConnection::scheduleReconnect()
{
    if (m_closing || !m_open || m_reconnectTimer.isActive())
        return;
    const int base =
        int(qMin<qint64>(qint64(m_initialBackoffMs) << qMin(m_attempt, 16), kMaxBackoffMs));
    ++m_attempt;
    // +-20% so that instances that lost Redis together do not return in lockstep.
    const int jitter = int(QRandomGenerator::global()->bounded(base / 5 * 2 + 1)) - base / 5;
    m_reconnectTimer.start(qMax(1, base + jitter));
}

void RedisConnection::retire(Watch *watch)
{
    for (QSocketNotifier **notifier : {&watch->read, &watch->write}) {
        if (*notifier == nullptr)
            continue;
        (*notifier)->setEnabled(false);
        // Possibly inside this notifier's own activated(): delete it later.
        if (m_closing)
            delete *notifier;
        else
            (*notifier)->deleteLater();
        *notifier = nullptr;
    }
}

void RedisConnection::handleMessage(const redisReply *reply)
{
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 3 ||
        reply->element[0]->type != REDIS_REPLY_STRING)
        return;
    const QByteArray kind(reply->element[0]->str, qsizetype(reply->element[0]->len));
    if (kind == "subscribe") {
        setReady();
    } else if (kind == "message" && reply->element[2]->type == REDIS_REPLY_STRING) {
        emit messageReceived(QByteArray(reply->element[2]->str, qsizetype(reply->element[2]->len)));
    }
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (self->m_closing || context != self->m_context || status == REDIS_OK)
        return;
    // hiredis frees the context when this returns.
    self->m_context = nullptr;
    self->failed(QString::fromLocal8Bit(context->errstr));
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (self->m_closing || context != self->m_context)
        return;                // we freed it ourselves
    self->m_context = nullptr; // hiredis frees it when this returns
    self->failed(context->err != 0 ? QString::fromLocal8Bit(context->errstr)
                                   : QStringLiteral("connection closed"));
}

void RedisConnection::onReply(redisAsyncContext *, void *reply, void *privdata)
{
    std::unique_ptr<PendingCommand> pending(static_cast<PendingCommand *>(privdata));
    if (pending->owner->m_closing)
        return;
    pending->handler(static_cast<const redisReply *>(reply));
}

void RedisConnection::onSubscription(redisAsyncContext *context, void *reply, void *privdata)
{
    auto *self = static_cast<RedisConnection *>(privdata);
    if (self->m_closing || context != self->m_context || reply == nullptr)
        return;
    self->handleMessage(static_cast<const redisReply *>(reply));
}

void RedisConnection::addRead(void *data)
{
    if (QSocketNotifier *notifier = static_cast<Watch *>(data)->read)
        notifier->setEnabled(true);
}

void RedisConnection::delRead(void *data)
{
    if (QSocketNotifier *notifier = static_cast<Watch *>(data)->read)
        notifier->setEnabled(false);
}

void RedisConnection::addWrite(void *data)
{
    if (QSocketNotifier *notifier = static_cast<Watch *>(data)->write)
        notifier->setEnabled(true);
}

void RedisConnection::delWrite(void *data)
{
    if (QSocketNotifier *notifier = static_cast<Watch *>(data)->write)
        notifier->setEnabled(false);
}

void RedisConnection::cleanup(void *data)
{
    auto *watch = static_cast<Watch *>(data);
    watch->owner->retire(watch);
}

} // namespace natter::server
