// The files part of the store contract (filemetastore.h, migration 005), built once per
// backend (tst_filemeta_sqlite, tst_filemeta_postgres).
#include "storetesthelpers.h"
#include "testdatabase.h"

#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::server;

class TestFileMetaStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db = makeTestDatabase();
    std::unique_ptr<ChatStore> m_store;
    qint64 m_alice = 0, m_bob = 0, m_carol = 0;
    qint64 m_conversation = 0; // alice and bob
    qint64 m_now = 1764000000000;

    ChatStore &store() { return *m_store; }

    static QString hex(char c, int n) { return QString(n, QLatin1Char(c)); }

    UploadRecord upload(const QString &id, qint64 uploader, qint64 size, const QString &sha)
    {
        return UploadRecord{id,   uploader, m_conversation, QStringLiteral("a.txt"),
                            size, sha,      m_now,          m_now};
    }

    StoredFile stored(const QString &uploadId, const QString &fileId, qint64 uploader, qint64 size,
                      const QString &sha)
    {
        const UploadRecord u = upload(uploadId, uploader, size, sha);
        const auto added = store().addUpload(u);
        if (!added.ok())
            qFatal("addUpload: %s", qPrintable(added.detail));
        StoredFile f{FileInfo{fileId, u.name, size, QStringLiteral("text/plain"), sha}, uploader,
                     m_conversation, m_now};
        const auto done = store().completeUpload(uploadId, f);
        if (!done.ok())
            qFatal("completeUpload: %s", qPrintable(done.detail));
        return f;
    }

    AppendedMessage sendFile(qint64 from, const StoredFile &f)
    {
        NewMessage n;
        n.senderId = from;
        n.conversationId = f.conversationId;
        n.clientId = QUuid::createUuid();
        n.createdAt = ++m_now;
        n.file = f.info;
        const auto r = store().appendMessages({n});
        if (r.size() != 1 || !r.first().ok())
            qFatal("append failed: %s", r.isEmpty() ? "no result" : qPrintable(r.first().detail));
        return r.first().value;
    }

private slots:
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_db->available(&why), qPrintable(why));
    }

    void init()
    {
        QString why;
        QVERIFY2(m_db->create(&why), qPrintable(why));
        m_store = m_db->newStore();
        const auto opened = store().open();
        QVERIFY2(opened.ok(), qPrintable(opened.detail));
        QVERIFY(store().schemaVersion() >= 5); // files (5) and later
        m_alice = storetest::makeUser(store(), QStringLiteral("alice"), m_now);
        m_bob = storetest::makeUser(store(), QStringLiteral("bob"), m_now);
        m_carol = storetest::makeUser(store(), QStringLiteral("carol"), m_now);
        m_conversation =
            storetest::sendMessage(store(), m_alice, m_bob, QStringLiteral("hi"), ++m_now)
                .message.conversationId;
    }

    void cleanup()
    {
        m_store.reset();
        m_db->drop();
    }

    void uploadRecordRoundTripsAndIsTouched()
    {
        const UploadRecord u = upload(hex('1', 32), m_alice, 1000, hex('a', 64));
        QVERIFY(store().addUpload(u).ok());
        QCOMPARE(store().addUpload(u).failure, StoreFailure::Conflict); // ids are unique
        auto read = store().upload(u.id);
        QVERIFY(read.ok());
        QCOMPARE(read.value.uploaderId, m_alice);
        QCOMPARE(read.value.size, 1000);
        QCOMPARE(read.value.sha256, u.sha256);
        QCOMPARE(read.value.name, u.name);
        QVERIFY(store().touchUpload(u.id, m_now + 5).ok());
        QCOMPARE(store().upload(u.id).value.touchedAt, m_now + 5);
        QCOMPARE(store().upload(hex('2', 32)).failure, StoreFailure::NotFound);
        QCOMPARE(store().touchUpload(hex('2', 32), m_now).failure, StoreFailure::NotFound);
        QCOMPARE(store().staleUploads(m_now + 5).value.size(), 0);
        QCOMPARE(store().staleUploads(m_now + 6).value.size(), 1);
        QVERIFY(store().removeUpload(u.id).value);
        QCOMPARE(store().upload(u.id).failure, StoreFailure::NotFound);
    }

    void completedUploadBecomesTheFile()
    {
        const StoredFile f = stored(hex('1', 32), hex('f', 32), m_alice, 1234, hex('a', 64));
        QCOMPARE(store().upload(hex('1', 32)).failure, StoreFailure::NotFound);
        const auto read = store().file(f.info.id);
        QVERIFY(read.ok());
        QCOMPARE(read.value.info, f.info);
        QCOMPARE(read.value.uploaderId, m_alice);
        QCOMPARE(read.value.conversationId, m_conversation);
        QCOMPARE(store().file(hex('e', 32)).failure, StoreFailure::NotFound);
        // Completing an upload that is gone (finished twice) stores nothing.
        StoredFile again = f;
        again.info.id = hex('d', 32);
        QCOMPARE(store().completeUpload(hex('1', 32), again).failure, StoreFailure::NotFound);
        QCOMPARE(store().file(again.info.id).failure, StoreFailure::NotFound);
    }

    void usageCountsFilesAndOpenUploads()
    {
        stored(hex('1', 32), hex('f', 32), m_alice, 100, hex('a', 64));
        stored(hex('2', 32), hex('e', 32), m_bob, 100, hex('a', 64)); // same content
        stored(hex('3', 32), hex('d', 32), m_alice, 50, hex('b', 64));
        QVERIFY(store().addUpload(upload(hex('4', 32), m_alice, 7, hex('c', 64))).ok());
        const auto alice = store().fileUsage(m_alice);
        QVERIFY(alice.ok());
        QCOMPARE(alice.value.userBytes, 157);
        // Content stored once: 100 + 50, plus the open upload.
        QCOMPARE(alice.value.totalBytes, 157);
        // A resumed upload is not counted twice.
        const auto resumed = store().fileUsage(m_alice, hex('4', 32));
        QCOMPARE(resumed.value.userBytes, 150);
        QCOMPARE(resumed.value.totalBytes, 150);
        QCOMPARE(store().fileUsage(m_bob).value.userBytes, 100);
        QCOMPARE(store().fileUsage(m_carol).value.userBytes, 0);
    }

    void messageCarriesTheFileAndGrantsDownloads()
    {
        const StoredFile f = stored(hex('1', 32), hex('f', 32), m_alice, 100, hex('a', 64));
        // Before any message: only the uploader.
        QVERIFY(store().mayDownload(f.info.id, m_alice).value);
        QVERIFY(!store().mayDownload(f.info.id, m_bob).value);
        const AppendedMessage sent = sendFile(m_alice, f);
        QCOMPARE(sent.message.file, std::optional<FileInfo>(f.info));
        // Read back through every path that reads messages.
        QCOMPARE(store().message(sent.message.id).value.file, std::optional<FileInfo>(f.info));
        const auto page = store().history(m_bob, m_conversation, 0, 10);
        QVERIFY(page.ok());
        const auto withFile =
            std::find_if(page.value.begin(), page.value.end(),
                         [&](const Message &m) { return m.id == sent.message.id; });
        QVERIFY(withFile != page.value.end());
        QCOMPARE(withFile->file, std::optional<FileInfo>(f.info));
        const auto changes = store().changesSince(m_bob, 0, 100);
        QCOMPARE(changes.value.messages.last().file, std::optional<FileInfo>(f.info));
        const auto list = store().conversationsFor(m_bob);
        QCOMPARE(list.value.first().lastMessage->file, std::optional<FileInfo>(f.info));
        QVERIFY(store().mayDownload(f.info.id, m_bob).value);
        QVERIFY(!store().mayDownload(f.info.id, m_carol).value); // an outsider
        QVERIFY(!store().mayDownload(hex('e', 32), m_bob).value);
        QCOMPARE(store().unreferencedFiles(m_now + 10).value.size(), 0);

        // Delete for everyone drops the reference.
        const auto deleted = store().deleteForEveryone(sent.message.id, ++m_now);
        QVERIFY(deleted.ok());
        QVERIFY(!deleted.value.file);
        QVERIFY(!store().message(sent.message.id).value.file);
        QVERIFY(!store().mayDownload(f.info.id, m_bob).value);
        QVERIFY(store().mayDownload(f.info.id, m_alice).value);
        QCOMPARE(store().unreferencedFiles(m_now + 10).value.size(), 1);
    }

    void forgettingAFileTellsWhetherItsContentIsShared()
    {
        const qint64 created = m_now;
        stored(hex('1', 32), hex('f', 32), m_alice, 100, hex('a', 64));
        stored(hex('2', 32), hex('e', 32), m_bob, 100, hex('a', 64));
        const StoredFile kept = stored(hex('3', 32), hex('d', 32), m_bob, 10, hex('b', 64));
        sendFile(m_bob, kept);
        QCOMPARE(store().unreferencedFiles(m_now + 10).value.size(), 2);
        QCOMPARE(store().unreferencedFiles(created).value.size(), 0); // too young
        bool shared = false;
        QVERIFY(store().forgetFile(hex('f', 32), &shared).ok());
        QVERIFY(shared);
        QVERIFY(store().forgetFile(hex('e', 32), &shared).ok());
        QVERIFY(!shared);
        QCOMPARE(store().forgetFile(hex('d', 32), &shared).failure, StoreFailure::Conflict);
        QVERIFY(store().file(hex('d', 32)).ok());
    }
};

QTEST_GUILESS_MAIN(TestFileMetaStore)
#include "tst_filemetastore.moc"
