#pragma once
// The presence benchmark's setup: creates the contact graph's conversations (one `send` with
// `to` each, a bounded number in flight), then asks every client's contacts of the server
// (see contactlookup.h) and compares them with the graph. Not timed.

#include "contactgraph.h"

#include <QObject>
#include <QString>
#include <QUuid>

#include <vector>

namespace bench {

class BenchClient;

class ContactBuilder final : public QObject
{
    Q_OBJECT

public:
    ContactBuilder(std::vector<BenchClient *> clients, const ContactGraph &graph,
                   const QString &prefix, QObject *parent = nullptr);

    void start();

    int created() const { return m_created; }
    int errors() const { return m_errors; }
    // Sends refused with rate_limited and sent again.
    int retries() const { return m_retries; }
    const QString &firstError() const { return m_firstError; }
    // Per client: its contacts among the bench users, as the server knows them.
    const std::vector<std::vector<int>> &contacts() const { return m_contacts; }
    // Clients whose server-side contacts differ from the graph (earlier conversations).
    int mismatched() const { return m_mismatched; }
    // Conversations with users outside this run, over all clients.
    int otherContacts() const { return m_otherContacts; }

signals:
    void finished();

private:
    void sendNext();
    void send(int from, int to, const QUuid &clientId);
    void lookUpNext();
    void noteError(const QString &error);

    std::vector<BenchClient *> m_clients;
    const ContactGraph &m_graph;
    QString m_prefix;
    std::vector<std::vector<int>> m_contacts;
    size_t m_nextPair = 0;
    size_t m_nextLookup = 0;
    int m_inFlight = 0;
    int m_created = 0;
    int m_errors = 0;
    int m_retries = 0;
    int m_lookedUp = 0;
    int m_mismatched = 0;
    int m_otherContacts = 0;
    QString m_firstError;
};

} // namespace bench
