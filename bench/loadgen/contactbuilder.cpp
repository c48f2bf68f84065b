#include "contactbuilder.h"

#include "benchclient.h"
#include "contactlookup.h"
#include "payload.h"
#include "requests.h"

#include <QTimer>
#include <QUuid>

#include <utility>

namespace bench {
namespace {

// Requests in flight over all clients: enough to keep the server's group commit busy, few
// enough that replies are not queued behind thousands of others.
constexpr int kMaxInFlight = 512;

} // namespace

ContactBuilder::ContactBuilder(std::vector<BenchClient *> clients, const ContactGraph &graph,
                               const QString &prefix, QObject *parent)
    : QObject(parent), m_clients(std::move(clients)), m_graph(graph), m_prefix(prefix),
      m_contacts(m_clients.size())
{}

void ContactBuilder::start()
{
    sendNext();
}

void ContactBuilder::noteError(const QString &error)
{
    if (m_errors++ == 0)
        m_firstError = error;
}

void ContactBuilder::sendNext()
{
    const auto &pairs = m_graph.pairs();
    while (m_inFlight < kMaxInFlight && m_nextPair < pairs.size()) {
        const auto [from, to] = pairs[m_nextPair++];
        ++m_inFlight;
        send(from, to, QUuid::fromString(payload::newClientId()));
    }
    if (m_inFlight == 0 && m_nextPair == pairs.size())
        lookUpNext();
}

void ContactBuilder::send(int from, int to, const QUuid &clientId)
{
    natter::SendRequest request;
    request.to = m_clients[size_t(to)]->userId();
    request.clientId = clientId;
    request.content = QStringLiteral("presence benchmark: contacts");
    m_clients[size_t(from)]->request(request, [this, from, to,
                                               clientId](const BenchClient::Reply &reply) {
        // Refused while the server's writer catches up (its send budget): again after the
        // wait it names, with the same client_id, as a client does (docs/protocol.md).
        if (reply && reply->kind == natter::codec::ServerFrame::Kind::Error &&
            reply->error.code == natter::ErrorCode::RateLimited) {
            ++m_retries;
            QTimer::singleShot(int(qBound(qint64(1), reply->error.retryAfterMs, qint64(60'000))),
                               this, [this, from, to, clientId] { send(from, to, clientId); });
            return;
        }
        --m_inFlight;
        QString why;
        if (BenchClient::decode<natter::SendReply>(reply, &why))
            ++m_created;
        else
            noteError(QStringLiteral("send: %1").arg(why));
        sendNext();
    });
}

void ContactBuilder::lookUpNext()
{
    while (m_inFlight < kMaxInFlight && m_nextLookup < m_clients.size()) {
        const size_t index = m_nextLookup++;
        ++m_inFlight;
        requestContacts(m_clients[index], m_prefix, int(m_clients.size()),
                        [this, index](const Contacts &contacts) {
                            --m_inFlight;
                            ++m_lookedUp;
                            if (!contacts.ok)
                                noteError(QStringLiteral("conversations: %1").arg(contacts.error));
                            m_contacts[index] = contacts.bench;
                            m_otherContacts += contacts.others;
                            if (contacts.bench != m_graph.contactsOf(int(index)))
                                ++m_mismatched;
                            lookUpNext();
                        });
    }
    if (m_lookedUp == int(m_clients.size()))
        emit finished();
}

} // namespace bench
