#include "transferbench.h"

#include <QCoreApplication>
#include <QFile>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace natter::bench {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

Person signUp(const QUrl &server, const QString &name)
{
    Person p;
    p.settings = std::make_unique<client::ProfileSettings>(QStringLiteral("bench-") + name);
    p.client = std::make_unique<client::ChatClient>(*p.settings);
    bool ok = false;
    QObject::connect(&p.client->session(), &client::SessionController::authenticated,
                     p.client.get(), [&ok] { ok = true; });
    p.client->session().registerAccount(server, name, QStringLiteral("correct-horse-7"), false);
    if (!waitFor([&] { return ok; }, 30'000)) {
        std::fprintf(stderr, "natter-file-bench: signing up %s failed\n", qPrintable(name));
        std::exit(2);
    }
    return p;
}

qint64 conversationBetween(Person &a, Person &b)
{
    client::ConversationController &c = a.client->conversations();
    c.startConversationWith(b.client->session().currentUser().id,
                            b.client->session().currentUser().username);
    c.sendMessage(QStringLiteral("hello"));
    if (!waitFor([&] { return c.openConversationId() > 0; }, 10'000)) {
        std::fprintf(stderr, "natter-file-bench: no conversation\n");
        std::exit(2);
    }
    return c.openConversationId();
}

RssSampler::RssSampler(qint64 pid) : m_pid(pid)
{
    m_peak = now();
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, [this] { m_peak = std::max(m_peak, now()); });
    m_timer.start();
}

qint64 RssSampler::now() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(m_pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

ChatPinger::ChatPinger(Person &from, qint64 conversationId, int intervalMs)
    : m_from(from), m_conversationId(conversationId)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChatPinger::ping);
}

void ChatPinger::ping()
{
    QElapsedTimer sent;
    sent.start();
    m_from.client->connection().request(
        protocol::RequestType::Send,
        {{QStringLiteral("conversation_id"), m_conversationId},
         {QStringLiteral("client_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
         {QStringLiteral("content"), QStringLiteral("ping %1").arg(++m_serial)}},
        [this, sent](const QJsonObject &, const std::optional<ProtocolError> &error) {
            if (!error && m_timer.isActive())
                m_latenciesUs.append(sent.nsecsElapsed() / 1000);
        });
}

double ChatPinger::percentileMs(double p) const
{
    if (m_latenciesUs.isEmpty())
        return -1;
    QList<qint64> sorted = m_latenciesUs;
    std::sort(sorted.begin(), sorted.end());
    const auto at = qsizetype(p / 100.0 * double(sorted.size() - 1) + 0.5);
    return double(sorted.at(std::min(at, sorted.size() - 1))) / 1000.0;
}

} // namespace natter::bench
