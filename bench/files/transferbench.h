#pragma once
// The steps of natter-file-bench: people signed up through ChatClient, a 1:1 conversation
// between two of them, a file up and down with its timings, chat pings with their latency,
// and the server's RSS sampled while it all happens.

#include "chatclient.h"
#include "profilesettings.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

namespace natter::bench {

struct Person
{
    std::unique_ptr<client::ProfileSettings> settings;
    std::unique_ptr<client::ChatClient> client;
};

// Signs `name` up on `server` (a fresh profile); exits the process when that fails.
Person signUp(const QUrl &server, const QString &name);
// A 1:1 conversation from a to b (its first message sent); its id.
qint64 conversationBetween(Person &a, Person &b);
// Runs the event loop until `done` or `timeoutMs`; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs);

// The server's resident memory, sampled every 50 ms from /proc.
class RssSampler final : public QObject
{
public:
    explicit RssSampler(qint64 pid);
    qint64 now() const; // kB
    void resetPeak() { m_peak = now(); }
    qint64 peak() const { return m_peak; }

private:
    qint64 m_pid;
    qint64 m_peak = 0;
    QTimer m_timer;
};

// A message from one person every `intervalMs`, each timed from the request to the server's
// ok (stored and committed).
class ChatPinger final : public QObject
{
public:
    ChatPinger(Person &from, qint64 conversationId, int intervalMs);
    void start() { m_latenciesUs.clear(), m_timer.start(); }
    void stop() { m_timer.stop(); }
    // The p-th percentile of the latencies since start() in ms (-1: none).
    double percentileMs(double p) const;
    qsizetype count() const { return m_latenciesUs.size(); }

private:
    void ping();

    Person &m_from;
    qint64 m_conversationId;
    QTimer m_timer;
    QList<qint64> m_latenciesUs;
    qint64 m_serial = 0;
};

} // namespace natter::bench
