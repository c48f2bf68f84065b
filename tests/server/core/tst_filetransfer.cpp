// Files end to end through the in-process server (docs/protocol.md "Files"): upload on
// /v1/files, send with file_id on the chat socket, download by a participant, resume after a
// cut, delete for everyone, garbage collection, revocation, and the memory a large upload
// costs.
#include "aliceandbob.h"
#include "app/backupcommand.h"
#include "fileclient.h"
#include "services/fileservice.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using natter::server::FileService;

namespace {

constexpr qint64 kChunk = 256 * 1024;

// A PNG signature then a deterministic pattern: the server must sniff image/png.
QByteArray pngLike(qint64 size)
{
    QByteArray bytes = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    while (bytes.size() < size)
        bytes.append(char('a' + bytes.size() % 23));
    bytes.truncate(size);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestFileTransfer : public QObject, private AliceAndBob
{
    Q_OBJECT

    qint64 m_conversation = 0;

    // Rows for a test over ws:// and over wss:// (init() starts the server for each).
    static void overWsAndWss()
    {
        QTest::addColumn<bool>("unused"); // the row's name says which
        QTest::newRow("ws") << false;
        QTest::newRow("wss") << true;
    }

    std::unique_ptr<FileClient> files(TestClient &who)
    {
        auto client = std::make_unique<FileClient>();
        client->setCaCertificates(m_server->caCertificates());
        if (!client->open(m_server->url()) || !client->authWith(who.token()))
            return nullptr;
        return client;
    }

    QJsonObject begin(FileClient &c, const QByteArray &bytes, const QString &name,
                      const QString &uploadId = {})
    {
        QJsonObject fields{{"conversation_id", double(m_conversation)},
                           {"name", name},
                           {"size", double(bytes.size())},
                           {"sha256", sha256Of(bytes)}};
        if (!uploadId.isEmpty())
            fields.insert("upload_id", uploadId);
        return c.request(QStringLiteral("file_begin"), fields);
    }

    static std::function<QByteArray(qint64, qint64)> sliceOf(const QByteArray &bytes)
    {
        return [bytes](qint64 at, qint64 n) { return bytes.mid(at, n); };
    }

    // Uploads `bytes` as alice; the file object of file_end's reply.
    QJsonObject upload(const QByteArray &bytes, const QString &name)
    {
        auto c = files(*m_alice);
        if (!c)
            return {};
        const QJsonObject began = begin(*c, bytes, name);
        const QString id = began.value("upload_id").toString();
        if (!c->sendRange(sliceOf(bytes), 0, bytes.size(), kChunk, 4))
            return {};
        return c->request(QStringLiteral("file_end"), {{"upload_id", id}}).value("file").toObject();
    }

    QJsonObject sendFile(TestClient &who, const QString &fileId, const QString &caption = {})
    {
        return who.request(QStringLiteral("send"),
                           {{"conversation_id", double(m_conversation)},
                            {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {"content", caption},
                            {"file_id", fileId}});
    }

private slots:
    // Rows named "wss" run over TLS.
    void init()
    {
        const bool tls = QByteArray(QTest::currentDataTag()) == "wss";
        QVERIFY(tls ? startAliceAndBobOverTls() : startAliceAndBob());
        m_conversation = qint64(m_alice->sendTo(m_bob->userId(), QStringLiteral("hi"))
                                    .value("message")
                                    .toObject()
                                    .value("conversation_id")
                                    .toDouble());
        QVERIFY(m_conversation > 0);
        QVERIFY(!m_bob->waitEvent(QStringLiteral("message")).isEmpty());
    }
    void cleanup() { stopAliceAndBob(); }

    void uploadSendAndDownload_data() { overWsAndWss(); }
    void uploadSendAndDownload()
    {
        const QByteArray bytes = pngLike(600'000); // three chunks, the last one short
        auto c = files(*m_alice);
        QVERIFY(c);
        const QJsonObject began = begin(*c, bytes, QStringLiteral("holiday.png"));
        QCOMPARE(began.value("type").toString(), QStringLiteral("ok"));
        QCOMPARE(began.value("offset").toDouble(), 0.0);
        QCOMPARE(began.value("chunk_bytes").toDouble(), double(kChunk));
        QCOMPARE(began.value("window_chunks").toInt(), 4);
        const QString uploadId = began.value("upload_id").toString();
        QCOMPARE(uploadId.size(), 32);
        QVERIFY(c->sendRange(sliceOf(bytes), 0, bytes.size(), kChunk, 4));
        const QJsonObject ended = c->request(QStringLiteral("file_end"), {{"upload_id", uploadId}});
        QCOMPARE(ended.value("type").toString(), QStringLiteral("ok"));
        const QJsonObject file = ended.value("file").toObject();
        QCOMPARE(file.value("name").toString(), QStringLiteral("holiday.png"));
        QCOMPARE(file.value("size").toDouble(), double(bytes.size()));
        QCOMPARE(file.value("mime").toString(), QStringLiteral("image/png")); // from the bytes
        QCOMPARE(file.value("sha256").toString(), sha256Of(bytes));
        const QString fileId = file.value("id").toString();
        QCOMPARE(fileId.size(), 32);
        QVERIFY(fileId != uploadId);

        // Sent on the chat socket with an empty caption: bob gets the file object.
        const QJsonObject sent = sendFile(*m_alice, fileId);
        QVERIFY2(TestClient::isOk(sent), qPrintable(TestClient::errorCode(sent)));
        QCOMPARE(sent.value("message").toObject().value("file").toObject(), file);
        const QJsonObject event = m_bob->waitEvent(QStringLiteral("message"));
        QCOMPARE(event.value("message").toObject().value("file").toObject(), file);
        // And in history.
        const QJsonArray history =
            m_bob->request(QStringLiteral("history"), {{"conversation_id", double(m_conversation)}})
                .value("messages")
                .toArray();
        QCOMPARE(history.first().toObject().value("file").toObject(), file); // newest first

        auto d = files(*m_bob);
        QVERIFY(d);
        const QJsonObject got = d->request(QStringLiteral("file_get"), {{"file_id", fileId}});
        QCOMPARE(got.value("type").toString(), QStringLiteral("ok"));
        QCOMPARE(got.value("file").toObject(), file);
        QVERIFY(d->waitDisconnected());
        QCOMPARE(d->closeCode(), 1000);
        QCOMPARE(d->received(), bytes);

        // A cut download resumes at an offset.
        auto e = files(*m_bob);
        QVERIFY(e);
        QCOMPARE(e->request(QStringLiteral("file_get"), {{"file_id", fileId}, {"offset", 300000}})
                     .value("offset")
                     .toDouble(),
                 300000.0);
        QVERIFY(e->waitDisconnected());
        QCOMPARE(e->received(), bytes.mid(300000));
    }

    void cutUploadResumesFromTheAcknowledgedOffset()
    {
        const QByteArray bytes = pngLike(3 * kChunk + 1000);
        QString uploadId;
        {
            auto c = files(*m_alice);
            QVERIFY(c);
            uploadId = begin(*c, bytes, QStringLiteral("big.bin")).value("upload_id").toString();
            QVERIFY(c->sendRange(sliceOf(bytes), 0, 2 * kChunk, kChunk, 4));
            // file_end now: incomplete, and the upload stays resumable.
            const QJsonObject early =
                c->request(QStringLiteral("file_end"), {{"upload_id", uploadId}});
            QCOMPARE(TestClient::errorCode(early), QStringLiteral("bad_request"));
            QCOMPARE(early.value("field").toString(), QStringLiteral("upload_id"));
            c->abort(); // the connection is cut
        }
        auto c = files(*m_alice);
        QVERIFY(c);
        const QJsonObject resumed = begin(*c, bytes, QStringLiteral("big.bin"), uploadId);
        QCOMPARE(resumed.value("type").toString(), QStringLiteral("ok"));
        QCOMPARE(resumed.value("upload_id").toString(), uploadId);
        QCOMPARE(resumed.value("offset").toDouble(), double(2 * kChunk));
        QVERIFY(c->sendRange(sliceOf(bytes), 2 * kChunk, bytes.size(), kChunk, 4));
        const QJsonObject ended = c->request(QStringLiteral("file_end"), {{"upload_id", uploadId}});
        QCOMPARE(ended.value("file").toObject().value("sha256").toString(), sha256Of(bytes));
        // A finished upload cannot be resumed again.
        auto again = files(*m_alice);
        QCOMPARE(TestClient::errorCode(begin(*again, bytes, QStringLiteral("big.bin"), uploadId)),
                 QStringLiteral("not_found"));
    }

    void deleteForEveryoneEndsDownloadsAndTheCollectorRemovesTheBlob()
    {
        const QByteArray bytes = pngLike(1000);
        const QJsonObject file = upload(bytes, QStringLiteral("gone.png"));
        const QString fileId = file.value("id").toString();
        QVERIFY(!fileId.isEmpty());
        const qint64 messageId = qint64(sendFile(*m_alice, fileId, QStringLiteral("look"))
                                            .value("message")
                                            .toObject()
                                            .value("id")
                                            .toDouble());
        QVERIFY(messageId > 0);
        const QString blob = QFileInfo(m_server->databasePath()).absolutePath() +
                             QStringLiteral("/files/blobs/") + sha256Of(bytes).left(2) +
                             QLatin1Char('/') + sha256Of(bytes);
        QVERIFY(QFile::exists(blob));
        // Owner only, like the database, whatever the umask.
        QCOMPARE(QFileInfo(blob).permissions() & QFileDevice::Permissions(0x7077),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(QFileInfo(QFileInfo(blob).path()).permissions() & QFileDevice::Permissions(0x7077),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        // Young unreferenced files are kept; referenced ones always.
        FileService *service = m_server->server().fileService();
        QVERIFY(service);
        const qint64 later = QDateTime::currentMSecsSinceEpoch() + FileService::kKeepMs + 60'000;
        QCOMPARE(service->collectGarbage(later).files, 0);

        QVERIFY(TestClient::isOk(m_alice->request(
            QStringLiteral("delete"), {{"message_id", double(messageId)}, {"scope", "everyone"}})));
        auto d = files(*m_bob);
        QCOMPARE(
            TestClient::errorCode(d->request(QStringLiteral("file_get"), {{"file_id", fileId}})),
            QStringLiteral("not_found"));
        QVERIFY(QFile::exists(blob)); // not before the collection
        const auto collected = service->collectGarbage(later);
        QCOMPARE(collected.files, 1);
        QCOMPARE(collected.blobs, 1);
        QVERIFY(!QFile::exists(blob));
    }

    void backupHoldsTheFiles()
    {
        const QByteArray bytes = pngLike(5000);
        const QJsonObject file = upload(bytes, QStringLiteral("kept.png"));
        QVERIFY(TestClient::isOk(sendFile(*m_alice, file.value("id").toString())));
        const QString target =
            QFileInfo(m_server->databasePath()).absolutePath() + QStringLiteral("/backup.db");
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(natter::server::runBackupCommand({QStringLiteral("backup"), target},
                                                  m_server->config(), out, err),
                 0);
        QVERIFY2(outText.contains(QLatin1String("1 files")), qPrintable(outText + errText));
        const QString sha = sha256Of(bytes);
        QFile copy(target + QStringLiteral(".files/blobs/") + sha.left(2) + QLatin1Char('/') + sha);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), bytes);
    }

    void aRevokedSessionStopsTransferring()
    {
        auto c = files(*m_alice);
        QVERIFY(c);
        // Signed out on the chat socket: the file connection is closed with 4403.
        QVERIFY(TestClient::isOk(m_alice->request(QStringLiteral("logout"))));
        QVERIFY(c->waitDisconnected(5000));
        QCOMPARE(c->closeCode(), 4403);
        // And the token opens no new one.
        FileClient again;
        QVERIFY(again.open(m_server->url()));
        QVERIFY(!again.authWith(m_alice->token()));
        QVERIFY(again.waitDisconnected());
        QCOMPARE(again.closeCode(), 4401);
    }

    // A transfer's bytes move on the server's file thread: an upload goes on while the main
    // thread (every chat connection's) is busy, and only its file_end waits for that thread.
    // Over wss:// too (its TLS socket moves with the session).
    void anUploadGoesOnWhileTheChatThreadIsBusy_data() { overWsAndWss(); }
    void anUploadGoesOnWhileTheChatThreadIsBusy()
    {
        const QByteArray bytes = pngLike(64 * kChunk);
        const QUrl url = m_server->url();
        const QString token = m_alice->token();
        const QList<QSslCertificate> ca = m_server->caCertificates();
        const QJsonObject fields{{"conversation_id", double(m_conversation)},
                                 {"name", "beside.bin"},
                                 {"size", double(bytes.size())},
                                 {"sha256", sha256Of(bytes)}};
        std::atomic<qint64> acknowledged{0};
        std::atomic<bool> finished{false};
        QJsonObject ended;
        // The uploader has a thread of its own too: this one stands for the server's main
        // thread and is about to be busy.
        std::unique_ptr<QThread> uploader(QThread::create([&] {
            FileClient c;
            c.setCaCertificates(ca);
            if (c.open(url) && c.authWith(token)) {
                const QJsonObject began = c.request(QStringLiteral("file_begin"), fields);
                const auto source = [&](qint64 at, qint64 n) {
                    acknowledged = c.acknowledged();
                    return bytes.mid(at, n);
                };
                if (c.sendRange(source, 0, bytes.size(), kChunk, 4, 30000)) {
                    acknowledged = c.acknowledged();
                    ended = c.request(QStringLiteral("file_end"),
                                      {{"upload_id", began.value("upload_id").toString()}}, 30000);
                }
            }
            finished = true;
        }));
        uploader->start();
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged >= 4 * kChunk || finished, 10000);
        QVERIFY(!finished);
        const qint64 before = acknowledged;
        QThread::msleep(1500); // the main thread handles nothing meanwhile
        const qint64 during = acknowledged - before;
        QVERIFY2(during >= 8 * kChunk,
                 qPrintable(QStringLiteral("%1 bytes acknowledged while the main thread was busy")
                                .arg(during)));
        QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
        uploader->wait();
        QCOMPARE(ended.value("file").toObject().value("sha256").toString(), sha256Of(bytes));
    }

    void aLargeUploadCostsOnlyAFewMegabytes()
    {
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer keeps freed memory in quarantine (256 MiB by default), so each
        // chunk's buffer adds to the resident size: the plain build measures this.
        QSKIP("resident size is not the server's under AddressSanitizer");
#endif
        // 200 MiB streamed from a generator (the test holds one chunk too); the server keeps
        // one chunk per connection plus a bounded socket buffer.
        const qint64 size = 200LL << 20;
        const QByteArray pattern = pngLike(kChunk);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (qint64 at = 0; at < size; at += kChunk)
            hash.addData(pattern);
        auto c = files(*m_alice);
        QVERIFY(c);
        const QJsonObject began = c->request(
            QStringLiteral("file_begin"), {{"conversation_id", double(m_conversation)},
                                           {"name", "large.bin"},
                                           {"size", double(size)},
                                           {"sha256", QString::fromLatin1(hash.result().toHex())}});
        QCOMPARE(began.value("type").toString(), QStringLiteral("ok"));
        const qint64 before = residentKiB();
        QVERIFY(before > 0);
        qint64 peak = before;
        QVERIFY(c->sendRange(
            [&](qint64, qint64 n) {
                peak = qMax(peak, residentKiB());
                return n == kChunk ? pattern : pattern.left(n);
            },
            0, size, kChunk, 4, 60000));
        const QJsonObject ended =
            c->request(QStringLiteral("file_end"),
                       {{"upload_id", began.value("upload_id").toString()}}, 60000);
        QCOMPARE(ended.value("file").toObject().value("size").toDouble(), double(size));
        qInfo("RSS %lld KiB before, peak %lld KiB during a 200 MiB upload", before, peak);
        QVERIFY2(peak - before < 8 * 1024, "the upload grew the process by 8 MiB or more");
    }
};

QTEST_GUILESS_MAIN(TestFileTransfer)
#include "tst_filetransfer.moc"
