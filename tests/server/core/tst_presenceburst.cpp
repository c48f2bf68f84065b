// Presence at small scale (issue #9): 200 users, each with four contacts, sign in at once,
// then some sign out for good and some blip (socket drops and comes back within the grace
// period). Every client's online list, rebuilt from the frames it received, must be exactly
// its connected contacts, and a blip must never show up as an offline/online pair.

#include "testserver.h"

#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

namespace {

constexpr int kUsers = 200;
constexpr int kHalfDegree = 2; // user i talks with i+1 and i+2 (mod kUsers): four contacts
constexpr int kBatchMs = 100;
constexpr int kGraceMs = 1500;

// The online list a client holds after applying every presence frame it received, in order.
std::set<qint64> onlineList(const TestClient &client, qsizetype fromFrame = 0)
{
    std::set<qint64> online;
    const QList<QJsonObject> &frames = client.frameLog();
    for (qsizetype i = fromFrame; i < frames.size(); ++i) {
        const QJsonObject &f = frames[i];
        if (f.value("type").toString() != QLatin1String("presence"))
            continue;
        if (f.value("snapshot").toBool())
            online.clear();
        for (const QJsonValue &v : f.value("online").toArray())
            online.insert(qint64(v.toObject().value("id").toDouble()));
        for (const QJsonValue &v : f.value("offline").toArray())
            online.erase(qint64(v.toDouble()));
    }
    return online;
}

int presenceFrames(const TestClient &client)
{
    return int(std::count_if(client.frameLog().cbegin(), client.frameLog().cend(),
                             [](const QJsonObject &f) {
                                 return f.value("type").toString() == QLatin1String("presence");
                             }));
}

QList<int> contactsOf(int i)
{
    QList<int> out;
    for (int d = 1; d <= kHalfDegree; ++d)
        out << (i + d) % kUsers << (i - d + kUsers) % kUsers;
    return out;
}

} // namespace

class TestPresenceBurst final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::vector<std::unique_ptr<TestClient>> m_clients;
    QList<qint64> m_ids;
    QStringList m_tokens;

    // Opens a socket for each listed user, all at once.
    bool openAll(const QList<int> &users)
    {
        for (const int i : users) {
            m_clients[i] = std::make_unique<TestClient>();
            m_clients[i]->startOpen(m_server->url());
        }
        for (const int i : users) {
            if (!m_clients[i]->waitOpen(20000))
                return false;
        }
        return true;
    }

    // Opens a socket for each listed user and signs them all in at once with their tokens.
    bool signIn(const QList<int> &users)
    {
        if (!openAll(users))
            return false;
        QList<QPair<int, QString>> requests;
        for (const int i : users)
            requests.append({i, m_clients[i]->send(QStringLiteral("auth"),
                                                   {{QStringLiteral("token"), m_tokens[i]}})});
        for (const auto &[i, id] : std::as_const(requests)) {
            if (!TestClient::isOk(m_clients[i]->waitReply(id, 20000)))
                return false;
        }
        return true;
    }

    std::set<qint64> expectedFor(int i, const std::set<int> &gone) const
    {
        std::set<qint64> out;
        for (const int c : contactsOf(i)) {
            if (!gone.count(c))
                out.insert(m_ids[c]);
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().presenceBatchMs = kBatchMs;
        m_server->config().presenceGraceMs = kGraceMs;
        m_server->config().maxUnauthenticatedPerAddress = 2 * kUsers;
        m_server->config().maxHandshakesPerAddress = 2 * kUsers;
        m_server->config().requestsPerSecond = 100000;
        m_server->config().requestBurst = 100000;
        QVERIFY(m_server->start());

        // Setup: the users and their conversations, then everybody signs out.
        m_clients.resize(kUsers);
        QList<int> all;
        for (int i = 0; i < kUsers; ++i)
            all.append(i);
        QVERIFY(openAll(all));
        QStringList registrations;
        for (int i = 0; i < kUsers; ++i)
            registrations.append(m_clients[i]->send(
                QStringLiteral("register"),
                {{QStringLiteral("username"), QStringLiteral("burst%1").arg(i)},
                 {QStringLiteral("password"), QStringLiteral("password-%1").arg(i)}}));
        for (int i = 0; i < kUsers; ++i) {
            const QJsonObject reply = m_clients[i]->waitReply(registrations[i], 20000);
            QVERIFY(TestClient::isOk(reply));
            m_ids.append(qint64(reply.value("user").toObject().value("id").toDouble()));
            m_tokens.append(reply.value("token").toString());
        }
        QList<QPair<int, QString>> sends;
        for (int i = 0; i < kUsers; ++i) {
            for (int d = 1; d <= kHalfDegree; ++d) {
                const QJsonObject fields{{QStringLiteral("to"), double(m_ids[(i + d) % kUsers])},
                                         {QStringLiteral("client_id"),
                                          QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                         {QStringLiteral("content"), QStringLiteral("hello")}};
                sends.append({i, m_clients[i]->send(QStringLiteral("send"), fields)});
            }
        }
        for (const auto &[i, id] : std::as_const(sends))
            QVERIFY(TestClient::isOk(m_clients[i]->waitReply(id, 20000)));
        m_clients.clear();
        m_clients.resize(kUsers);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->server().connectionCount(), 0, 20000);
        QTest::qWait(kGraceMs + 3 * kBatchMs); // everybody announced offline
    }

    void burstOfSignInsLeavesEveryListExact()
    {
        QList<int> all;
        for (int i = 0; i < kUsers; ++i)
            all.append(i);
        QVERIFY(signIn(all));
        for (int i = 0; i < kUsers; ++i) {
            QTRY_VERIFY2_WITH_TIMEOUT(onlineList(*m_clients[i]) == expectedFor(i, {}),
                                      qPrintable(QStringLiteral("list of burst%1").arg(i)), 10000);
        }
        // Coalesced: a snapshot and a few diffs each, not one frame per contact.
        for (int i = 0; i < kUsers; ++i)
            QVERIFY2(presenceFrames(*m_clients[i]) <= 4,
                     qPrintable(QStringLiteral("burst%1 got %2 presence frames")
                                    .arg(i)
                                    .arg(presenceFrames(*m_clients[i]))));
    }

    void signOutsAndBlipsLeaveEveryListExact()
    {
        std::set<int> gone;  // sign out for good
        QList<int> blipping; // drop and come back within the grace period
        for (int i = 0; i < kUsers; ++i) {
            if (i % 3 == 0)
                gone.insert(i);
            else if (i % 5 == 1)
                blipping.append(i);
        }
        std::map<int, qsizetype> watchedFrom; // frame log position when the churn began
        for (int i = 0; i < kUsers; ++i)
            watchedFrom[i] = m_clients[i]->frameLog().size();

        for (const int i : gone)
            m_clients[i]->close();
        for (const int i : std::as_const(blipping))
            m_clients[i]->close();
        for (const int i : std::as_const(blipping))
            QVERIFY(m_clients[i]->waitDisconnected());
        // Longer than a batch window (so it is not cancelled out there), within the grace period.
        QTest::qWait(3 * kBatchMs);
        QVERIFY(signIn(blipping));
        for (const int i : std::as_const(blipping))
            watchedFrom[i] = 0;
        QTest::qWait(kGraceMs + 4 * kBatchMs);

        const QSet<qint64> blipIds = [&] {
            QSet<qint64> ids;
            for (const int i : std::as_const(blipping))
                ids.insert(m_ids[i]);
            return ids;
        }();
        for (int i = 0; i < kUsers; ++i) {
            if (gone.count(i))
                continue;
            const TestClient &client = *m_clients[i];
            QTRY_VERIFY2_WITH_TIMEOUT(onlineList(client) == expectedFor(i, gone),
                                      qPrintable(QStringLiteral("list of burst%1").arg(i)), 5000);
            // Nobody heard that a blipping user went offline (nor came back).
            for (qsizetype f = watchedFrom[i]; f < client.frameLog().size(); ++f) {
                const QJsonObject &frame = client.frameLog()[f];
                if (frame.value("type").toString() != QLatin1String("presence") ||
                    frame.value("snapshot").toBool())
                    continue;
                for (const QJsonValue &v : frame.value("offline").toArray())
                    QVERIFY2(!blipIds.contains(qint64(v.toDouble())),
                             qPrintable(QStringLiteral("burst%1 saw a blip go offline").arg(i)));
                for (const QJsonValue &v : frame.value("online").toArray())
                    QVERIFY2(!blipIds.contains(qint64(v.toObject().value("id").toDouble())),
                             qPrintable(QStringLiteral("burst%1 saw a blip come online").arg(i)));
            }
        }
    }

    void cleanupTestCase()
    {
        m_clients.clear();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(TestPresenceBurst)
#include "tst_presenceburst.moc"
