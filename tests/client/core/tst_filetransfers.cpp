// The client's transfer engine (FileUpload, FileDownload) against the real server's
// /v1/files in-process: a file goes up, is sent with file_id, and comes down to the
// recipient's cache with the same bytes; an upload resumes after a server restart without
// sending again what the server has; a refusal reads as a sentence; cancel stops it.

#include "chatclientfixture.h"
#include "filecache.h"
#include "filedownload.h"
#include "filetransfer.h"
#include "fileupload.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

using namespace natter;
using namespace natter::client;

namespace {

QString makeFile(const QTemporaryDir &dir, const QString &name, qint64 size)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(file.fileName()));
    QRandomGenerator random{quint32(size)};
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (qint64 left = size; left > 0; left -= block.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), qsizetype(block.size() / 4));
        file.write(block.constData(), qMin<qint64>(left, block.size()));
    }
    return file.fileName();
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFileTransfers final : public ChatClientFixture
{
    Q_OBJECT

public:
    TestFileTransfers() { qRegisterMetaType<FileUpload *>(); } // for QSignalSpy

private:
    // alice and bob with a 1:1 conversation; its id.
    qint64 conversationBetween(Person &alice, Person &bob)
    {
        alice.client->conversations().startConversationWith(bob.client->session().currentUser().id,
                                                            QStringLiteral("bob"));
        alice.client->conversations().sendMessage(QStringLiteral("here it comes"));
        if (!QTest::qWaitFor(
                [&] { return alice.client->conversations().openConversationId() > 0; }))
            qFatal("no conversation");
        return alice.client->conversations().openConversationId();
    }

    static void startUpload(FileUpload &upload, Person &p)
    {
        upload.setRetryDelay(100);
        upload.start(filesUrlFor(p.client->session().serverUrl()), p.client->session().token());
    }

    static void startDownload(FileDownload &download, Person &p)
    {
        download.setRetryDelay(100);
        download.start(filesUrlFor(p.client->session().serverUrl()), p.client->session().token());
    }

    // alice's chat socket sends the stored file to the conversation.
    static void sendFile(Person &alice, qint64 conversationId, const QString &fileId)
    {
        bool replied = false;
        alice.client->connection().request(
            protocol::RequestType::Send,
            {{QStringLiteral("conversation_id"), conversationId},
             {QStringLiteral("client_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
             {QStringLiteral("content"), QString()},
             {QStringLiteral("file_id"), fileId}},
            [&](const QJsonObject &, const std::optional<ProtocolError> &error) {
                QVERIFY(!error);
                replied = true;
            });
        QTRY_VERIFY(replied);
    }

private slots:
    void uploadSendDownload()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 conversation = conversationBetween(alice, bob);
        QTemporaryDir dir;
        const QString path = makeFile(dir, QStringLiteral("report.bin"), 700 * 1024);

        FileUpload upload(path, conversation);
        QSignalSpy done(&upload, &FileUpload::finished);
        QSignalSpy progress(&upload, &FileUpload::progressed);
        startUpload(upload, alice);
        QVERIFY(done.wait(10'000));
        const QJsonObject file = done.at(0).at(0).toJsonObject();
        QCOMPARE(file.value(QStringLiteral("size")).toInteger(), 700 * 1024);
        QCOMPARE(file.value(QStringLiteral("name")).toString(), QStringLiteral("report.bin"));
        QCOMPARE(progress.last().at(0).toLongLong(), 700 * 1024);
        const QString fileId = file.value(QStringLiteral("id")).toString();

        sendFile(alice, conversation, fileId);

        // bob's conversation shows a file row (not an empty text); not an inline image.
        ConversationListModel *bobList = bob.client->conversations().list();
        QTRY_COMPARE(bobList->rowCount(), 1);
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        MessageListModel *bobMessages = bob.client->conversations().messages();
        QTRY_COMPARE(bobMessages->rowCount(), 2);
        const QModelIndex fileRow = bobMessages->index(1);
        QCOMPARE(fileRow.data(MessageListModel::FileRole)
                     .toJsonObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 fileId);
        QCOMPARE(fileRow.data(MessageListModel::IsImageRole).toBool(), false);
        QVERIFY(!bobMessages->index(0).data(MessageListModel::FileRole).isValid());

        const QString target = cachedFilePath(bob.settings->profile(), fileId,
                                              file.value(QStringLiteral("name")).toString());
        QVERIFY(existingCachedFile(bob.settings->profile(), fileId, QStringLiteral("report.bin"))
                    .isEmpty());
        FileDownload download(fileId, target);
        QSignalSpy fetched(&download, &FileDownload::finished);
        startDownload(download, bob);
        QVERIFY(fetched.wait(10'000));
        QCOMPARE(fetched.at(0).at(0).toString(), target);
        QCOMPARE(contents(target), contents(path));
        QCOMPARE(existingCachedFile(bob.settings->profile(), fileId, QStringLiteral("report.bin")),
                 target);
    }

    // The server restarts mid-upload; the upload continues from the server's offset: the new
    // connection carries the rest only. (The first one may carry a little more than was sent
    // when the server went: its file thread keeps acknowledging what had arrived, and the
    // client may answer with a chunk or two before it sees the connection closed.)
    void uploadResumesAfterServerRestart()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 conversation = conversationBetween(alice, bob);
        QTemporaryDir dir;
        const qint64 size = 8 * 1024 * 1024;
        const QString path = makeFile(dir, QStringLiteral("big.bin"), size);

        FileUpload upload(path, conversation);
        QSignalSpy progress(&upload, &FileUpload::progressed);
        QSignalSpy resumed(&upload, &FileUpload::resumed);
        qint64 sentAtResume = -1; // over the first connection
        connect(&upload, &FileUpload::resumed, this, [&] { sentAtResume = upload.bytesSent(); });
        QSignalSpy done(&upload, &FileUpload::finished);
        startUpload(upload, alice);
        // Out of the event loop as soon as the first chunk is acknowledged.
        QVERIFY(QTest::qWaitFor([&] { return upload.bytesDone() > 0; }, 10'000));
        QVERIFY(upload.bytesDone() < size);
        const qint64 sentBeforeCut = upload.bytesSent();
        const quint16 port = quint16(m_server->url().port());
        const QString db = m_server->databasePath();
        m_server.reset();
        startServerAgain(db, port);

        QVERIFY(done.wait(20'000));
        QCOMPARE(resumed.count(), 1);
        const qint64 resumeOffset = resumed.at(0).at(0).toLongLong();
        QVERIFY(resumeOffset > 0);
        QVERIFY(sentAtResume >= sentBeforeCut);
        QCOMPARE(upload.bytesSent() - sentAtResume, size - resumeOffset);
        QCOMPARE(done.at(0).at(0).toJsonObject().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(
                     QCryptographicHash::hash(contents(path), QCryptographicHash::Sha256).toHex()));
    }

    // A download cut by a server restart continues from the bytes already in its .part file:
    // every byte of the file comes over the network once, and the result is checked whole.
    void downloadResumesAfterServerRestart()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 conversation = conversationBetween(alice, bob);
        QTemporaryDir dir;
        const qint64 size = 24 * 1024 * 1024;
        const QString path = makeFile(dir, QStringLiteral("film.bin"), size);
        FileUpload upload(path, conversation);
        QSignalSpy uploaded(&upload, &FileUpload::finished);
        startUpload(upload, alice);
        QVERIFY(uploaded.wait(30'000));
        const QString fileId =
            uploaded.at(0).at(0).toJsonObject().value(QStringLiteral("id")).toString();
        sendFile(alice, conversation, fileId);

        const QString target = dir.filePath(QStringLiteral("got/film.bin"));
        QVERIFY(QDir().mkpath(QFileInfo(target).path()));
        FileDownload download(fileId, target);
        QSignalSpy done(&download, &FileDownload::finished);
        startDownload(download, bob);
        // Out of the event loop at the first bytes (the server's file thread may send what the
        // sockets hold meanwhile; the client reads it before it sees the connection closed).
        QVERIFY(QTest::qWaitFor([&] { return download.bytesDone() > 0; }, 10'000));
        const qint64 atCut = download.bytesDone();
        QVERIFY(atCut < size);
        const quint16 port = quint16(m_server->url().port());
        const QString db = m_server->databasePath();
        m_server.reset();
        startServerAgain(db, port);

        QVERIFY(done.wait(30'000));
        QCOMPARE(download.bytesReceived(), size); // nothing came twice
        QCOMPARE(contents(target), contents(path));
        QVERIFY(!QFile::exists(target + QStringLiteral(".part")));
    }

    // The app is closed in the middle of an upload: at the next sign-in the upload continues
    // from the server's offset (nothing sent twice) and the file reaches bob with its caption.
    void uploadSurvivesClosingTheApp()
    {
        Person bob = signedUp(QStringLiteral("bob"));
        const QString profile = QStringLiteral("dave-restart");
        QTemporaryDir dir;
        const qint64 size = 8 * 1024 * 1024;
        const QString path = makeFile(dir, QStringLiteral("holiday.bin"), size);
        {
            Person dave = person(profile);
            QSignalSpy ok(&dave.client->session(), &SessionController::authenticated);
            dave.client->session().registerAccount(m_server->url(), QStringLiteral("dave"),
                                                   QStringLiteral("correct-horse-7"), true);
            QVERIFY(ok.wait(5000));
            conversationBetween(dave, bob);
            QSignalSpy added(&dave.client->files(), &FileSender::uploadAdded);
            QVERIFY(dave.client->files().sendFiles({path}, QStringLiteral("the photos")));
            QCOMPARE(added.count(), 1);
            auto *upload = added.at(0).at(0).value<FileUpload *>();
            // Out of the event loop at the first acknowledged chunk: the app closes mid-way.
            QVERIFY(QTest::qWaitFor([&] { return upload->bytesDone() > 0; }, 10'000));
            QVERIFY(upload->bytesDone() < size);
        }
        Person again = person(profile);
        QSignalSpy added(&again.client->files(), &FileSender::uploadAdded);
        QVERIFY(again.client->session().resume());
        QVERIFY(added.wait(10'000));
        auto *upload = added.at(0).at(0).value<FileUpload *>();
        QCOMPARE(upload->name(), QStringLiteral("holiday.bin"));
        QSignalSpy resumed(upload, &FileUpload::resumed);
        QSignalSpy done(upload, &FileUpload::finished);
        QVERIFY(done.wait(20'000));
        QCOMPARE(resumed.count(), 1);
        const qint64 offset = resumed.at(0).at(0).toLongLong();
        QVERIFY(offset > 0);
        QCOMPARE(upload->bytesSent(), size - offset);
        QTRY_VERIFY(again.client->files().uploads().isEmpty());
        QTRY_VERIFY(again.client->outbox().messages().isEmpty());

        ConversationListModel *bobList = bob.client->conversations().list();
        QTRY_COMPARE(bobList->rowCount(), 1);
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        MessageListModel *bobMessages = bob.client->conversations().messages();
        QTRY_COMPARE(bobMessages->rowCount(), 2);
        const QJsonObject file =
            bobMessages->index(1).data(MessageListModel::FileRole).toJsonObject();
        QCOMPARE(file.value(QStringLiteral("name")).toString(), QStringLiteral("holiday.bin"));
        QCOMPARE(file.value(QStringLiteral("size")).toInteger(), size);
        QCOMPARE(bobMessages->index(1).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("the photos"));

        // Nothing is kept once it is sent: a third start of the app uploads nothing.
        again.client.reset();
        Person third = person(profile);
        QVERIFY(third.client->files().uploads().isEmpty());
        QSignalSpy thirdAdded(&third.client->files(), &FileSender::uploadAdded);
        QVERIFY(third.client->session().resume());
        QTRY_VERIFY(third.client->session().isAuthenticated());
        QTest::qWait(200);
        QCOMPARE(thirdAdded.count(), 0);
    }

    // The server refuses a file over max-file-bytes before any byte moves: the person reads
    // a sentence, not the server's developer text.
    void tooLargeIsASentence()
    {
        m_server.reset();
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("natter.db"));
        m_server->config().maxFileBytes = 1000;
        QVERIFY(m_server->start());
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 conversation = conversationBetween(alice, bob);
        QTemporaryDir dir;
        FileUpload upload(makeFile(dir, QStringLiteral("big.iso"), 5000), conversation);
        QSignalSpy failed(&upload, &FileUpload::failed);
        startUpload(upload, alice);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.at(0).at(0).value<ErrorCode>(), ErrorCode::TooLarge);
        QCOMPARE(failed.at(0).at(1).toString(), fileErrorText(ErrorCode::TooLarge));
        QVERIFY(!failed.at(0).at(1).toString().contains(QStringLiteral("at most")));
        QCOMPARE(upload.bytesSent(), 0);
    }

    void cancelStopsTheUpload()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        const qint64 conversation = conversationBetween(alice, bob);
        QTemporaryDir dir;
        const qint64 size = 8 * 1024 * 1024;
        FileUpload upload(makeFile(dir, QStringLiteral("big.bin"), size), conversation);
        QSignalSpy cancelled(&upload, &FileUpload::cancelled);
        QSignalSpy done(&upload, &FileUpload::finished);
        startUpload(upload, alice);
        QVERIFY(QTest::qWaitFor([&] { return upload.bytesDone() > 0; }, 10'000));
        upload.cancel();
        QCOMPARE(cancelled.count(), 1);
        const qint64 sent = upload.bytesSent();
        QTest::qWait(500);
        QCOMPARE(done.count(), 0);
        QCOMPARE(upload.bytesSent(), sent); // nothing more after cancel
        QVERIFY(sent < size);
    }

    // The app's path: two files with a caption from the open conversation; the caption goes
    // with the first; bob sees both file rows; the outbox is empty afterwards.
    void sendFilesFromTheConversation()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        conversationBetween(alice, bob);
        QTemporaryDir dir;
        const QStringList paths{makeFile(dir, QStringLiteral("one.bin"), 3000),
                                makeFile(dir, QStringLiteral("two.bin"), 4000),
                                makeFile(dir, QStringLiteral("three.bin"), 5000)};
        alice.client->files().setRetryDelay(100);
        QSignalSpy added(&alice.client->files(), &FileSender::uploadAdded);
        QVERIFY(alice.client->files().sendFiles(paths, QStringLiteral("the caption")));
        QCOMPARE(added.count(), 3);
        int started = 0;
        for (FileUpload *upload : alice.client->files().uploads())
            started += upload->bytesTotal() > 0 ? 1 : 0;
        QCOMPARE(started, FileSender::kParallel); // the third waits for a free slot
        MessageListModel *aliceMessages = alice.client->conversations().messages();
        QTRY_COMPARE(aliceMessages->rowCount(), 4);
        QTRY_VERIFY(alice.client->outbox().messages().isEmpty());
        QTRY_VERIFY(alice.client->files().uploads().isEmpty());

        ConversationListModel *bobList = bob.client->conversations().list();
        QTRY_COMPARE(bobList->rowCount(), 1);
        bob.client->conversations().openConversation(
            bobList->index(0).data(ConversationListModel::IdRole).toLongLong());
        MessageListModel *bobMessages = bob.client->conversations().messages();
        QTRY_COMPARE(bobMessages->rowCount(), 4);
        QStringList names;
        QString caption;
        for (int i = 1; i < 4; ++i) {
            const QJsonObject file =
                bobMessages->index(i).data(MessageListModel::FileRole).toJsonObject();
            names.append(file.value(QStringLiteral("name")).toString());
            if (file.value(QStringLiteral("name")).toString() == QLatin1String("one.bin"))
                caption = bobMessages->index(i).data(MessageListModel::TextRole).toString();
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("one.bin"), QStringLiteral("three.bin"),
                                     QStringLiteral("two.bin")}));
        QCOMPARE(caption, QStringLiteral("the caption"));
    }

    // A file message waiting in the outbox keeps its file across a restart of the app.
    void outboxKeepsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox.json"));
        FileInfo file{QStringLiteral("1c5a6c4cfc5c773891b0d2236f2bf50a"), QStringLiteral("a.png"),
                      10, QStringLiteral("image/png"), QString(64, u'a')};
        {
            Outbox outbox(path);
            PendingMessage p;
            p.clientId = QUuid::createUuid();
            p.conversationId = 1;
            p.file = file;
            outbox.add(p); // no caption
        }
        Outbox again(path);
        QCOMPARE(again.messages().size(), 1);
        QVERIFY(again.messages().at(0).file.has_value());
        QCOMPARE(*again.messages().at(0).file, file);
    }

    void safeNames()
    {
        QCOMPARE(safeFileName(QStringLiteral("../../etc/passwd")),
                 QStringLiteral("_.._etc_passwd"));
        QCOMPARE(safeFileName(QStringLiteral("..")), QStringLiteral("file"));
        QCOMPARE(safeFileName(QStringLiteral(".hidden")), QStringLiteral("hidden"));
        QCOMPARE(safeFileName(QStringLiteral("a\nb.png")), QStringLiteral("a_b.png"));
    }
};

QTEST_GUILESS_MAIN(TestFileTransfers)
#include "tst_filetransfers.moc"
