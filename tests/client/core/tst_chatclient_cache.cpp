// The local cache with the real server: after a restart the conversations and history are
// there before the server answers (and while it is down), a message written meanwhile waits
// in the outbox, the sync asks only for what is new, a damaged cache is rebuilt, and another
// account on the same profile sees nothing of the previous one.
#include "chatclientfixture.h"

#include <QDateTime>
#include <QFile>

using namespace natter;
using namespace natter::client;

namespace {

qint64 idOf(MessageListModel *model, const QString &text)
{
    const int row = rowWithText(model, text);
    return row < 0 ? 0 : model->index(row).data(MessageListModel::IdRole).toLongLong();
}

qint64 newestRev(MessageListModel *model)
{
    qint64 rev = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        rev = qMax(rev, model->index(i).data(MessageListModel::RevisionRole).toLongLong());
    return rev;
}

int messagesIn(const QSignalSpy &pages)
{
    int n = 0;
    for (const QList<QVariant> &page : pages)
        n += page.at(1).toInt();
    return n;
}

// Read and write for the owner, nothing for the group or others (QFile's "User" bits mirror
// the owner's for the current user and are left out).
QFileDevice::Permissions modeOf(const QString &path)
{
    return QFile::permissions(path) &
           ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestChatClientCache final : public ChatClientFixture
{
    Q_OBJECT

private:
    // The app closed and started again on the same profile (the token is remembered).
    Person restart(Person &someone)
    {
        const QString profile = someone.settings->profile();
        someone.client.reset();
        someone.settings.reset();
        return person(profile);
    }

    // Alice writes to bob, who opens the conversation; returns its id.
    qint64 chat(Person &alice, Person &bob, const QStringList &texts)
    {
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        for (const QString &text : texts)
            alice.client->conversations().sendMessage(text);
        [&]() { QTRY_COMPARE(alice.client->outbox().messages().size(), 0); }();
        ConversationListModel *bobList = bob.client->conversations().list();
        [&]() { QTRY_COMPARE(bobList->rowCount(), 1); }();
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        return alice.client->conversations().openConversationId();
    }

    // Until the sync cursor (and the cache with it) covers everything alice has seen.
    void waitUntilCaughtUp(Person &alice)
    {
        const qint64 rev = newestRev(alice.client->conversations().messages());
        QTRY_VERIFY_WITH_TIMEOUT(alice.client->sync().syncCursor() >= rev, 5000);
        QCOMPARE(alice.client->cache().rev(), alice.client->sync().syncCursor());
    }

private slots:
    void historyIsReadableOfflineAfterARestartAndSendsWait()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 conversation =
            chat(alice, bob,
                 {QStringLiteral("hello"), QStringLiteral("to edit"),
                  QStringLiteral("to delete for everyone"), QStringLiteral("to hide")});
        QVERIFY(conversation > 0);
        bob.client->conversations().sendMessage(QStringLiteral("hi alice"));
        MessageListModel *messages = alice.client->conversations().messages();
        QTRY_VERIFY(rowWithText(messages, QStringLiteral("hi alice")) >= 0);
        // Edits and deletes reach the cache too.
        ConversationController &conversations = alice.client->conversations();
        conversations.editMessage(idOf(messages, QStringLiteral("to edit")),
                                  QStringLiteral("edited"));
        conversations.deleteMessage(idOf(messages, QStringLiteral("to delete for everyone")), true);
        conversations.deleteMessage(idOf(messages, QStringLiteral("to hide")), false);
        QTRY_VERIFY(rowWithText(messages, QStringLiteral("edited")) >= 0);
        QTRY_COMPARE(rowWithText(messages, QStringLiteral("to hide")), -1);
        QTRY_COMPARE(rowWithText(messages, QStringLiteral("to delete for everyone")), -1);

        // The server goes down; the app is closed and started again.
        const QString db = m_server->databasePath();
        const quint16 port = m_server->server().port();
        m_server.reset();
        Person again = restart(alice);
        QVERIFY(again.client->session().resume());
        QVERIFY(again.client->connection().state() != ConnectionState::Connected);
        ConversationListModel *list = again.client->conversations().list();
        QCOMPARE(list->rowCount(), 1);
        QCOMPARE(list->index(0).data(ConversationListModel::PeerNameRole).toString(),
                 QStringLiteral("bob"));
        QCOMPARE(list->index(0).data(ConversationListModel::LastMessageTextRole).toString(),
                 QStringLiteral("hi alice"));
        again.client->conversations().openConversation(conversation);
        MessageListModel *cached = again.client->conversations().messages();
        QCOMPARE(cached->rowCount(), 4); // hello, edited, the deleted one, hi alice
        const int hello = rowWithText(cached, QStringLiteral("hello"));
        QVERIFY(hello >= 0);
        QVERIFY(cached->index(hello).data(MessageListModel::IsOwnRole).toBool());
        const int edited = rowWithText(cached, QStringLiteral("edited"));
        QVERIFY(edited >= 0);
        QVERIFY(cached->index(edited).data(MessageListModel::EditedRole).toBool());
        QVERIFY(cached->index(2).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(rowWithText(cached, QStringLiteral("to hide")), -1);
        QCOMPARE(rowWithText(cached, QStringLiteral("hi alice")), 3);

        // Written while the server is down: queued, delivered once when it is back.
        again.client->conversations().sendMessage(QStringLiteral("written offline"));
        QCOMPARE(again.client->outbox().messages().size(), 1);
        const int pending = rowWithText(cached, QStringLiteral("written offline"));
        QVERIFY(pending >= 0);
        QCOMPARE(cached->index(pending).data(MessageListModel::DeliveryRole).toInt(),
                 int(DeliveryState::Pending));
        startServerAgain(db, port);
        QTRY_COMPARE_WITH_TIMEOUT(again.client->outbox().messages().size(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            countText(bob.client->conversations().messages(), QStringLiteral("written offline")), 1,
            10000);
        QCOMPARE(countText(cached, QStringLiteral("written offline")), 1);
        QCOMPARE(countText(cached, QStringLiteral("hello")), 1);
    }

    void aRestartSyncsOnlyWhatIsNew()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->sync().setCatchUpDelay(50);
        QStringList texts;
        for (int i = 0; i < 12; ++i)
            texts.append(QStringLiteral("seen %1").arg(i));
        const qint64 conversation = chat(alice, bob, texts);
        waitUntilCaughtUp(alice);
        if (QTest::currentTestFailed())
            return;
        const qint64 cachedRev = alice.client->sync().syncCursor();
        QVERIFY(cachedRev > 0);
        Person again = restart(alice);

        for (int i = 0; i < 3; ++i)
            bob.client->conversations().sendMessage(QStringLiteral("new %1").arg(i));
        QTRY_COMPARE(bob.client->outbox().messages().size(), 0);

        QSignalSpy pages(&again.client->sync(), &SyncController::pageReceived);
        QVERIFY(again.client->session().resume());
        QCOMPARE(again.client->sync().syncCursor(), cachedRev);
        // Before the server answers: the history is there.
        again.client->conversations().openConversation(conversation);
        MessageListModel *messages = again.client->conversations().messages();
        QCOMPARE(messages->rowCount(), 12);
        QTRY_VERIFY(again.client->sync().syncCursor() > cachedRev);
        QVERIFY(!pages.isEmpty());
        QCOMPARE(pages.first().at(0).toLongLong(), cachedRev); // asked from the cached rev
        QCOMPARE(messagesIn(pages), 3);                        // and got only the new ones
        for (int i = 0; i < 3; ++i)
            QTRY_COMPARE(countText(messages, QStringLiteral("new %1").arg(i)), 1);
        QCOMPARE(countText(messages, QStringLiteral("seen 0")), 1);
    }

    void olderPagesComeFromTheCacheWhileTheServerIsDown()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        QStringList texts;
        for (int i = 0; i < 70; ++i)
            texts.append(QStringLiteral("page test %1").arg(i));
        const qint64 conversation = chat(alice, bob, texts);
        m_server.reset();
        Person again = restart(alice);
        QVERIFY(again.client->session().resume());
        ConversationController &conversations = again.client->conversations();
        conversations.openConversation(conversation);
        MessageListModel *messages = conversations.messages();
        QCOMPARE(messages->rowCount(), 50); // the newest page
        QCOMPARE(rowWithText(messages, QStringLiteral("page test 20")), 0);
        QSignalSpy older(&conversations, &ConversationController::olderMessagesLoaded);
        conversations.loadOlderMessages();
        QCOMPARE(older.size(), 1);
        QCOMPARE(older.first().at(0).toInt(), 20);
        QCOMPARE(messages->rowCount(), 70);
        QCOMPARE(rowWithText(messages, QStringLiteral("page test 0")), 0);
    }

    // A long history read offline: the newest rows forgotten on the way up come back from the
    // cache on the way down, in order, without the server.
    void forgottenRowsComeBackFromTheCacheWhileTheServerIsDown()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        QStringList texts;
        for (int i = 0; i < 170; ++i)
            texts.append(QStringLiteral("long %1").arg(i));
        const qint64 conversation = chat(alice, bob, texts);
        m_server.reset();
        Person again = restart(alice);
        QVERIFY(again.client->session().resume());
        ConversationController &conversations = again.client->conversations();
        conversations.setKeepLoaded(80);
        conversations.openConversation(conversation);
        MessageListModel *messages = conversations.messages();
        QCOMPARE(messages->rowCount(), 50);
        for (int i = 0; i < 5 && rowWithText(messages, QStringLiteral("long 0")) < 0; ++i) {
            conversations.loadOlderMessages();
            QVERIFY(messages->rowCount() <= 80);
        }
        QCOMPARE(rowWithText(messages, QStringLiteral("long 0")), 0);
        QCOMPARE(rowWithText(messages, QStringLiteral("long 169")), -1);
        QVERIFY(conversations.hasNewerMessages());

        QSignalSpy newer(&conversations, &ConversationController::newerMessagesLoaded);
        for (int i = 0; i < 5 && rowWithText(messages, QStringLiteral("long 169")) < 0; ++i) {
            conversations.loadNewerMessages(); // at once, from the cache
            QCOMPARE(newer.size(), i + 1);
            QVERIFY(messages->rowCount() <= 80);
        }
        QCOMPARE(rowWithText(messages, QStringLiteral("long 169")), messages->rowCount() - 1);
        QCOMPARE(rowWithText(messages, QStringLiteral("long 0")), -1);
        for (int row = 1; row < messages->rowCount(); ++row) {
            QCOMPARE(messages->index(row).data(MessageListModel::TextRole).toString(),
                     QStringLiteral("long %1").arg(170 - messages->rowCount() + row));
        }
    }

    // A first catch-up brings a long history oldest first while its conversation is open:
    // what is older than the loaded run waits for paging up (no gap below the loaded
    // messages), and what is newer joins it with the run kept to its size (it used to keep
    // every message: ~40 MB for a 100,000-message conversation).
    void aCatchUpWhileOpenKeepsTheLoadedRunWholeAndBounded()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        QStringList texts;
        for (int i = 0; i < 60; ++i)
            texts.append(QStringLiteral("run %1").arg(i));
        const qint64 conversation = chat(alice, bob, texts);
        ConversationController &conversations = bob.client->conversations();
        conversations.setKeepLoaded(80);
        MessageListModel *messages = conversations.messages();
        QTRY_COMPARE(messages->rowCount(), 50); // the newest page: run 10 .. run 59
        const qint64 oldest = idOf(messages, QStringLiteral("run 10"));
        const qint64 newest = idOf(messages, QStringLiteral("run 59"));
        QVERIFY(oldest > 0 && newest > oldest);

        Message m;
        m.conversationId = conversation;
        m.senderId = alice.client->session().currentUser().id;
        m.createdAt = QDateTime::currentMSecsSinceEpoch();
        m.id = idOf(messages, QStringLiteral("run 10")) - 5; // "run 5", as a sync page has it
        m.content = QStringLiteral("run 5");
        m.rev = newestRev(messages) + 1;
        conversations.applyNewMessage(m, false);
        QCOMPARE(messages->rowCount(), 50);
        QCOMPARE(rowWithText(messages, QStringLiteral("run 5")), -1);

        for (int i = 0; i < 300; ++i) {
            m.id = newest + 1 + i;
            m.clientId = QUuid::createUuid();
            m.content = QStringLiteral("later %1").arg(i);
            ++m.rev;
            conversations.applyNewMessage(m, false);
            QVERIFY(messages->rowCount() <= 80 + limits::kDefaultHistoryPage);
        }
        QCOMPARE(rowWithText(messages, QStringLiteral("later 299")), messages->rowCount() - 1);
        QCOMPARE(rowWithText(messages, QStringLiteral("run 59")), -1); // dropped from memory
        for (int row = 1; row < messages->rowCount(); ++row) {         // one run, no gap
            QCOMPARE(messages->index(row).data(MessageListModel::IdRole).toLongLong(),
                     messages->index(row - 1).data(MessageListModel::IdRole).toLongLong() + 1);
        }
    }

    void olderPagesComeFromTheCacheOnceItIsComplete()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->sync().setCatchUpDelay(50);
        QStringList texts;
        for (int i = 0; i < 70; ++i)
            texts.append(QStringLiteral("complete %1").arg(i));
        const qint64 conversation = chat(alice, bob, texts);
        waitUntilCaughtUp(alice);
        if (QTest::currentTestFailed())
            return;
        Person again = restart(alice);
        QSignalSpy pages(&again.client->sync(), &SyncController::pageReceived);
        QVERIFY(again.client->session().resume());
        QTRY_VERIFY(!pages.isEmpty()); // online, caught up
        ConversationController &conversations = again.client->conversations();
        conversations.openConversation(conversation);
        QSignalSpy older(&conversations, &ConversationController::olderMessagesLoaded);
        conversations.loadOlderMessages();
        QCOMPARE(older.size(), 1); // at once: no history request
        QCOMPARE(older.first().at(0).toInt(), 20);
        conversations.loadOlderMessages(); // the first message is shown: nothing more to ask
        QCOMPARE(older.size(), 1);
        QCOMPARE(rowWithText(conversations.messages(), QStringLiteral("complete 0")), 0);
    }

    void aRefusedRememberedLoginHidesItsCache()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        chat(alice, bob, {QStringLiteral("hello")});
        const QString profile = alice.settings->profile();
        alice.client.reset();
        alice.settings.reset();
        // The server no longer takes the remembered token (revoked, expired).
        Person again;
        again.settings = std::make_unique<ProfileSettings>(profile);
        again.settings->setToken(QStringLiteral("revoked-token-revoked-token-revoked"));
        again.client = std::make_unique<ChatClient>(*again.settings);
        QSignalSpy refused(&again.client->session(), &SessionController::authenticationFailed);
        QVERIFY(again.client->session().resume());
        QCOMPARE(again.client->conversations().list()->rowCount(), 1); // shown meanwhile
        QVERIFY(refused.wait(5000));
        QCOMPARE(again.client->conversations().list()->rowCount(), 0);
        QVERIFY(!again.client->cache().isOpen());
        QCOMPARE(again.client->session().currentUser().id, 0);
    }

    void aDamagedCacheIsRebuiltFromTheServer()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->sync().setCatchUpDelay(50);
        const qint64 conversation = chat(alice, bob, {QStringLiteral("before the damage")});
        waitUntilCaughtUp(alice);
        if (QTest::currentTestFailed())
            return;
        const QString path = alice.client->cache().path();
        QVERIFY(QFile::exists(path));
        Person again = restart(alice);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray("not a database\n").repeated(500));
        }

        QSignalSpy pages(&again.client->sync(), &SyncController::pageReceived);
        QVERIFY(again.client->session().resume());
        QVERIFY(again.client->cache().wasReplaced());
        QCOMPARE(again.client->conversations().list()->rowCount(), 0);
        QCOMPARE(again.client->sync().syncCursor(), 0);
        QTRY_COMPARE(again.client->conversations().list()->rowCount(), 1);
        QTRY_VERIFY(!pages.isEmpty());
        QCOMPARE(pages.first().at(0).toLongLong(), 0); // everything, again
        again.client->conversations().openConversation(conversation);
        QTRY_COMPARE(countText(again.client->conversations().messages(),
                               QStringLiteral("before the damage")),
                     1);
        QTRY_VERIFY(again.client->cache().rev() > 0);

        // The rebuilt cache serves the next start.
        m_server.reset();
        Person third = restart(again);
        QVERIFY(third.client->session().resume());
        QVERIFY(!third.client->cache().wasReplaced());
        third.client->conversations().openConversation(conversation);
        QCOMPARE(countText(third.client->conversations().messages(),
                           QStringLiteral("before the damage")),
                 1);
    }

    void anotherAccountOnTheSameProfileSeesNothingOfThePrevious()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        alice.client->sync().setCatchUpDelay(50);
        chat(alice, bob, {QStringLiteral("alice's secret")});
        waitUntilCaughtUp(alice);
        if (QTest::currentTestFailed())
            return;
        const QString alicesCache = alice.client->cache().path();
        QCOMPARE(modeOf(alicesCache), kOwnerOnly);

        // Closed without signing out; carol signs in on the same profile.
        Person carol = restart(alice);
        QSignalSpy pages(&carol.client->sync(), &SyncController::pageReceived);
        QSignalSpy ok(&carol.client->session(), &SessionController::authenticated);
        carol.client->session().registerAccount(m_server->url(), QStringLiteral("carol"),
                                                QStringLiteral("correct-horse-7"), true);
        QVERIFY(ok.wait(5000));
        QTRY_VERIFY(!pages.isEmpty());
        QCOMPARE(pages.first().at(0).toLongLong(), 0); // her own cursor, not alice's
        QCOMPARE(messagesIn(pages), 0);
        QCOMPARE(carol.client->conversations().list()->rowCount(), 0);
        const QString carolsCache = carol.client->cache().path();
        QVERIFY(carolsCache != alicesCache);

        // Signing out removes that account's cache from the profile; alice's stays hers.
        carol.client->session().signOut();
        QVERIFY(!QFile::exists(carolsCache));
        QVERIFY(QFile::exists(alicesCache));
        QCOMPARE(carol.client->conversations().list()->rowCount(), 0);
    }
};

QTEST_MAIN(TestChatClientCache)
#include "tst_chatclient_cache.moc"
