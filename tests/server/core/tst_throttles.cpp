// The arithmetic of the login back-off and the sign-up buckets, with the clock passed in.

#include "services/loginthrottle.h"
#include "services/registrationthrottle.h"

#include <QtTest>

using natter::server::LoginThrottle;
using natter::server::RegistrationSettings;
using natter::server::RegistrationThrottle;

// Bucket waits are computed in floating point: allow a millisecond of rounding.
bool near(qint64 actual, qint64 expected)
{
    return qAbs(actual - expected) <= 1;
}

class TestThrottles final : public QObject
{
    Q_OBJECT

private slots:
    // Attempts still being hashed count: the sixth concurrent one must wait.
    void attemptsCountWhileTheyAreBeingChecked()
    {
        LoginThrottle throttle;
        const QString ip = QStringLiteral("192.0.2.1");
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerUser; ++i)
            QCOMPARE(throttle.reserve(QStringLiteral("Victim"), ip, 1000 + i), 0);
        const qint64 wait = throttle.reserve(QStringLiteral("victim"), ip, 1010);
        QVERIFY(wait > 0 && wait <= 1000);
        // Other usernames from the same address still have free attempts.
        QCOMPARE(throttle.reserve(QStringLiteral("someone"), ip, 1010), 0);
    }

    void theBackOffRunsFromTheLastAnswer()
    {
        LoginThrottle throttle;
        const QString ip = QStringLiteral("192.0.2.1");
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerUser; ++i)
            QCOMPARE(throttle.reserve(QStringLiteral("u"), ip, 0), 0);
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerUser; ++i)
            throttle.failed(QStringLiteral("u"), ip, 500); // the hashes took 500 ms
        QCOMPARE(throttle.waitMs(QStringLiteral("u"), ip, 500), 1000);
        QCOMPARE(throttle.reserve(QStringLiteral("u"), ip, 1500), 0);
        QCOMPARE(throttle.waitMs(QStringLiteral("u"), ip, 1500), 2000); // doubles
    }

    // Many people behind one address signing in at the same moment (an office, a NAT, the
    // load generator) do not use up the address's allowance while their passwords are
    // checked; its failures count when they are answered.
    void signInsInFlightDoNotUseUpTheAddress()
    {
        LoginThrottle throttle;
        const QString office = QStringLiteral("198.51.100.7");
        for (int i = 0; i < 3 * LoginThrottle::kFreeFailuresPerAddress; ++i)
            QCOMPARE(throttle.reserve(QStringLiteral("user%1").arg(i), office, 100), 0);
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerAddress; ++i)
            throttle.failed(QStringLiteral("user%1").arg(i), office, 200);
        const qint64 wait = throttle.reserve(QStringLiteral("newcomer"), office, 200);
        QVERIFY(wait > 0 && wait <= 1000);
    }

    void aRightPasswordForgetsTheUsernamesFailures()
    {
        LoginThrottle throttle;
        const QString ip = QStringLiteral("198.51.100.7");
        QCOMPARE(throttle.reserve(QStringLiteral("amy"), ip, 100), 0);
        throttle.failed(QStringLiteral("amy"), ip, 100);
        QCOMPARE(throttle.reserve(QStringLiteral("amy"), ip, 101), 0);
        throttle.succeeded(QStringLiteral("amy"));
        for (int i = 0; i < LoginThrottle::kFreeFailuresPerUser; ++i)
            QCOMPARE(throttle.reserve(QStringLiteral("amy"), ip, 200), 0);
        QVERIFY(throttle.reserve(QStringLiteral("amy"), ip, 200) > 0);
    }

    void anAttemptWithoutAVerdictIsReleased()
    {
        LoginThrottle throttle;
        const QString ip = QStringLiteral("192.0.2.9");
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(throttle.reserve(QStringLiteral("disabled"), ip, i), 0);
            throttle.released(QStringLiteral("disabled"));
        }
        QCOMPARE(throttle.waitMs(QStringLiteral("disabled"), ip, 10), 0);
    }

    void signUpsPerAddressThenRefill()
    {
        RegistrationSettings settings;
        settings.perAddressBurst = 5;
        settings.perAddressPerHour = 30; // one every 120 s
        settings.burst = 0;              // no server-wide limit here
        RegistrationThrottle throttle(settings);
        const QString a = QStringLiteral("192.0.2.1");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(throttle.take(a, 1'000), 0);
        QVERIFY(near(throttle.take(a, 1'000), 120'000));
        QVERIFY(near(throttle.take(a, 61'000), 60'000)); // half a token back: half the wait
        // Another address has its own bucket.
        QCOMPARE(throttle.take(QStringLiteral("192.0.2.2"), 61'000), 0);
        QCOMPARE(throttle.take(a, 122'000), 0);
        QVERIFY(throttle.take(a, 122'000) > 0);
    }

    void signUpsServerWideAreSharedByAllAddresses()
    {
        RegistrationSettings settings;
        settings.perAddressBurst = 5;
        settings.burst = 3;
        settings.perMinute = 6; // one every 10 s
        RegistrationThrottle throttle(settings);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(throttle.take(QStringLiteral("192.0.2.%1").arg(i), 500), 0);
        QVERIFY(near(throttle.take(QStringLiteral("192.0.2.200"), 500), 10'000));
        QCOMPARE(throttle.take(QStringLiteral("192.0.2.200"), 10'600), 0);
        QVERIFY(throttle.take(QStringLiteral("192.0.2.201"), 10'600) > 0);
    }

    void zeroBurstsTurnTheLimitsOff()
    {
        RegistrationSettings settings;
        settings.perAddressBurst = 0;
        settings.burst = 0;
        RegistrationThrottle throttle(settings);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(throttle.take(QStringLiteral("127.0.0.1"), 0), 0);
    }
};

QTEST_GUILESS_MAIN(TestThrottles)
#include "tst_throttles.moc"
