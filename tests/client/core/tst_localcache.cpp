// The local cache on its own: a private WAL file per server and account, what is put there
// read back after a reopen, older states never overwriting newer ones, another account
// emptying it, and a file that is not a cache of ours replaced by an empty one.
#include "localcache.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace natter;
using namespace natter::client;

namespace {

const QUrl kServer(QStringLiteral("ws://127.0.0.1:7467/v1"));

Message message(qint64 id, qint64 conversation, qint64 rev, const QString &text)
{
    Message m;
    m.id = id;
    m.conversationId = conversation;
    m.senderId = 1;
    m.clientId = QUuid::createUuid();
    m.content = text;
    m.createdAt = 1'700'000'000'000 + id;
    m.rev = rev;
    return m;
}

Conversation conversation(qint64 id, const QString &peer, qint64 lastActivity)
{
    Conversation c;
    c.id = id;
    c.peer = User{id + 100, peer, true};
    c.lastActivity = lastActivity;
    c.unread = 2;
    c.lastMessage = message(id * 10, id, id * 10, QStringLiteral("last of ") + peer);
    return c;
}

QStringList texts(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages)
        out.append(m.content);
    return out;
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

class TestLocalCache final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString pathFor(const QString &username) const
    {
        return m_dir.filePath(LocalCache::fileNameFor(kServer, username));
    }

private slots:
    void cleanup()
    {
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(m_dir.filePath(name));
    }

    void theFileIsPrivateAndWritesAheadOfALog()
    {
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        QCOMPARE(cache.path(), pathFor(QStringLiteral("alice")));
        cache.putMessage(message(1, 1, 1, QStringLiteral("hello")));
        cache.flush();
        QCOMPARE(modeOf(cache.path()), kOwnerOnly);
        QVERIFY(QFile::exists(cache.path() + QStringLiteral("-wal")));
        QCOMPARE(modeOf(cache.path() + QStringLiteral("-wal")), kOwnerOnly);
        QCOMPARE(modeOf(cache.path() + QStringLiteral("-shm")), kOwnerOnly);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "probe");
            db.setDatabaseName(cache.path());
            QVERIFY(db.open());
            QSqlQuery mode(db);
            QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
            QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    }

    void oneFilePerServerAndAccount()
    {
        const QString a = LocalCache::fileNameFor(kServer, QStringLiteral("alice"));
        QVERIFY(a != LocalCache::fileNameFor(kServer, QStringLiteral("bob")));
        QVERIFY(a != LocalCache::fileNameFor(QUrl(QStringLiteral("ws://10.0.0.2:7467/v1")),
                                             QStringLiteral("alice")));
        QVERIFY(!a.contains(QStringLiteral("alice")));
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        QVERIFY(!cache.openFor(kServer, QStringLiteral("alice"))); // already open on it
        QVERIFY(cache.openFor(kServer, QStringLiteral("bob")));
    }

    void whatIsPutIsReadBackAfterAReopen()
    {
        {
            LocalCache cache(m_dir.path());
            QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
            QCOMPARE(cache.user().id, 0);
            QCOMPARE(cache.rev(), 0);
            QVERIFY(!cache.setUser(User{7, QStringLiteral("alice"), true}));
            cache.putConversations({conversation(1, QStringLiteral("bob"), 100),
                                    conversation(2, QStringLiteral("carol"), 300)});
            for (int i = 1; i <= 5; ++i)
                cache.putMessage(message(i, 1, i, QStringLiteral("m%1").arg(i)));
            cache.putMessage(message(6, 2, 6, QStringLiteral("for carol")));
            cache.setRev(6);
            cache.setCompleteUpToId(6);
            cache.setCompleteUpToId(3);                // never back
            QCOMPARE(cache.conversations().size(), 2); // before the commit too
            QCOMPARE(cache.messagesBefore(1, 0, 10).size(), 5);
        } // closed without an explicit flush: the destructor commits
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        QVERIFY(!cache.wasReplaced());
        QCOMPARE(cache.user().id, 7);
        QCOMPARE(cache.user().username, QStringLiteral("alice"));
        QCOMPARE(cache.rev(), 6);
        QCOMPARE(cache.completeUpToId(), 6);
        const QList<Conversation> list = cache.conversations();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).peer.username, QStringLiteral("carol")); // most recent first
        QCOMPARE(list.at(0).unread, 2);
        QCOMPARE(list.at(0).lastMessage->content, QStringLiteral("last of carol"));
        QVERIFY(!list.at(0).peer.online); // presence is not kept
        // Pages as the server's history: newest first, before an id.
        QCOMPARE(texts(cache.messagesBefore(1, 0, 2)), (QStringList{"m5", "m4"}));
        QCOMPARE(texts(cache.messagesBefore(1, 4, 10)), (QStringList{"m3", "m2", "m1"}));
        QCOMPARE(texts(cache.messagesBefore(2, 0, 10)), (QStringList{"for carol"}));
    }

    void anOlderStateNeverReplacesANewerOne()
    {
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        Message edited = message(1, 1, 5, QStringLiteral("edited"));
        edited.editedAt = 1'700'000'000'100;
        cache.putMessage(edited);
        cache.putMessage(message(1, 1, 1, QStringLiteral("original"))); // a late, older copy
        QCOMPARE(texts(cache.messagesBefore(1, 0, 10)), (QStringList{"edited"}));
        Message deleted = message(1, 1, 9, QString());
        deleted.deleted = true;
        cache.putMessage(deleted);
        const QList<Message> now = cache.messagesBefore(1, 0, 10);
        QCOMPARE(now.size(), 1);
        QVERIFY(now.first().deleted);
        cache.removeMessage(1); // hidden: gone
        QVERIFY(cache.messagesBefore(1, 0, 10).isEmpty());
    }

    void anotherAccountUnderTheSameNameStartsAfresh()
    {
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        cache.setUser(User{7, QStringLiteral("alice"), false});
        cache.putConversations({conversation(1, QStringLiteral("bob"), 100)});
        cache.putMessage(message(1, 1, 1, QStringLiteral("hello")));
        cache.setRev(40);
        cache.setCompleteUpToId(1);
        QVERIFY(!cache.setUser(User{7, QStringLiteral("alice"), false})); // the same: kept
        QCOMPARE(cache.rev(), 40);
        QVERIFY(cache.setUser(User{8, QStringLiteral("alice"), false}));
        QCOMPARE(cache.user().id, 8);
        QCOMPARE(cache.rev(), 0);
        QCOMPARE(cache.completeUpToId(), 0);
        QVERIFY(cache.conversations().isEmpty());
        QVERIFY(cache.messagesBefore(1, 0, 10).isEmpty());
    }

    void aFileThatIsNotACacheIsReplaced_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("this is not a database at all\n").repeated(300);
        QByteArray header("SQLite format 3");
        header.append('\0');
        QTest::newRow("truncated header") << header + QByteArray(100, '\xff');
    }

    void aFileThatIsNotACacheIsReplaced()
    {
        QFETCH(QByteArray, content);
        const QString path = pathFor(QStringLiteral("alice"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        QVERIFY(cache.wasReplaced());
        QCOMPARE(cache.rev(), 0);
        QVERIFY(cache.conversations().isEmpty());
        cache.putMessage(message(1, 1, 1, QStringLiteral("works")));
        cache.setRev(1);
        cache.flush();
        QCOMPARE(texts(cache.messagesBefore(1, 0, 10)), (QStringList{"works"}));
        QCOMPARE(modeOf(path), kOwnerOnly);
    }

    void removingTheCacheDeletesItsFiles()
    {
        LocalCache cache(m_dir.path());
        QVERIFY(cache.openFor(kServer, QStringLiteral("alice")));
        cache.putMessage(message(1, 1, 1, QStringLiteral("secret")));
        const QString path = cache.path();
        cache.removeCurrent();
        QVERIFY(!cache.isOpen());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_localcache.moc"
