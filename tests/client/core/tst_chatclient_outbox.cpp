// Messages written while the server is down are delivered exactly once when it is back,
// also after the client itself was closed and reopened; reads made offline follow.
#include "chatclientfixture.h"

using namespace natter;
using namespace natter::client;

class TestChatClientOutbox final : public ChatClientFixture
{
    Q_OBJECT

private slots:
    void offlineSendsAreDeliveredOnceWhenTheServerReturns()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("before"));
        QTRY_COMPARE(alice.client->outbox().messages().size(), 0);

        const QString db = m_server->databasePath();
        const quint16 port = m_server->server().port();
        m_server.reset(); // the server goes away
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);
        alice.client->conversations().sendMessage(QStringLiteral("while offline"));
        MessageListModel *messages = alice.client->conversations().messages();
        const int row = rowWithText(messages, QStringLiteral("while offline"));
        QVERIFY(row >= 0);
        QCOMPARE(messages->index(row).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Pending));
        QCOMPARE(alice.client->outbox().messages().size(), 1);

        startServerAgain(db, port);
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations().list()->rowCount(), 1, 10000);
        bob.client->conversations().openConversation(bob.client->conversations()
                                                         .list()
                                                         ->index(0)
                                                         .data(ConversationListModel::IdRole)
                                                         .toLongLong());
        QTRY_COMPARE(
            countText(bob.client->conversations().messages(), QStringLiteral("while offline")), 1);
        QCOMPARE(
            countText(alice.client->conversations().messages(), QStringLiteral("while offline")),
            1);
    }

    void aReadMadeOfflineReachesTheServerAfterTheReconnect()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("read me"));
        ConversationListModel *bobList = bob.client->conversations().list();
        QTRY_COMPARE(bobList->unreadTotal(), 1);
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        QTRY_COMPARE(countText(bob.client->conversations().messages(), QStringLiteral("read me")),
                     1);

        const QString db = m_server->databasePath();
        const quint16 port = m_server->server().port();
        m_server.reset(); // the server goes away
        QTRY_COMPARE(bob.client->connection().state(), ConnectionState::Offline);
        bob.client->conversations().markOpenConversationRead(); // read while offline
        startServerAgain(db, port);

        // After the reconnect the list comes from the server again: the read must be there.
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->connection().state(), ConnectionState::Connected,
                                  10'000);
        QTRY_COMPARE_WITH_TIMEOUT(bobList->unreadTotal(), 0, 10'000);
        MessageListModel *aliceMessages = alice.client->conversations().messages();
        QTRY_COMPARE_WITH_TIMEOUT(
            aliceMessages->index(rowWithText(aliceMessages, QStringLiteral("read me")))
                .data(MessageListModel::DeliveryRole)
                .toInt(),
            int(DeliveryState::Read), 10'000);
    }

    // Past the request rate (burst 60, then 30/s) some sends are refused for a moment while
    // later ones would get through: they must still be stored in the order they were written.
    void aBurstPastTheRateLimitIsStoredInOrder()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        constexpr int kBurst = 70;
        constexpr int kTrickle = 40;
        for (int i = 0; i < kBurst + kTrickle; ++i) {
            alice.client->conversations().sendMessage(QStringLiteral("burst %1").arg(i));
            if (i >= kBurst)
                QTest::qWait(5); // tokens come back meanwhile, one every 33 ms
        }
        QTRY_COMPARE_WITH_TIMEOUT(alice.client->outbox().messages().size(), 0, 20'000);
        ConversationListModel *bobList = bob.client->conversations().list();
        QTRY_COMPARE(bobList->rowCount(), 1);
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        MessageListModel *messages = bob.client->conversations().messages();
        QTRY_COMPARE(messages->rowCount(), 50); // the newest page, in the server's order
        qint64 previousId = 0;
        for (int row = 0; row < messages->rowCount(); ++row) {
            const QModelIndex index = messages->index(row);
            QCOMPARE(index.data(MessageListModel::TextRole).toString(),
                     QStringLiteral("burst %1").arg(kBurst + kTrickle - 50 + row));
            QVERIFY(index.data(MessageListModel::IdRole).toLongLong() > previousId);
            previousId = index.data(MessageListModel::IdRole).toLongLong();
        }
    }

    void outboxSurvivesClosingTheClient()
    {
        const QString profile = QStringLiteral("carol-restart");
        qint64 bobId = 0;
        Person bob = signedUp(QStringLiteral("bob"));
        bobId = bob.client->session().currentUser().id;
        {
            Person carol = person(profile);
            QSignalSpy ok(&carol.client->session(), &SessionController::authenticated);
            carol.client->session().registerAccount(m_server->url(), QStringLiteral("carol"),
                                                    QStringLiteral("correct-horse-7"), true);
            QVERIFY(ok.wait(5000));
            const QString db = m_server->databasePath();
            const quint16 port = m_server->server().port();
            m_server.reset();
            QTRY_COMPARE(carol.client->connection().state(), ConnectionState::Offline);
            carol.client->conversations().startConversationWith(bobId, QStringLiteral("bob"));
            carol.client->conversations().sendMessage(
                QStringLiteral("written, then the app was closed"));
            QCOMPARE(carol.client->outbox().messages().size(), 1);
            m_server = std::make_unique<TestServer>();
            m_server->config().databasePath = db;
            m_server->config().port = port;
            carol.client.reset(); // closed before the server came back
        }
        QVERIFY(m_server->start());
        Person again = person(profile);
        QCOMPARE(again.client->outbox().messages().size(), 1);
        QVERIFY(again.client->session().resume());
        QTRY_COMPARE_WITH_TIMEOUT(again.client->outbox().messages().size(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bob.client->conversations().list()->unreadTotal(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestChatClientOutbox)
#include "tst_chatclient_outbox.moc"
