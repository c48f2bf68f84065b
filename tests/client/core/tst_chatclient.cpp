// ChatClient against the real server in-process: two users chat, type and read.
#include "chatclientfixture.h"

using namespace natter;
using namespace natter::client;

class TestChatClient final : public ChatClientFixture
{
    Q_OBJECT

private slots:
    void messageReachesThePeerAndReadTicksComeBack()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        // Strangers: presence is scoped to contacts.
        QVERIFY(!alice.client->people().online()->isOnline(bob.client->session().currentUser().id));

        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("Hi <b>Bob</b>"));
        MessageListModel *aliceMessages = alice.client->conversations().messages();
        QCOMPARE(aliceMessages->rowCount(), 1);
        QTRY_COMPARE(aliceMessages->index(0).data(MessageListModel::DeliveryRole).toInt(),
                     int(DeliveryState::Delivered)); // bob is online
        QVERIFY(alice.client->conversations().openConversationId() > 0);
        // The first message made them contacts.
        QTRY_VERIFY(
            alice.client->people().online()->isOnline(bob.client->session().currentUser().id));
        QTRY_VERIFY(
            bob.client->people().online()->isOnline(alice.client->session().currentUser().id));

        ConversationListModel *bobList = bob.client->conversations().list();
        QTRY_COMPARE(bobList->rowCount(), 1);
        QTRY_COMPARE(bobList->unreadTotal(), 1);
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        QTRY_COMPARE(bob.client->conversations().messages()->rowCount(), 1);
        QCOMPARE(bob.client->conversations()
                     .messages()
                     ->index(0)
                     .data(MessageListModel::TextRole)
                     .toString(),
                 QStringLiteral("Hi <b>Bob</b>"));
        bob.client->conversations().markOpenConversationRead();
        QTRY_COMPARE(bobList->unreadTotal(), 0);
        QTRY_COMPARE(aliceMessages->index(0).data(MessageListModel::DeliveryRole).toInt(),
                     int(DeliveryState::Read));
        QCOMPARE(alice.client->outbox().messages().size(), 0);
    }

    void typingAppearsAndStopsOnSend()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("first"));
        QTRY_COMPARE(bob.client->conversations().list()->rowCount(), 1);
        bob.client->conversations().openConversation(bob.client->conversations()
                                                         .list()
                                                         ->index(0)
                                                         .data(ConversationListModel::IdRole)
                                                         .toLongLong());
        QSignalSpy typing(&bob.client->typing(), &TypingController::typingChanged);
        alice.client->typing().setTyping(true);
        QTRY_VERIFY(!typing.isEmpty());
        QCOMPARE(typing.last().at(1).toString(), QStringLiteral("alice"));
        QVERIFY(typing.last().at(2).toBool());
        alice.client->conversations().sendMessage(QStringLiteral("second"));
        QTRY_VERIFY(!typing.last().at(2).toBool());
    }
};

QTEST_GUILESS_MAIN(TestChatClient)
#include "tst_chatclient.moc"
