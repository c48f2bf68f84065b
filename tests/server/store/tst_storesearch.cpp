// Search in the store (chatstore.h's search and historyAfter), built once per backend
// (tst_search_sqlite, tst_search_postgres): both must answer every query alike.
#include "protocollimits.h"
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::server;

class TestStoreSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    std::unique_ptr<ChatStore> m_store;
    qint64 m_alice = 0, m_bob = 0, m_carol = 0;
    qint64 m_now = 1764000000000;

    ChatStore &store() { return *m_store; }

    Message send(qint64 from, qint64 to, const QString &text)
    {
        return storetest::sendMessage(store(), from, to, text, ++m_now).message;
    }

    // `count` messages in one batch, their texts `pattern` with 0, 1, ... for %1.
    bool sendMany(qint64 from, qint64 to, int count, const QString &pattern)
    {
        QList<NewMessage> batch;
        for (int i = 0; i < count; ++i) {
            NewMessage n;
            n.senderId = from;
            n.recipientId = to;
            n.clientId = QUuid::createUuid();
            n.content = pattern.arg(i);
            n.createdAt = ++m_now;
            batch.append(n);
        }
        for (const auto &r : store().appendMessages(batch))
            if (!r.ok())
                return false;
        return true;
    }

    SearchPage find(qint64 user, const QString &query, SearchScope scope = {})
    {
        ProtocolError error;
        const auto terms = searchtext::parseQuery(query, &error);
        if (!terms)
            qFatal("bad query %s: %s", qPrintable(query), qPrintable(error.message));
        scope.userId = user;
        scope.terms = *terms;
        if (scope.limit == 0)
            scope.limit = limits::kDefaultSearchPage;
        const auto page = store().search(scope);
        if (!page.ok())
            qFatal("search failed: %s", qPrintable(page.detail));
        return page.value;
    }

    static QStringList texts(const SearchPage &page)
    {
        QStringList out;
        for (const Message &m : page.messages)
            out.append(m.content);
        return out;
    }

private slots:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_db->available(&why), qPrintable(why));
        qInfo("store backend: %s", qPrintable(m_db->backend()));
    }

    void init()
    {
        QString why;
        QVERIFY2(m_db->create(&why), qPrintable(why));
        m_store = m_db->newStore();
        const auto opened = store().open();
        QVERIFY2(opened.ok(), qPrintable(opened.detail));
        m_alice = storetest::makeUser(store(), QStringLiteral("alice"), m_now);
        m_bob = storetest::makeUser(store(), QStringLiteral("bob"), m_now);
        m_carol = storetest::makeUser(store(), QStringLiteral("carol"), m_now);
    }

    void cleanup()
    {
        m_store.reset();
        m_db->drop();
    }

    void wordsPrefixesAndPhrasesNewestFirst()
    {
        send(m_alice, m_bob, QStringLiteral("The printer on floor 2 is jammed"));
        send(m_bob, m_alice, QStringLiteral("Printer link: http://printer.lan/setup"));
        send(m_alice, m_bob, QStringLiteral("lunch at noon?"));
        QCOMPARE(texts(find(m_alice, QStringLiteral("printer"))),
                 QStringList({QStringLiteral("Printer link: http://printer.lan/setup"),
                              QStringLiteral("The printer on floor 2 is jammed")}));
        // The word being typed matches as a prefix; a finished one (trailing space) does not.
        QCOMPARE(find(m_alice, QStringLiteral("PRINT")).messages.size(), 2);
        QCOMPARE(find(m_alice, QStringLiteral("print ")).messages.size(), 0);
        // Every term must match; a quoted phrase keeps its words in order.
        QCOMPARE(texts(find(m_bob, QStringLiteral("printer jam"))),
                 QStringList{QStringLiteral("The printer on floor 2 is jammed")});
        QCOMPARE(find(m_bob, QStringLiteral("\"printer link\"")).messages.size(), 1);
        QCOMPARE(find(m_bob, QStringLiteral("\"link printer\"")).messages.size(), 0);
        QCOMPARE(find(m_bob, QStringLiteral("printer.lan/setup")).messages.size(), 1);
    }

    // The word being typed matches through its completions in the index: a few of them all,
    // none nothing; with too many (SQLite) it matches as a whole word until more is typed.
    void aWordBeingTypedMatchesItsCompletions()
    {
        send(m_alice, m_bob, QStringLiteral("zz alone"));
        QVERIFY(sendMany(m_alice, m_bob, limits::kSearchPrefixCompletions + 6,
                         QStringLiteral("zz%1 item")));
        SearchScope scope;
        scope.limit = limits::kMaxSearchPage;
        // zz6, zz60 ... zz69: eleven words, each in one message.
        QCOMPARE(find(m_bob, QStringLiteral("zz6"), scope).messages.size(), 11);
        QCOMPARE(find(m_bob, QStringLiteral("item zz6"), scope).messages.size(), 11);
        QCOMPARE(find(m_bob, QStringLiteral("zq"), scope).messages.size(), 0);
        const SearchPage all = find(m_bob, QStringLiteral("zz"), scope);
        if (m_db->backend() == QLatin1String("sqlite"))
            QCOMPARE(texts(all), QStringList{QStringLiteral("zz alone")});
        else // PostgreSQL's prefix query has no such bound
            QCOMPARE(all.messages.size(), limits::kMaxSearchPage);
    }

    void accentsCaseAndOtherScripts()
    {
        send(m_alice, m_bob, QStringLiteral("Un café crème, s'il vous plaît"));
        send(m_alice, m_bob, QStringLiteral("Привет, мир! Встреча в ПЯТНИЦУ"));
        send(m_alice, m_bob, QStringLiteral("Καλημέρα κόσμε"));
        send(m_alice, m_bob, QStringLiteral("今天打印机坏了。"));
        send(m_alice, m_bob, QStringLiteral("プリンターが壊れた"));
        QCOMPARE(find(m_bob, QStringLiteral("cafe creme")).messages.size(), 1);
        QCOMPARE(find(m_bob, QStringLiteral("CAFÉ")).messages.size(), 1);
        QCOMPARE(find(m_bob, QStringLiteral("пятницу")).messages.size(), 1);
        QCOMPARE(find(m_bob, QStringLiteral("мир")).messages.size(), 1);
        QCOMPARE(find(m_bob, QStringLiteral("καλημερα")).messages.size(), 1);
        // Ideographs and kana are found inside a run written without spaces.
        QCOMPARE(find(m_bob, QStringLiteral("打印机")).messages.size(), 1);
        QCOMPARE(find(m_bob, QStringLiteral("打机")).messages.size(), 0);
        QCOMPARE(find(m_bob, QStringLiteral("プリンター")).messages.size(), 1);
    }

    void onlyTheUsersOwnConversationsAndNothingTheyHid()
    {
        const Message secret = send(m_alice, m_bob, QStringLiteral("the vault code is 4711"));
        send(m_carol, m_alice, QStringLiteral("carol asks about the vault"));
        QCOMPARE(find(m_carol, QStringLiteral("vault")).messages.size(), 1);
        QCOMPARE(find(m_alice, QStringLiteral("vault")).messages.size(), 2);
        QCOMPARE(find(m_carol, QStringLiteral("4711")).messages.size(), 0);
        // Someone else's conversation, named: not found (it does not exist for them).
        SearchScope scope;
        scope.userId = m_carol;
        scope.conversationId = secret.conversationId;
        scope.limit = 10;
        ProtocolError error;
        scope.terms = *searchtext::parseQuery(QStringLiteral("vault"), &error);
        QCOMPARE(store().search(scope).failure, StoreFailure::NotFound);

        QVERIFY(store().hideForUser(m_bob, secret.id).ok());
        QCOMPARE(find(m_bob, QStringLiteral("vault")).messages.size(), 0);
        QCOMPARE(find(m_alice, QStringLiteral("4711")).messages.size(), 1);
    }

    void editsAndDeletesKeepTheIndexRight()
    {
        const Message m = send(m_alice, m_bob, QStringLiteral("meeting on tuesday"));
        QVERIFY(store().editMessage(m.id, QStringLiteral("meeting on thursday"), ++m_now).ok());
        QCOMPARE(find(m_bob, QStringLiteral("tuesday")).messages.size(), 0);
        const auto found = find(m_bob, QStringLiteral("thursday"));
        QCOMPARE(texts(found), QStringList{QStringLiteral("meeting on thursday")});
        QVERIFY(store().deleteForEveryone(m.id, ++m_now).ok());
        QCOMPARE(find(m_bob, QStringLiteral("meeting")).messages.size(), 0);
        QCOMPARE(find(m_alice, QStringLiteral("thursday")).messages.size(), 0);
        // The index still answers for the others after the delete.
        send(m_bob, m_alice, QStringLiteral("new meeting"));
        QCOMPARE(find(m_alice, QStringLiteral("meeting")).messages.size(), 1);
    }

    // SQLite indexes new messages in steps (a batch indexes what waits once enough does):
    // edits and deletes on either side of where the index has got to leave it right, and a
    // step that the writer's own connection takes is seen by this one.
    void editsAndDeletesOnEitherSideOfAStep()
    {
        const Message early = send(m_alice, m_bob, QStringLiteral("alpha one"));
        QCOMPARE(find(m_bob, QStringLiteral("alpha")).messages.size(), 1); // indexed by now
        QVERIFY(store().editMessage(early.id, QStringLiteral("beta one"), ++m_now).ok());
        QVERIFY(store().editMessage(early.id, QStringLiteral("gamma one"), ++m_now).ok());
        const Message late = send(m_alice, m_bob, QStringLiteral("delta two"));
        const Message gone = send(m_alice, m_bob, QStringLiteral("epsilon three"));
        QVERIFY(store().editMessage(late.id, QStringLiteral("zeta two"), ++m_now).ok());
        QVERIFY(store().deleteForEveryone(gone.id, ++m_now).ok());

        auto writer = store().sibling(); // a second connection where the store has one
        if (writer)
            QVERIFY(writer->open().ok());
        ChatStore &w = writer ? *writer : store();
        QList<NewMessage> batch;
        for (int i = 0; i < 4100; ++i) // more than a step
            batch.append(NewMessage{m_bob, 0, m_alice, QUuid::createUuid(),
                                    QStringLiteral("bulk %1").arg(i), ++m_now});
        for (const auto &r : w.appendMessages(batch))
            QVERIFY(r.ok());
        const Message last = send(m_bob, m_alice, QStringLiteral("omega four"));
        QVERIFY(store().editMessage(last.id, QStringLiteral("omega five"), ++m_now).ok());

        for (const QString &word :
             {QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("delta"),
              QStringLiteral("epsilon"), QStringLiteral("four")})
            QVERIFY2(find(m_bob, word).messages.isEmpty(), qPrintable(word));
        QCOMPARE(texts(find(m_bob, QStringLiteral("gamma"))),
                 QStringList{QStringLiteral("gamma one")});
        QCOMPARE(texts(find(m_bob, QStringLiteral("zeta"))),
                 QStringList{QStringLiteral("zeta two")});
        QCOMPARE(texts(find(m_bob, QStringLiteral("omega"))),
                 QStringList{QStringLiteral("omega five")});
        QCOMPARE(texts(find(m_alice, QStringLiteral("\"bulk 4099\""))),
                 QStringList{QStringLiteral("bulk 4099")});
        QCOMPARE(find(m_alice, QStringLiteral("\"bulk 17\"")).messages.size(), 1); // once
        // And the edit of a message the step reached changes its entry.
        const Message stepped = w.message(last.id - 1).value; // "bulk 4099"
        QVERIFY(store().editMessage(stepped.id, QStringLiteral("bulky"), ++m_now).ok());
        QVERIFY(find(m_alice, QStringLiteral("\"bulk 4099\"")).messages.isEmpty());
        QCOMPARE(find(m_alice, QStringLiteral("bulky")).messages.size(), 1);
    }

    void filtersAndPages()
    {
        const Message first = send(m_alice, m_bob, QStringLiteral("report one"));
        send(m_bob, m_alice, QStringLiteral("report two"));
        const Message other = send(m_alice, m_carol, QStringLiteral("report three"));
        send(m_alice, m_bob, QStringLiteral("report four"));
        SearchScope scope;
        scope.conversationId = first.conversationId;
        QCOMPARE(find(m_alice, QStringLiteral("report"), scope).messages.size(), 3);
        scope = {};
        scope.senderId = m_bob;
        QCOMPARE(texts(find(m_alice, QStringLiteral("report"), scope)),
                 QStringList{QStringLiteral("report two")});
        scope = {};
        scope.afterTime = other.createdAt;
        QCOMPARE(find(m_alice, QStringLiteral("report"), scope).messages.size(), 2);
        scope = {};
        scope.beforeTime = other.createdAt;
        QCOMPARE(find(m_alice, QStringLiteral("report"), scope).messages.size(), 2);

        scope = {};
        scope.limit = 3;
        const SearchPage one = find(m_alice, QStringLiteral("report"), scope);
        QCOMPARE(texts(one),
                 QStringList({QStringLiteral("report four"), QStringLiteral("report three"),
                              QStringLiteral("report two")}));
        QVERIFY(one.hasMore);
        scope.before = one.nextBefore;
        const SearchPage two = find(m_alice, QStringLiteral("report"), scope);
        QCOMPARE(texts(two), QStringList{QStringLiteral("report one")});
        QVERIFY(!two.hasMore);
    }

    // Candidates come in growing batches: ones the filters drop do not end a page early.
    void filteredCandidatesDoNotEndAPageEarly()
    {
        for (int i = 0; i < 5; ++i)
            send(m_bob, m_alice, QStringLiteral("note from bob %1").arg(i));
        for (int i = 0; i < 30; ++i)
            send(m_alice, m_bob, QStringLiteral("note from alice %1").arg(i));
        SearchScope scope;
        scope.senderId = m_bob;
        scope.limit = 3;
        const SearchPage one = find(m_alice, QStringLiteral("note"), scope);
        QCOMPARE(texts(one),
                 QStringList({QStringLiteral("note from bob 4"), QStringLiteral("note from bob 3"),
                              QStringLiteral("note from bob 2")}));
        QVERIFY(one.hasMore);
        scope.before = one.nextBefore;
        const SearchPage two = find(m_alice, QStringLiteral("note"), scope);
        QCOMPARE(texts(two), QStringList({QStringLiteral("note from bob 1"),
                                          QStringLiteral("note from bob 0")}));
        QVERIFY(!two.hasMore);
    }

    // A word that is everywhere else costs one window per call, and paging goes on past it.
    void aWindowOfMatchesPerCall()
    {
        const Message mine = send(m_alice, m_bob, QStringLiteral("status green"));
        QVERIFY(
            sendMany(m_bob, m_carol, limits::kSearchScanWindow + 10, QStringLiteral("status %1")));
        SearchPage page = find(m_alice, QStringLiteral("status"));
        QVERIFY(page.messages.isEmpty());
        QVERIFY(page.hasMore);
        SearchScope scope;
        scope.before = page.nextBefore;
        page = find(m_alice, QStringLiteral("status"), scope);
        QCOMPARE(page.messages.size(), 1);
        QCOMPARE(page.messages.first().id, mine.id);
        QVERIFY(!page.hasMore);
    }

    // A first page counts the hits the user would page through: their own conversations,
    // the filters, nothing they hid; exact while the matches end inside the window. Later
    // pages do not count again.
    void firstPagesCountTheHits()
    {
        const Message hidden = send(m_alice, m_bob, QStringLiteral("lunch at noon"));
        for (int i = 0; i < 4; ++i)
            send(m_bob, m_alice, QStringLiteral("lunch plan %1").arg(i));
        send(m_carol, m_bob, QStringLiteral("lunch with carol"));
        QVERIFY(store().hideForUser(m_alice, hidden.id).ok());
        SearchScope scope;
        scope.limit = 2;
        SearchPage page = find(m_alice, QStringLiteral("lunch"), scope);
        QCOMPARE(page.messages.size(), 2);
        QCOMPARE(page.total, 4);
        QVERIFY(page.totalExact);
        QCOMPARE(find(m_bob, QStringLiteral("lunch"), scope).total, 6);
        scope.senderId = m_carol;
        QCOMPARE(find(m_bob, QStringLiteral("lunch"), scope).total, 1);
        scope.senderId = 0;
        scope.before = page.nextBefore;
        QCOMPARE(find(m_alice, QStringLiteral("lunch"), scope).total, -1);
        QCOMPARE(find(m_alice, QStringLiteral("dinner")).total, 0);

        // More matches than the window: a lower bound, counted within it.
        QVERIFY(
            sendMany(m_bob, m_carol, limits::kSearchScanWindow + 10, QStringLiteral("lunch %1")));
        page = find(m_carol, QStringLiteral("lunch"));
        QCOMPARE(page.total, limits::kSearchScanWindow);
        QVERIFY(!page.totalExact);
        page = find(m_alice, QStringLiteral("lunch"));
        QCOMPARE(page.total, 0); // carol's and bob's lunches fill the window
        QVERIFY(!page.totalExact);
    }

    void historyAfterIsOldestFirstAndChecksTheCaller()
    {
        QList<qint64> ids;
        for (int i = 0; i < 5; ++i)
            ids.append(send(m_alice, m_bob, QStringLiteral("m%1").arg(i)).id);
        const qint64 conversation = store().message(ids[0]).value.conversationId;
        const auto after = store().historyAfter(m_bob, conversation, ids[1], 2);
        QVERIFY(after.ok());
        QCOMPARE(after.value.size(), 2);
        QCOMPARE(after.value[0].id, ids[2]);
        QCOMPARE(after.value[1].id, ids[3]);
        QCOMPARE(store().historyAfter(m_carol, conversation, 0, 10).failure,
                 StoreFailure::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestStoreSearch)
#include "tst_storesearch.moc"
