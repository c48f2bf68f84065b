// Message search and jumps to a hit, ChatClient against the real server in-process: the
// search model pages with next_before, sends one request per pause in typing and shows only
// the latest query's answer, says why a search failed; opening a conversation at a message
// loads its neighbours, leaves live messages out until paging down reaches the newest, and
// "jump to latest" reloads the newest page.
#include "chatclientfixture.h"
#include "searchsetup.h"
#include "testclient.h"

#include <QJsonObject>

#include <algorithm>

using namespace natter;
using namespace natter::client;

namespace {

struct Sent
{
    qint64 conversationId = 0;
    QList<qint64> ids; // in the order sent
};

// `sender` sends each text to `to`.
Sent sendAll(TestClient &sender, qint64 to, const QStringList &texts)
{
    Sent out;
    for (const QString &text : texts) {
        const QJsonObject m = sender.sendTo(to, text).value(QStringLiteral("message")).toObject();
        out.conversationId = m.value(QStringLiteral("conversation_id")).toInteger();
        out.ids.append(m.value(QStringLiteral("id")).toInteger());
    }
    return out;
}

QStringList numbered(const QString &prefix, int count)
{
    QStringList out;
    for (int i = 1; i <= count; ++i)
        out.append(prefix + QString::number(i));
    return out;
}

QStringList texts(const QAbstractItemModel *model, int role)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data(role).toString());
    return out;
}

bool isLoaded(MessageListModel *messages, qint64 id)
{
    for (int row = 0; row < messages->rowCount(); ++row) {
        if (messages->index(row).data(MessageListModel::IdRole).toLongLong() == id)
            return true;
    }
    return false;
}

// The loaded ids are in order and, where they were sent in `sent`, a run of it without gaps.
bool aRunOf(MessageListModel *messages, const QList<qint64> &sent)
{
    qint64 previous = 0;
    qsizetype at = -1;
    for (int row = 0; row < messages->rowCount(); ++row) {
        const qint64 id = messages->index(row).data(MessageListModel::IdRole).toLongLong();
        if (id <= previous)
            return false;
        previous = id;
        const qsizetype in = sent.indexOf(id);
        if (in < 0)
            continue;
        if (at >= 0 && in != at + 1)
            return false;
        at = in;
    }
    return true;
}

} // namespace

class TestChatClientSearch : public ChatClientFixture
{
    Q_OBJECT

private:
    // Alice (a ChatClient) with a conversation where bob (raw) sent `texts`.
    Sent aliceHears(Person &alice, TestClient &bob, const QStringList &messages)
    {
        const Sent sent = sendAll(bob, alice.client->session().currentUser().id, messages);
        alice.client->conversations().refreshConversations();
        [&]() { QTRY_COMPARE(alice.client->conversations().list()->rowCount(), 1); }();
        return sent;
    }

    static SearchCriteria query(const QString &text)
    {
        SearchCriteria c;
        c.query = text;
        return c;
    }

private slots:
    void pagesFollowNextBefore()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        QStringList messages = numbered(QStringLiteral("printer "), 7);
        messages += {QStringLiteral("other"), QStringLiteral("café")};
        aliceHears(alice, *bob, messages);
        std::unique_ptr<SearchModel> model(createSearchModel(*alice.client, nullptr));
        model->setPageSize(3);
        model->setCriteria(query(QStringLiteral("printer")));
        model->searchNow();
        QTRY_COMPARE(model->rowCount(), 3);
        QVERIFY(model->hasMore());
        // Newest first, named as this client knows them.
        QCOMPARE(model->index(0).data(SearchModel::TextRole).toString(),
                 QStringLiteral("printer 7"));
        QCOMPARE(model->index(0).data(SearchModel::SenderNameRole).toString(),
                 QStringLiteral("bob"));
        QCOMPARE(model->index(0).data(SearchModel::ConversationNameRole).toString(),
                 QStringLiteral("bob"));
        model->loadMore();
        QTRY_COMPARE(model->rowCount(), 6);
        model->loadMore();
        QTRY_COMPARE(model->rowCount(), 7);
        QTRY_VERIFY(!model->hasMore());
        QStringList newestFirst = numbered(QStringLiteral("printer "), 7);
        std::reverse(newestFirst.begin(), newestFirst.end());
        QCOMPARE(texts(model.get(), SearchModel::TextRole), newestFirst);
        QCOMPARE(model->requestsSent(), 3);
    }

    void typingSendsOneRequestAndOnlyTheLatestIsShown()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        aliceHears(alice, *bob, {QStringLiteral("printer jammed"), QStringLiteral("lunch")});
        std::unique_ptr<SearchModel> model(createSearchModel(*alice.client, nullptr));
        for (const QString &typed : {QStringLiteral("pr"), QStringLiteral("pri"),
                                     QStringLiteral("prin"), QStringLiteral("print")})
            model->setCriteria(query(typed));
        QTRY_VERIFY(model->hasSearched());
        QCOMPARE(model->requestsSent(), 1);
        QCOMPARE(texts(model.get(), SearchModel::TextRole),
                 QStringList{QStringLiteral("printer jammed")});

        // Two requests in flight: the older one's reply comes first and must not show.
        model->setCriteria(query(QStringLiteral("printer")));
        model->searchNow();
        model->setCriteria(query(QStringLiteral("lunch")));
        model->searchNow();
        QTRY_VERIFY(model->hasSearched());
        QTest::qWait(200); // the older reply had every chance to arrive
        QCOMPARE(texts(model.get(), SearchModel::TextRole), QStringList{QStringLiteral("lunch")});
    }

    void failuresAreSaid()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        std::unique_ptr<SearchModel> model(createSearchModel(*alice.client, nullptr));
        // No word to search for: said at once, the server not asked.
        model->setCriteria(query(QStringLiteral("* ?")));
        QVERIFY(model->errorText().contains(QStringLiteral("no words")));
        QCOMPARE(model->requestsSent(), 0);
        // Another's conversation: the server's not_found.
        SearchCriteria elsewhere = query(QStringLiteral("hello"));
        elsewhere.conversationId = 9999;
        model->setCriteria(elsewhere);
        model->searchNow();
        QTRY_COMPARE(model->errorText(), QStringLiteral("That conversation cannot be searched."));
        // Offline.
        m_server.reset();
        QTRY_COMPARE(alice.client->connection().state(), ConnectionState::Offline);
        model->setCriteria(query(QStringLiteral("hello")));
        model->searchNow();
        QTRY_COMPARE(model->errorText(),
                     QStringLiteral("Search needs a connection to the server."));
    }

    void rateLimitedSaysWhenToTryAgain()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("limited.db"));
        m_server->config().userReadBytesPerSecond = 1;
        m_server->config().userReadBurstBytes = 100 * 1024; // a few searches (16 KiB each)
        QVERIFY(m_server->start());
        Person alice = signedUp(QStringLiteral("alice"));
        std::unique_ptr<SearchModel> model(createSearchModel(*alice.client, nullptr));
        for (int i = 0; i < 12 && model->errorText().isEmpty(); ++i) {
            model->setCriteria(query(QStringLiteral("word%1").arg(i)));
            model->searchNow();
            QTRY_VERIFY(model->hasSearched());
        }
        QVERIFY2(model->errorText().startsWith(QStringLiteral("Searching too often: try again in")),
                 qPrintable(model->errorText()));
    }

    void aJumpLoadsAroundTheMessageAndPagesToTheNewest()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const Sent sent = aliceHears(alice, *bob, numbered(QStringLiteral("m"), 130));
        ConversationController &conversations = alice.client->conversations();
        MessageListModel *messages = conversations.messages();
        QSignalSpy focused(&conversations, &ConversationController::messageFocused);

        conversations.openConversationAt(sent.conversationId, sent.ids.at(19)); // "m20"
        QTRY_COMPARE(focused.count(), 1);
        QCOMPARE(focused.at(0).at(0).toLongLong(), sent.ids.at(19));
        QVERIFY(isLoaded(messages, sent.ids.at(19)));
        QVERIFY(isLoaded(messages, sent.ids.at(18)) && isLoaded(messages, sent.ids.at(20)));
        QVERIFY(!isLoaded(messages, sent.ids.back()));
        QVERIFY(conversations.hasNewerMessages());

        // A live message is not put after the loaded ones (there is a gap in between).
        bob->sendTo(alice.client->session().currentUser().id, QStringLiteral("live"));
        QTRY_COMPARE(conversations.list()
                         ->index(0)
                         .data(ConversationListModel::LastMessageTextRole)
                         .toString(),
                     QStringLiteral("live"));
        QCOMPARE(rowWithText(messages, QStringLiteral("live")), -1);

        // Paging down reaches the newest, in order, the live one last.
        for (int i = 0; i < 10 && conversations.hasNewerMessages(); ++i) {
            QSignalSpy newer(&conversations, &ConversationController::newerMessagesLoaded);
            conversations.loadNewerMessages();
            QTRY_COMPARE(newer.count(), 1);
        }
        QVERIFY(!conversations.hasNewerMessages());
        QCOMPARE(
            messages->index(messages->rowCount() - 1).data(MessageListModel::TextRole).toString(),
            QStringLiteral("live"));
        QVERIFY(isLoaded(messages, sent.ids.back()));
        qint64 previous = 0;
        for (int row = 0; row < messages->rowCount(); ++row) {
            const qint64 id = messages->index(row).data(MessageListModel::IdRole).toLongLong();
            QVERIFY(id > previous);
            previous = id;
        }
        // Now live messages arrive at the end again.
        bob->sendTo(alice.client->session().currentUser().id, QStringLiteral("live 2"));
        QTRY_COMPARE(rowWithText(messages, QStringLiteral("live 2")), messages->rowCount() - 1);

        // From the newest page, jump far back again, then to the latest: the newest page again.
        conversations.openConversation(sent.conversationId);
        QTRY_VERIFY(isLoaded(messages, sent.ids.back()));
        QVERIFY(!isLoaded(messages, sent.ids.at(4)));
        conversations.openConversationAt(sent.conversationId, sent.ids.at(4));
        QTRY_COMPARE(focused.count(), 2);
        QVERIFY(conversations.hasNewerMessages());
        QVERIFY(!isLoaded(messages, sent.ids.back()));
        conversations.jumpToLatest();
        QVERIFY(!conversations.hasNewerMessages());
        QTRY_COMPARE(rowWithText(messages, QStringLiteral("live 2")), messages->rowCount() - 1);
        QVERIFY(!isLoaded(messages, sent.ids.at(4)));
    }

    // A long history stays in memory only near the reader: scrolling up to the first message
    // forgets the newest (live messages wait on the server meanwhile), scrolling down again
    // brings them back and forgets the oldest; no message is missing or shown twice.
    void aLongHistoryKeepsOnlyTheRowsNearTheReader()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const Sent sent = aliceHears(alice, *bob, numbered(QStringLiteral("m"), 240));
        ConversationController &conversations = alice.client->conversations();
        conversations.setKeepLoaded(100);
        MessageListModel *messages = conversations.messages();
        conversations.openConversation(sent.conversationId);
        QTRY_VERIFY(isLoaded(messages, sent.ids.back()));

        for (int i = 0; i < 20 && !isLoaded(messages, sent.ids.first()); ++i) {
            QSignalSpy older(&conversations, &ConversationController::olderMessagesLoaded);
            conversations.loadOlderMessages();
            QTRY_COMPARE(older.count(), 1);
            QVERIFY(older.at(0).at(0).toInt() > 0);
            QVERIFY(messages->rowCount() <= 100);
            QVERIFY(aRunOf(messages, sent.ids));
        }
        QVERIFY(isLoaded(messages, sent.ids.first()));
        QVERIFY(!isLoaded(messages, sent.ids.back()));
        QVERIFY(conversations.hasNewerMessages());

        bob->sendTo(alice.client->session().currentUser().id, QStringLiteral("live"));
        QTRY_COMPARE(conversations.list()
                         ->index(0)
                         .data(ConversationListModel::LastMessageTextRole)
                         .toString(),
                     QStringLiteral("live"));
        QCOMPARE(rowWithText(messages, QStringLiteral("live")), -1);

        for (int i = 0; i < 20 && conversations.hasNewerMessages(); ++i) {
            QSignalSpy newer(&conversations, &ConversationController::newerMessagesLoaded);
            conversations.loadNewerMessages();
            QTRY_COMPARE(newer.count(), 1);
            QVERIFY(messages->rowCount() <= 100);
            QVERIFY(aRunOf(messages, sent.ids));
        }
        QVERIFY(!conversations.hasNewerMessages());
        QCOMPARE(rowWithText(messages, QStringLiteral("live")), messages->rowCount() - 1);
        QVERIFY(isLoaded(messages, sent.ids.back()));
        QVERIFY(!isLoaded(messages, sent.ids.first()));

        // The forgotten oldest come back when the reader scrolls up again.
        QSignalSpy older(&conversations, &ConversationController::olderMessagesLoaded);
        conversations.loadOlderMessages();
        QTRY_COMPARE(older.count(), 1);
        QVERIFY(older.at(0).at(0).toInt() > 0);
        QVERIFY(aRunOf(messages, sent.ids));
    }

    void aJumpToALoadedMessageLoadsNothing()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        auto bob = m_server->user(QStringLiteral("bob"));
        const Sent sent = aliceHears(alice, *bob, numbered(QStringLiteral("m"), 5));
        ConversationController &conversations = alice.client->conversations();
        conversations.openConversation(sent.conversationId);
        QTRY_COMPARE(conversations.messages()->rowCount(), 5);
        QSignalSpy focused(&conversations, &ConversationController::messageFocused);
        QSignalSpy opened(&conversations, &ConversationController::conversationOpened);
        conversations.openConversationAt(sent.conversationId, sent.ids.at(1));
        QCOMPARE(focused.count(), 1); // at once
        QCOMPARE(opened.count(), 0);
        QVERIFY(!conversations.hasNewerMessages());
    }
};

QTEST_GUILESS_MAIN(TestChatClientSearch)
#include "tst_chatclient_search.moc"
