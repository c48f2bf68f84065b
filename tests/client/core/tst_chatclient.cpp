// ChatClient against the real server in-process: two users chat, type, read; messages
// written while the server is down are delivered exactly once when it is back, also after
// the client itself was closed and reopened; a change the client never got live is never
// skipped by its sync cursor.
#include "chatclient.h"
#include "store/sqlitestore.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::client;

namespace {

struct Person
{
    std::unique_ptr<ProfileSettings> settings;
    std::unique_ptr<ChatClient> client;
};

int rowWithText(MessageListModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i).data(MessageListModel::TextRole).toString() == text)
            return i;
    }
    return -1;
}

int countText(MessageListModel *model, const QString &text)
{
    int n = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        n += model->index(i).data(MessageListModel::TextRole).toString() == text ? 1 : 0;
    return n;
}

} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dbDir; // outlives server restarts within a test
    int m_profiles = 0;

    Person person(const QString &profile)
    {
        Person p;
        p.settings = std::make_unique<ProfileSettings>(profile);
        p.client = std::make_unique<ChatClient>(*p.settings);
        p.client->connection().setReconnectDelays(100, 400);
        return p;
    }

    Person signedUp(const QString &name)
    {
        Person p = person(name + QString::number(++m_profiles));
        QSignalSpy ok(p.client.get(), &ChatClient::authenticated);
        p.client->registerAccount(m_server->url(), name, QStringLiteral("correct-horse-7"), true);
        if (!ok.wait(5000))
            qFatal("registration of %s failed", qPrintable(name));
        return p;
    }

    void startServerWith(const std::function<void(natter::server::ServerConfig &)> &configure)
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("limited.db"));
        configure(m_server->config());
        QVERIFY(m_server->start());
    }

    // The server on a store the test can write to behind its back: a change committed there
    // is never pushed, as when an event between instances is lost (Redis down).
    server::SqliteStore *startWithOwnStore()
    {
        auto store = std::make_unique<server::SqliteStore>(m_server->databasePath());
        server::SqliteStore *raw = store.get();
        const QString db = m_server->databasePath();
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = db;
        if (!m_server->start(std::move(store)))
            qFatal("the server did not start");
        return raw;
    }

    struct Gap
    {
        qint64 firstRev = 0;
        qint64 lastRev = 0;
    };

    // Alice and bob chat; then two changes alice never gets live: a message from bob and
    // her own delete-for-me of "hello" (as if from another device), and after them live
    // changes with higher revs: bob's message, her own send (its reply) and bob's receipts.
    void missAChangeThenChatOn(server::SqliteStore &store, Person &alice, Person &bob, Gap &gap)
    {
        const qint64 bobId = bob.client->currentUser().id;
        alice.client->startConversationWith(bobId, QStringLiteral("bob"));
        alice.client->sendMessage(QStringLiteral("hello"));
        MessageListModel *messages = alice.client->messages();
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);
        QTRY_COMPARE(bob.client->conversations()->rowCount(), 1);
        const qint64 conversation = alice.client->openConversationId();
        const int hello = rowWithText(messages, QStringLiteral("hello"));
        QVERIFY(conversation > 0 && hello >= 0);
        const qint64 helloId = messages->index(hello).data(MessageListModel::IdRole).toLongLong();

        server::NewMessage missed;
        missed.senderId = bobId;
        missed.conversationId = conversation;
        missed.clientId = QUuid::createUuid();
        missed.content = QStringLiteral("missed");
        missed.createdAt = QDateTime::currentMSecsSinceEpoch();
        const auto appended = store.appendMessages({missed});
        const auto hidden = store.hideForUser(alice.client->currentUser().id, helloId);
        QVERIFY(appended.size() == 1 && appended.first().ok() && hidden.ok());
        gap.firstRev = appended.first().value.message.rev;
        gap.lastRev = hidden.value.rev;

        bob.client->openConversation(conversation);
        bob.client->sendMessage(QStringLiteral("after the gap"));
        alice.client->sendMessage(QStringLiteral("mine"));
        QTRY_VERIFY(rowWithText(messages, QStringLiteral("after the gap")) >= 0);
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);
        QTRY_VERIFY(rowWithText(bob.client->messages(), QStringLiteral("mine")) >= 0);
        bob.client->markOpenConversationRead();
        QTRY_COMPARE(messages->index(rowWithText(messages, QStringLiteral("mine")))
                         .data(MessageListModel::DeliveryRole)
                         .toInt(),
                     int(DeliveryState::Read));
    }

    void startServerAgain(const QString &db, quint16 port)
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = db;
        m_server->config().port = port;
        QVERIFY(m_server->start());
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init()
    {
        m_dbDir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("natter.db"));
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_server.reset();
        m_dbDir.reset();
    }

    void messageReachesThePeerAndReadTicksComeBack()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        // Strangers: presence is scoped to contacts.
        QVERIFY(!alice.client->onlineUsers()->isOnline(bob.client->currentUser().id));

        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        alice.client->sendMessage(QStringLiteral("Hi <b>Bob</b>"));
        MessageListModel *aliceMessages = alice.client->messages();
        QCOMPARE(aliceMessages->rowCount(), 1);
        QTRY_COMPARE(aliceMessages->index(0).data(MessageListModel::DeliveryRole).toInt(),
                     int(DeliveryState::Delivered)); // bob is online
        QVERIFY(alice.client->openConversationId() > 0);
        // The first message made them contacts.
        QTRY_VERIFY(alice.client->onlineUsers()->isOnline(bob.client->currentUser().id));
        QTRY_VERIFY(bob.client->onlineUsers()->isOnline(alice.client->currentUser().id));

        ConversationListModel *bobList = bob.client->conversations();
        QTRY_COMPARE(bobList->rowCount(), 1);
        QTRY_COMPARE(bobList->unreadTotal(), 1);
        bob.client->openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        QTRY_COMPARE(bob.client->messages()->rowCount(), 1);
        QCOMPARE(bob.client->messages()->index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("Hi <b>Bob</b>"));
        bob.client->markOpenConversationRead();
        QTRY_COMPARE(bobList->unreadTotal(), 0);
        QTRY_COMPARE(aliceMessages->index(0).data(MessageListModel::DeliveryRole).toInt(),
                     int(DeliveryState::Read));
        QCOMPARE(alice.client->outbox().messages().size(), 0);
    }

    void typingAppearsAndStopsOnSend()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        alice.client->sendMessage(QStringLiteral("first"));
        QTRY_COMPARE(bob.client->conversations()->rowCount(), 1);
        bob.client->openConversation(
            bob.client->conversations()->index(0).data(ConversationListModel::IdRole).toLongLong());
        QSignalSpy typing(bob.client.get(), &ChatClient::typingChanged);
        alice.client->setTyping(true);
        QTRY_VERIFY(!typing.isEmpty());
        QCOMPARE(typing.last().at(1).toString(), QStringLiteral("alice"));
        QVERIFY(typing.last().at(2).toBool());
        alice.client->sendMessage(QStringLiteral("second"));
        QTRY_VERIFY(!typing.last().at(2).toBool());
    }

    void offlineSendsAreDeliveredOnceWhenTheServerReturns()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        alice.client->sendMessage(QStringLiteral("before"));
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);

        const QString db = m_server->databasePath();
        const quint16 port = m_server->server().port();
        m_server.reset(); // the server goes away
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);
        alice.client->sendMessage(QStringLiteral("while offline"));
        MessageListModel *messages = alice.client->messages();
        const int row = rowWithText(messages, QStringLiteral("while offline"));
        QVERIFY(row >= 0);
        QCOMPARE(messages->index(row).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Pending));
        QCOMPARE(alice.client->outbox().messages().size(), 1);

        startServerAgain(db, port);
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations()->rowCount(), 1, 10000);
        bob.client->openConversation(
            bob.client->conversations()->index(0).data(ConversationListModel::IdRole).toLongLong());
        QTRY_COMPARE(countText(bob.client->messages(), QStringLiteral("while offline")), 1);
        QCOMPARE(countText(alice.client->messages(), QStringLiteral("while offline")), 1);
    }

    void aReadMadeOfflineReachesTheServerAfterTheReconnect()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->startConversationWith(bob.client->currentUser().id, QStringLiteral("bob"));
        alice.client->sendMessage(QStringLiteral("read me"));
        ConversationListModel *bobList = bob.client->conversations();
        QTRY_COMPARE(bobList->unreadTotal(), 1);
        bob.client->openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        QTRY_COMPARE(countText(bob.client->messages(), QStringLiteral("read me")), 1);

        const QString db = m_server->databasePath();
        const quint16 port = m_server->server().port();
        m_server.reset(); // the server goes away
        QTRY_COMPARE(bob.client->connection().state(), ConnectionState::Offline);
        bob.client->markOpenConversationRead(); // read while offline
        startServerAgain(db, port);

        // After the reconnect the list comes from the server again: the read must be there.
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->connection().state(), ConnectionState::Connected,
                                  10'000);
        QTRY_COMPARE_WITH_TIMEOUT(bobList->unreadTotal(), 0, 10'000);
        MessageListModel *aliceMessages = alice.client->messages();
        QTRY_COMPARE_WITH_TIMEOUT(
            aliceMessages->index(rowWithText(aliceMessages, QStringLiteral("read me")))
                .data(MessageListModel::DeliveryRole)
                .toInt(),
            int(DeliveryState::Read), 10'000);
    }

    void outboxSurvivesClosingTheClient()
    {
        const QString profile = QStringLiteral("carol-restart");
        qint64 bobId = 0;
        Person bob = signedUp(QStringLiteral("bob"));
        bobId = bob.client->currentUser().id;
        {
            Person carol = person(profile);
            QSignalSpy ok(carol.client.get(), &ChatClient::authenticated);
            carol.client->registerAccount(m_server->url(), QStringLiteral("carol"),
                                          QStringLiteral("correct-horse-7"), true);
            QVERIFY(ok.wait(5000));
            const QString db = m_server->databasePath();
            const quint16 port = m_server->server().port();
            m_server.reset();
            QTRY_COMPARE(carol.client->connection().state(), ConnectionState::Offline);
            carol.client->startConversationWith(bobId, QStringLiteral("bob"));
            carol.client->sendMessage(QStringLiteral("written, then the app was closed"));
            QCOMPARE(carol.client->outbox().messages().size(), 1);
            m_server = std::make_unique<TestServer>();
            m_server->config().databasePath = db;
            m_server->config().port = port;
            carol.client.reset(); // closed before the server came back
        }
        QVERIFY(m_server->start());
        Person again = person(profile);
        QCOMPARE(again.client->outbox().messages().size(), 1);
        QVERIFY(again.client->resume());
        QTRY_COMPARE_WITH_TIMEOUT(again.client->outbox().messages().size(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations()->unreadTotal(), 1, 10000);
    }

    void selfSignedServerIsTrustedOnFirstUseThenPinned()
    {
        const auto makeCert = [this](const QString &name) {
            const QString cert = m_dbDir->filePath(name + QStringLiteral(".pem"));
            const QString key = m_dbDir->filePath(name + QStringLiteral(".key"));
            QProcess openssl;
            openssl.start(QStringLiteral("openssl"),
                          {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out",
                           cert, "-days", "2", "-subj", "/CN=127.0.0.1"});
            if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
                qFatal("openssl is needed to make a test certificate");
            return std::pair{cert, key};
        };
        const auto startTls = [this](const std::pair<QString, QString> &pair, quint16 port) {
            m_server = std::make_unique<TestServer>();
            m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("tls.db"));
            m_server->config().tlsCertPath = pair.first;
            m_server->config().tlsKeyPath = pair.second;
            m_server->config().port = port;
            return m_server->start();
        };
        m_server.reset();
        QVERIFY(startTls(makeCert(QStringLiteral("first")), 0));
        const quint16 port = m_server->server().port();
        QCOMPARE(m_server->url().scheme(), QStringLiteral("wss"));

        Person alice = person(QStringLiteral("tofu"));
        QSignalSpy untrusted(alice.client.get(), &ChatClient::untrustedCertificate);
        QSignalSpy ok(alice.client.get(), &ChatClient::authenticated);
        alice.client->registerAccount(m_server->url(), QStringLiteral("alice"),
                                      QStringLiteral("correct-horse-7"), true);
        QVERIFY(untrusted.wait(5000));
        QCOMPARE(untrusted.first().at(1).toBool(), false); // unknown, not changed
        QCOMPARE(ok.count(), 0);                           // nothing sent before trust
        alice.client->trustCertificate(untrusted.first().at(0).value<QSslCertificate>());
        QVERIFY(ok.wait(5000));

        // The pin is remembered: a restarted client connects without asking.
        alice.client.reset();
        Person again = person(QStringLiteral("tofu"));
        QSignalSpy untrustedAgain(again.client.get(), &ChatClient::untrustedCertificate);
        QSignalSpy okAgain(again.client.get(), &ChatClient::authenticated);
        QVERIFY(again.client->resume());
        QVERIFY(okAgain.wait(5000));
        QCOMPARE(untrustedAgain.count(), 0);
        again.client.reset();

        // Another certificate on the same address is refused as "changed".
        m_server.reset();
        QVERIFY(startTls(makeCert(QStringLiteral("second")), port));
        Person third = person(QStringLiteral("tofu"));
        QSignalSpy changed(third.client.get(), &ChatClient::untrustedCertificate);
        QVERIFY(third.client->resume());
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.first().at(1).toBool(), true);
        QVERIFY(!third.client->isAuthenticated());
    }

    void aSessionEndedOnTheServerSignsTheClientOut()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        QVERIFY(!alice.settings->token().isEmpty());
        QSignalSpy signedOut(alice.client.get(), &ChatClient::signedOut);
        QSignalSpy states(&alice.client->connection(), &ServerConnection::stateChanged);
        // What `natter-server user reset-password alice` does, from its own connection.
        {
            natter::server::SqliteStore admin(m_server->databasePath());
            QVERIFY(admin.open().ok());
            QVERIFY(admin.revokeUserTokens(alice.client->currentUser().id).ok());
            admin.close();
        }
        QVERIFY(signedOut.wait(3000));
        QVERIFY(!alice.client->isAuthenticated());
        QVERIFY(alice.client->signOutReason().contains(QStringLiteral("signed out")));
        QVERIFY(alice.settings->token().isEmpty()); // a dead token is not kept
        // No reconnecting with it (the reconnect delay here is 100-400 ms).
        QTest::qWait(800);
        QCOMPARE(alice.client->connection().state(), ConnectionState::Offline);
        for (const auto &args : std::as_const(states))
            QVERIFY(args.at(0).value<ConnectionState>() != ConnectionState::Connecting);

        // Signing in again works, and the reason is gone.
        QSignalSpy back(alice.client.get(), &ChatClient::authenticated);
        alice.client->signIn(m_server->url(), QStringLiteral("alice"),
                             QStringLiteral("correct-horse-7"), true);
        QVERIFY(back.wait(5000));
        QVERIFY(alice.client->signOutReason().isEmpty());
    }

    void aLongHistoryCatchesUpThroughTheServersReadLimit()
    {
        // A small read budget: the first sign-in's sync pages run into rate_limited.
        startServerWith([](natter::server::ServerConfig &config) {
            config.userReadBurstBytes = 64 * 1024;
            config.userReadBytesPerSecond = 64 * 1024;
            config.requestsPerSecond = 100'000;
            config.requestBurst = 100'000;
            config.userRequestsPerSecond = 100'000;
            config.userRequestBurst = 100'000;
        });
        TestClient bobRegisters;
        QVERIFY(bobRegisters.open(m_server->url()));
        QVERIFY(bobRegisters.registerAs(QStringLiteral("bob"), QStringLiteral("correct-horse-7")));
        const qint64 bobId = bobRegisters.userId();
        bobRegisters.close();
        TestClient alice;
        QVERIFY(alice.open(m_server->url()));
        QVERIFY(alice.registerAs(QStringLiteral("alice")));
        constexpr int kMessages = 450; // three sync pages of 200, ~160 KB
        qint64 lastRev = 0;
        for (int batch = 0; batch < kMessages / 90; ++batch) {
            // In batches: the server queues at most 256 requests behind the database.
            QStringList ids;
            for (int i = 0; i < 90; ++i)
                ids.append(alice.send(
                    QStringLiteral("send"),
                    {{QStringLiteral("to"), double(bobId)},
                     {QStringLiteral("client_id"),
                      QUuid::createUuid().toString(QUuid::WithoutBraces)},
                     {QStringLiteral("content"),
                      QStringLiteral("message %1 of a long history").arg(batch * 90 + i)}}));
            for (const QString &id : std::as_const(ids)) {
                const QJsonObject reply = alice.waitReply(id);
                QVERIFY(TestClient::isOk(reply));
                lastRev = qMax(lastRev, qint64(reply.value(QStringLiteral("message"))
                                                   .toObject()
                                                   .value(QStringLiteral("rev"))
                                                   .toDouble()));
            }
        }
        QVERIFY(lastRev >= kMessages);

        Person bob = person(QStringLiteral("bob") + QString::number(++m_profiles));
        QSignalSpy errors(bob.client.get(), &ChatClient::errorOccurred);
        QSignalSpy ok(bob.client.get(), &ChatClient::authenticated);
        bob.client->signIn(m_server->url(), QStringLiteral("bob"),
                           QStringLiteral("correct-horse-7"), true);
        QVERIFY(ok.wait(5000));
        // Every page arrived: the sync cursor (moved by sync pages only) passed the last message.
        QTRY_VERIFY_WITH_TIMEOUT(bob.settings->lastRev() >= lastRev, 30'000);
        QCOMPARE(bob.client->conversations()->unreadTotal(), kMessages);
        QCOMPARE(errors.size(), 0); // waiting is not an error to show
    }

    void liveChangesNeverMoveTheCursorPastAMissedOne()
    {
        server::SqliteStore *store = startWithOwnStore();
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->setCatchUpDelay(600'000); // only the reconnect below syncs
        Gap gap;
        missAChangeThenChatOn(*store, alice, bob, gap);
        if (QTest::currentTestFailed())
            return;

        // Live changes after the gap came in (a message, her send's reply, receipts), yet
        // neither the cursor nor what is saved of it passed the changes she never got.
        QVERIFY2(alice.client->syncCursor() < gap.firstRev,
                 qPrintable(QStringLiteral("cursor %1, missed rev %2")
                                .arg(alice.client->syncCursor())
                                .arg(gap.firstRev)));
        QVERIFY(alice.settings->lastRev() < gap.firstRev);
        MessageListModel *messages = alice.client->messages();
        QVERIFY(rowWithText(messages, QStringLiteral("hello")) >= 0); // the hide is not here yet

        // After a reconnect she syncs from her cursor and gets the gap (the hide only comes
        // that way: history does not remove rows), each message once.
        const quint16 port = m_server->server().port();
        const QString db = m_server->databasePath();
        m_server.reset();
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);
        startServerAgain(db, port);
        QTRY_COMPARE_WITH_TIMEOUT(rowWithText(messages, QStringLiteral("hello")), -1, 10000);
        QTRY_VERIFY(alice.client->syncCursor() >= gap.lastRev);
        QCOMPARE(alice.settings->lastRev(), alice.client->syncCursor());
        for (const QString &text :
             {QStringLiteral("missed"), QStringLiteral("after the gap"), QStringLiteral("mine")})
            QTRY_COMPARE(countText(messages, text), 1);
    }

    void aCatchUpSyncFollowsLiveChangesInOrder()
    {
        server::SqliteStore *store = startWithOwnStore();
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->setCatchUpDelay(300);
        QSignalSpy signIns(alice.client.get(), &ChatClient::authenticated);
        Gap gap;
        missAChangeThenChatOn(*store, alice, bob, gap);
        if (QTest::currentTestFailed())
            return;
        // Without a reconnect: the catch-up sync brings the gap and the cursor follows.
        MessageListModel *messages = alice.client->messages();
        QTRY_COMPARE_WITH_TIMEOUT(rowWithText(messages, QStringLiteral("hello")), -1, 5000);
        QTRY_VERIFY(alice.client->syncCursor() > gap.lastRev);
        QCOMPARE(alice.settings->lastRev(), alice.client->syncCursor());
        QCOMPARE(countText(messages, QStringLiteral("after the gap")), 1);
        QCOMPARE(countText(messages, QStringLiteral("mine")), 1);
        QCOMPARE(signIns.count(), 0);
        QCOMPARE(alice.client->connection().state(), ConnectionState::Connected);
    }

    void wrongPasswordIsReported()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person other = person(QStringLiteral("wrong") + QString::number(++m_profiles));
        QSignalSpy failed(other.client.get(), &ChatClient::authenticationFailed);
        other.client->signIn(m_server->url(), QStringLiteral("alice"), QStringLiteral("nope-nope"),
                             false);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).value<ProtocolError>().code, ErrorCode::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
