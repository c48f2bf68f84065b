// The sync controller against the real server: a long history catches up through the
// server's read limit, and a change the client never got live is never skipped by its
// sync cursor.
#include "chatclientfixture.h"
#include "store/sqlitestore.h"

#include <QUuid>

using namespace natter;
using namespace natter::client;

class TestChatClientSync final : public ChatClientFixture
{
    Q_OBJECT

private:
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
        const qint64 bobId = bob.client->session().currentUser().id;
        alice.client->conversations().startConversationWith(bobId, QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("hello"));
        MessageListModel *messages = alice.client->conversations().messages();
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);
        QTRY_COMPARE(bob.client->conversations().list()->rowCount(), 1);
        const qint64 conversation = alice.client->conversations().openConversationId();
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
        const auto hidden = store.hideForUser(alice.client->session().currentUser().id, helloId);
        QVERIFY(appended.size() == 1 && appended.first().ok() && hidden.ok());
        gap.firstRev = appended.first().value.message.rev;
        gap.lastRev = hidden.value.rev;

        bob.client->conversations().openConversation(conversation);
        bob.client->conversations().sendMessage(QStringLiteral("after the gap"));
        alice.client->conversations().sendMessage(QStringLiteral("mine"));
        QTRY_VERIFY(rowWithText(messages, QStringLiteral("after the gap")) >= 0);
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);
        QTRY_VERIFY(rowWithText(bob.client->conversations().messages(), QStringLiteral("mine")) >=
                    0);
        bob.client->conversations().markOpenConversationRead();
        QTRY_COMPARE(messages->index(rowWithText(messages, QStringLiteral("mine")))
                         .data(MessageListModel::DeliveryRole)
                         .toInt(),
                     int(DeliveryState::Read));
    }

private slots:
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
        QSignalSpy ok(&bob.client->session(), &SessionController::authenticated);
        bob.client->session().signIn(m_server->url(), QStringLiteral("bob"),
                                     QStringLiteral("correct-horse-7"), true);
        QVERIFY(ok.wait(5000));
        // Every page arrived: the sync cursor (moved by sync pages only) passed the last message.
        QTRY_VERIFY_WITH_TIMEOUT(bob.settings->lastRev() >= lastRev, 30'000);
        QCOMPARE(bob.client->conversations().list()->unreadTotal(), kMessages);
        QCOMPARE(errors.size(), 0); // waiting is not an error to show
    }

    void liveChangesNeverMoveTheCursorPastAMissedOne()
    {
        server::SqliteStore *store = startWithOwnStore();
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->sync().setCatchUpDelay(600'000); // only the reconnect below syncs
        Gap gap;
        missAChangeThenChatOn(*store, alice, bob, gap);
        if (QTest::currentTestFailed())
            return;

        // Live changes after the gap came in (a message, her send's reply, receipts), yet
        // neither the cursor nor what is saved of it passed the changes she never got.
        QVERIFY2(alice.client->sync().syncCursor() < gap.firstRev,
                 qPrintable(QStringLiteral("cursor %1, missed rev %2")
                                .arg(alice.client->sync().syncCursor())
                                .arg(gap.firstRev)));
        QVERIFY(alice.settings->lastRev() < gap.firstRev);
        MessageListModel *messages = alice.client->conversations().messages();
        QVERIFY(rowWithText(messages, QStringLiteral("hello")) >= 0); // the hide is not here yet

        // After a reconnect she syncs from her cursor and gets the gap (the hide only comes
        // that way: history does not remove rows), each message once.
        const quint16 port = m_server->server().port();
        const QString db = m_server->databasePath();
        m_server.reset();
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);
        startServerAgain(db, port);
        QTRY_COMPARE_WITH_TIMEOUT(rowWithText(messages, QStringLiteral("hello")), -1, 10000);
        QTRY_VERIFY(alice.client->sync().syncCursor() >= gap.lastRev);
        QCOMPARE(alice.settings->lastRev(), alice.client->sync().syncCursor());
        for (const QString &text :
             {QStringLiteral("missed"), QStringLiteral("after the gap"), QStringLiteral("mine")})
            QTRY_COMPARE(countText(messages, text), 1);
    }

    void aCatchUpSyncFollowsLiveChangesInOrder()
    {
        server::SqliteStore *store = startWithOwnStore();
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->sync().setCatchUpDelay(300);
        QSignalSpy signIns(&alice.client->session(), &SessionController::authenticated);
        Gap gap;
        missAChangeThenChatOn(*store, alice, bob, gap);
        if (QTest::currentTestFailed())
            return;
        // Without a reconnect: the catch-up sync brings the gap and the cursor follows.
        MessageListModel *messages = alice.client->conversations().messages();
        QTRY_COMPARE_WITH_TIMEOUT(rowWithText(messages, QStringLiteral("hello")), -1, 5000);
        QTRY_VERIFY(alice.client->sync().syncCursor() > gap.lastRev);
        QCOMPARE(alice.settings->lastRev(), alice.client->sync().syncCursor());
        QCOMPARE(countText(messages, QStringLiteral("after the gap")), 1);
        QCOMPARE(countText(messages, QStringLiteral("mine")), 1);
        QCOMPARE(signIns.count(), 0);
        QCOMPARE(alice.client->connection().state(), ConnectionState::Connected);
    }
};

QTEST_GUILESS_MAIN(TestChatClientSync)
#include "tst_chatclient_sync.moc"
