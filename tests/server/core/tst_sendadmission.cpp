// Past its capacity the server refuses the sends a pass cannot commit in time (rate_limited
// with retry_after_ms) instead of letting every sender wait longer and longer; refused sends
// store nothing, and a small burst is never refused.

#include "aliceandbob.h"
#include "app/storefactory.h"
#include "faultystore.h"
#include "services/sendadmission.h"

#include <QtTest>

using natter::server::SendAdmission;

class TestSendAdmission final : public QObject, private AliceAndBob
{
    Q_OBJECT

private:
    FaultyStore *m_store = nullptr;
    static constexpr int kPassMs = 20;

    bool start(int passMs)
    {
        return startAliceAndBob([this, passMs](TestServer &server) {
            auto &c = server.config();
            c.sendPassMs = passMs;
            // Only the server-wide budget may refuse here, not the per-socket limits.
            c.requestsPerSecond = c.requestBurst = 1'000'000;
            c.userRequestsPerSecond = c.userRequestBurst = 1'000'000;
            auto store =
                std::make_unique<FaultyStore>(natter::server::createStore(server.config()));
            store->setAppendDelayPerMessageUs(500); // a disk that manages 2,000 messages/s
            m_store = store.get();
            return store;
        });
    }

    struct Burst
    {
        int ok = 0;
        QList<QJsonObject> refused; // the send's fields, with the error reply's fields
        QString unexpected;         // the first reply that is neither
    };

    // alice sends `n` messages to bob without waiting, then collects every reply.
    Burst burst(int n)
    {
        QList<QPair<QString, QJsonObject>> sent;
        for (int i = 0; i < n; ++i) {
            const QJsonObject fields{
                {"to", double(m_bob->userId())},
                {"content", QStringLiteral("b%1").arg(i)},
                {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)}};
            sent.append({m_alice->send(QStringLiteral("send"), fields), fields});
        }
        Burst result;
        for (const auto &[id, fields] : std::as_const(sent)) {
            const QJsonObject reply = m_alice->waitReply(id, 30'000);
            if (TestClient::isOk(reply)) {
                ++result.ok;
            } else if (TestClient::errorCode(reply) == QLatin1String("rate_limited")) {
                QJsonObject r = fields;
                r.insert("retry_after_ms", reply.value("retry_after_ms"));
                r.insert("message", reply.value("message"));
                result.refused.append(r);
            } else if (result.unexpected.isEmpty()) {
                result.unexpected = QString::fromUtf8(QJsonDocument(reply).toJson());
            }
        }
        return result;
    }

    int stored() const
    {
        int n = 0;
        for (int size : m_store->appendBatches())
            n += size;
        return n;
    }

private slots:
    void initTestCase()
    {
        // Thousands of sends: their debug lines would bury a failure.
        QLoggingCategory::setFilterRules(QStringLiteral("natter.*.debug=false"));
    }
    void cleanup() { stopAliceAndBob(); }

    void budgetFollowsTheMeasuredCost()
    {
        qint64 retry = 0;
        SendAdmission off(0);
        off.committed(1000, 10'000'000'000);
        QVERIFY(off.admits(1'000'000, &retry));

        SendAdmission admission(100);
        QVERIFY(admission.admits(100'000, &retry)); // nothing measured yet
        // Small passes say nothing of a large one's cost.
        admission.committed(SendAdmission::kMinBudget - 1, 1'000'000'000);
        QVERIFY(admission.admits(100'000, &retry));
        // 10 µs a message: 10,000 fit in 100 ms.
        admission.committed(5000, 50'000'000);
        QCOMPARE(admission.budget(), qsizetype(10'000));
        QVERIFY(admission.admits(9'999, &retry));
        QVERIFY(!admission.admits(10'000, &retry));
        QCOMPARE(retry, qint64(200));
        // A slow disk: never below the floor.
        for (int i = 0; i < 20; ++i)
            admission.committed(1000, 1'000'000'000);
        QCOMPARE(admission.budget(), SendAdmission::kMinBudget);
    }

    void sendsPastTheBudgetAreRefusedAndStoreNothing()
    {
        QVERIFY(start(kPassMs));
        Burst all;
        // The first large pass measures the cost; the ones after it are held to the budget.
        for (int round = 0; round < 6 && all.refused.isEmpty(); ++round) {
            const Burst b = burst(1500);
            QVERIFY2(b.unexpected.isEmpty(), qPrintable(b.unexpected));
            all.ok += b.ok;
            all.refused += b.refused;
        }
        QVERIFY2(!all.refused.isEmpty(), "no send was refused past the budget");
        QCOMPARE(stored(), all.ok); // refused sends never reached the store
        for (const QJsonObject &r : std::as_const(all.refused)) {
            QCOMPARE(r.value("retry_after_ms").toInt(), 2 * kPassMs);
            QCOMPARE(r.value("message").toString(),
                     QStringLiteral("server busy; try again shortly"));
        }
        // No pass committed more than the budget once it was measured: the floor here.
        int overBudget = 0;
        for (int size : m_store->appendBatches())
            overBudget += size > SendAdmission::kMinBudget ? 1 : 0;
        QVERIFY2(overBudget <= 2, "passes kept committing past the budget");

        // Retrying a refused send after retry_after_ms stores it once.
        QTest::qWait(2 * kPassMs);
        QJsonObject again = all.refused.first();
        again.remove("retry_after_ms");
        again.remove("message");
        const QJsonObject reply = m_alice->request(QStringLiteral("send"), again, 30'000);
        QVERIFY2(TestClient::isOk(reply), qPrintable(QJsonDocument(reply).toJson()));
        QCOMPARE(reply.value("message").toObject().value("client_id"), again.value("client_id"));
        QCOMPARE(stored(), all.ok + 1);

        // A burst below the floor is never refused, however slow the disk.
        const Burst small = burst(200);
        QCOMPARE(small.ok, 200);
        QVERIFY(small.refused.isEmpty());
    }

    void zeroNeverRefuses()
    {
        QVERIFY(start(0));
        for (int round = 0; round < 2; ++round) {
            const Burst b = burst(1500);
            QVERIFY2(b.unexpected.isEmpty(), qPrintable(b.unexpected));
            QCOMPARE(b.ok, 1500);
        }
        QCOMPARE(stored(), 3000);
    }
};

QTEST_GUILESS_MAIN(TestSendAdmission)
#include "tst_sendadmission.moc"
