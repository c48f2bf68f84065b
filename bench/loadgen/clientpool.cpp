#include "clientpool.h"

#include "benchclient.h"
#include "benchclock.h"
#include "presencetracker.h"
#include "usernames.h"

#include <cstdio>

namespace bench {

ClientPool::ClientPool(const Options &options, int users, QObject *parent)
    : QObject(parent), m_options(options), m_concurrency(options.connectConcurrency)
{
    m_clients.reserve(size_t(users));
    m_openedNs.assign(size_t(users), 0);
    for (int i = 0; i < users; ++i) {
        auto *client = new BenchClient(i, userName(options.userPrefix, i), this);
        connect(client, &BenchClient::connected, client, [this, client]() {
            m_handshake.record(nowNs() - m_openedNs[size_t(client->index())]);
            if (m_tokens.empty())
                client->signIn(m_options.password);
            else
                client->authenticate(m_tokens[size_t(client->index())]);
        });
        connect(client, &BenchClient::signedIn, this, [this, client]() { onSignedIn(client); });
        connect(client, &BenchClient::failed, this,
                [this, client](const QString &reason) { onFailed(client, reason); });
        m_clients.push_back(client);
    }
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(int(options.connectTimeoutS * 1000));
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        m_finished = true;
        emit failed(QStringLiteral("%1 of %2 users signed in after %3 s")
                        .arg(m_signedIn)
                        .arg(m_clients.size())
                        .arg(m_options.connectTimeoutS));
    });
    m_ping.setInterval(1000);
    connect(&m_ping, &QTimer::timeout, this, [this]() {
        const qint64 now = nowNs();
        for (BenchClient *client : m_clients)
            client->pingIfIdle(now);
    });
    m_progress.setInterval(2000);
    connect(&m_progress, &QTimer::timeout, this, &ClientPool::progress);
}

void ClientPool::setPresenceTracker(PresenceTracker *tracker)
{
    m_presence = tracker;
    for (BenchClient *client : m_clients)
        client->setPresenceTracker(tracker);
}

void ClientPool::start()
{
    m_startNs = nowNs();
    m_timeout.start();
    m_ping.start();
    if (!m_options.jsonOnly && m_clients.size() >= 1000)
        m_progress.start();
    startNext();
}

void ClientPool::startNext()
{
    while (!m_finished && m_inProgress < m_concurrency && m_nextToOpen < m_clients.size()) {
        ++m_inProgress;
        const qsizetype index = m_nextToOpen++;
        if (m_presence)
            m_presence->noteOpening(int(index));
        m_openedNs[size_t(index)] = nowNs();
        m_clients[index]->open(m_options.urls.isEmpty()
                                   ? m_options.url
                                   : m_options.urls[index % m_options.urls.size()]);
    }
}

void ClientPool::onSignedIn(BenchClient *client)
{
    if (m_finished)
        return;
    --m_inProgress;
    ++m_signedIn;
    m_signInTimes.record(nowNs() - m_openedNs[size_t(client->index())]);
    m_registered += client->registeredNow() ? 1 : 0;
    if (m_presence)
        m_presence->setUserId(client->index(), client->userId());
    if (m_signedIn == int(m_clients.size())) {
        m_doneNs = nowNs();
        m_finished = true;
        m_timeout.stop();
        m_progress.stop();
        emit ready();
        return;
    }
    startNext();
}

void ClientPool::onFailed(BenchClient *client, const QString &reason)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_progress.stop();
    emit failed(QStringLiteral("%1: %2").arg(client->username(), reason));
}

void ClientPool::progress()
{
    std::fprintf(stderr, "natter-loadgen: %d of %zu users signed in\n", m_signedIn,
                 m_clients.size());
}

} // namespace bench
