// Reads cost what they return: history, sync and users replies are charged by size to the
// account's read budget (bytes per second with a burst). Past it, reads get rate_limited with
// retry_after_ms (the reply that crossed it was served); another account is not affected,
// and a client that waits retry_after_ms still catches up.

#include "testserver.h"
#include "transport/readbudget.h"

#include <QtTest>

using natter::server::ReadBudget;

namespace {

constexpr int kMessages = 40;
constexpr int kContentChars = 16'000;

} // namespace

class TestReadBudget final : public QObject
{
    Q_OBJECT

private:
    // alice wrote kMessages messages of 16 KB to bob (about 650 KB of sync for bob).
    static bool fillHistory(TestServer &server, std::unique_ptr<TestClient> *alice,
                            std::unique_ptr<TestClient> *bob)
    {
        *alice = server.user(QStringLiteral("alice"));
        *bob = server.user(QStringLiteral("bob"));
        if (!*alice || !*bob)
            return false;
        for (int i = 0; i < kMessages; ++i) {
            if (!TestClient::isOk((*alice)->sendTo((*bob)->userId(),
                                                   QString(kContentChars, QChar(u'a' + i % 26)))))
                return false;
        }
        return true;
    }

private slots:
    void bucketServesTheCrossingReplyThenWaitsForTheRefill()
    {
        ReadBudget budget;
        const ReadBudget::Limits limits{1000, 5000}; // 1 byte/ms, burst 5,000
        qint64 retry = 0;
        QVERIFY(budget.mayRead(7, limits, 0, &retry));
        budget.charge(7, limits, 0, 4000);
        QVERIFY(budget.mayRead(7, limits, 0, &retry)); // 1,000 left
        budget.charge(7, limits, 0, 8000);             // served anyway: 7,000 in debt
        QVERIFY(!budget.mayRead(7, limits, 0, &retry));
        QCOMPARE(retry, 7001);
        QVERIFY(!budget.mayRead(7, limits, 7000, &retry));
        QCOMPARE(retry, 1);
        QVERIFY(budget.mayRead(7, limits, 7001, &retry));
        QVERIFY(budget.mayRead(8, limits, 0, &retry)); // another account: its own bucket
        // A long pause refills to the burst, not beyond.
        budget.charge(7, limits, 100'000, 5000);
        QVERIFY(!budget.mayRead(7, limits, 100'000, &retry));
    }

    void bigSyncPagesBackToBackAreRateLimitedWhileOthersAreServed()
    {
        TestServer server;
        server.config().userReadBurstBytes = 256 * 1024;
        server.config().userReadBytesPerSecond = 1024; // no refill to speak of in the test
        QVERIFY(server.start());
        std::unique_ptr<TestClient> alice;
        std::unique_ptr<TestClient> bob;
        QVERIFY(fillHistory(server, &alice, &bob));

        // The first page (about 650 KB) crosses the 256 KB budget and is served whole.
        const QJsonObject first =
            bob->request(QStringLiteral("sync"), {{"since", 0}, {"limit", 500}});
        QVERIFY(TestClient::isOk(first));
        QCOMPARE(first.value("messages").toArray().size(), kMessages);
        // Then every read waits, with a retry time that pays the debt back.
        for (const QString &type :
             {QStringLiteral("sync"), QStringLiteral("history"), QStringLiteral("users")}) {
            QJsonObject fields{{"since", 0}, {"limit", 10}};
            if (type == QLatin1String("history"))
                fields = {{"conversation_id", first.value("messages")
                                                  .toArray()
                                                  .first()
                                                  .toObject()
                                                  .value("conversation_id")}};
            if (type == QLatin1String("users"))
                fields = {};
            const QJsonObject limited = bob->request(type, fields);
            QCOMPARE(TestClient::errorCode(limited), QStringLiteral("rate_limited"));
            const qint64 retry = qint64(limited.value("retry_after_ms").toDouble());
            QVERIFY2(retry > 300'000, qPrintable(QString::number(retry))); // ~400 KB at 1 KB/s
        }
        // Requests that read nothing are not charged, and other accounts have their own budget.
        QVERIFY(TestClient::isOk(bob->request(QStringLiteral("ping"))));
        QVERIFY(TestClient::isOk(alice->request(QStringLiteral("users"))));
        QVERIFY(
            TestClient::isOk(alice->request(QStringLiteral("sync"), {{"since", 0}, {"limit", 1}})));
        // The budget is the account's, not the socket's.
        auto bobAgain = server.connect();
        QVERIFY(bobAgain && bobAgain->authWith(bob->token()));
        QCOMPARE(TestClient::errorCode(bobAgain->request(QStringLiteral("users"))),
                 QStringLiteral("rate_limited"));
    }

    void aClientPacedByRetryAfterCatchesUp()
    {
        TestServer server;
        server.config().userReadBurstBytes = 100 * 1024;
        server.config().userReadBytesPerSecond = 512 * 1024;
        QVERIFY(server.start());
        std::unique_ptr<TestClient> alice;
        std::unique_ptr<TestClient> bob;
        QVERIFY(fillHistory(server, &alice, &bob));

        // Pages of 8 messages (~130 KB): each empties the bucket.
        QSet<qint64> seen;
        qint64 since = 0;
        int limitedReplies = 0;
        for (int attempt = 0; attempt < 100; ++attempt) {
            const QJsonObject reply =
                bob->request(QStringLiteral("sync"), {{"since", double(since)}, {"limit", 8}});
            if (TestClient::errorCode(reply) == QLatin1String("rate_limited")) {
                ++limitedReplies;
                QTest::qWait(int(reply.value("retry_after_ms").toDouble()));
                continue;
            }
            QVERIFY(TestClient::isOk(reply));
            for (const QJsonValue &m : reply.value("messages").toArray())
                seen.insert(qint64(m.toObject().value("id").toDouble()));
            since = qint64(reply.value("rev").toDouble());
            if (!reply.value("has_more").toBool())
                break;
        }
        QCOMPARE(seen.size(), kMessages);
        QVERIFY(limitedReplies > 0); // it was paced, and caught up anyway
    }
};

QTEST_GUILESS_MAIN(TestReadBudget)
#include "tst_readbudget.moc"
