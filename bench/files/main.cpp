// natter-file-bench --url ws://127.0.0.1:PORT/v1 --server-pid PID: files through a running
// server on loopback (bench/files.sh starts one), with the app's transfer engine. Prints what
// it measures and one JSON line (docs/performance.md, "Files").
//   1. chat latency (send to ok) with nothing else moving: the baseline
//   2. one --size-mb file uploaded by alice, then downloaded by bob, chat pinging meanwhile
//   3. one --fanout-size-mb file sent to a group, downloaded by its --fanout readers at once
// The server's RSS growth is its peak during 2 and 3 over its RSS before them.

#include "filedownload.h"
#include "filetransfer.h"
#include "fileupload.h"
#include "transferbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <cstdio>

using namespace natter;
using namespace natter::bench;

namespace {

QString makeFile(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random{quint32(bytes)};
    random.fillRange(reinterpret_cast<quint32 *>(block.data()), qsizetype(block.size() / 4));
    for (qint64 left = bytes; left > 0; left -= block.size())
        file.write(block.constData(), std::min<qint64>(left, block.size()));
    return path;
}

// Runs `body` (which runs its own event loop) on a thread of its own, the main thread's loop
// turning meanwhile: the transfers' socket work (masking, hashing, disk) never delays the chat
// pings timed on the main thread, as it would not in another person's app.
void onOwnThread(const std::function<void()> &body)
{
    std::unique_ptr<QThread> thread(QThread::create(body));
    thread->start();
    waitFor([&] { return thread->isFinished(); }, 1'800'000);
    thread->wait();
}

double mbPerSecond(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) / 1e6 / (double(ns) / 1e9) : 0;
}

// alice uploads `path` to the conversation and sends it; its stored id, and the upload's time
// from the first byte's offset (after hashing) to the stored file.
QString uploadAndSend(Person &alice, qint64 conversation, const QString &path, const QUrl &files,
                      qint64 *ns)
{
    QJsonObject stored;
    const QString token = alice.client->session().token();
    onOwnThread([&] {
        QEventLoop loop;
        client::FileUpload upload(path, conversation);
        QElapsedTimer clock;
        QObject::connect(&upload, &client::FileUpload::progressed, &upload, [&](qint64, qint64) {
            if (!clock.isValid())
                clock.start();
        });
        QObject::connect(&upload, &client::FileUpload::finished, &upload,
                         [&](const QJsonObject &f) {
                             *ns = clock.nsecsElapsed();
                             stored = f;
                             loop.quit();
                         });
        QObject::connect(&upload, &client::FileUpload::failed, &upload,
                         [](ErrorCode, const QString &message) {
                             qFatal("upload failed: %s", qPrintable(message));
                         });
        upload.start(files, token);
        loop.exec();
    });
    const QString id = stored.value(QStringLiteral("id")).toString();
    bool sent = false;
    alice.client->connection().request(
        protocol::RequestType::Send,
        {{QStringLiteral("conversation_id"), conversation},
         {QStringLiteral("client_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
         {QStringLiteral("content"), QString()},
         {QStringLiteral("file_id"), id}},
        [&](const QJsonObject &, const std::optional<ProtocolError> &error) {
            if (error)
                qFatal("send failed: %s", qPrintable(error->message));
            sent = true;
        });
    waitFor([&] { return sent; }, 30'000);
    return id;
}

// A group of alice and `readers`; its conversation id.
qint64 groupOf(Person &alice, const std::vector<Person> &readers)
{
    QJsonArray members;
    for (const Person &p : readers)
        members.append(p.client->session().currentUser().id);
    qint64 id = 0;
    alice.client->connection().request(
        protocol::RequestType::CreateGroup,
        {{QStringLiteral("name"), QStringLiteral("readers")}, {QStringLiteral("members"), members}},
        [&](const QJsonObject &reply, const std::optional<ProtocolError> &error) {
            if (error)
                qFatal("create_group failed: %s", qPrintable(error->message));
            id = reply.value(QStringLiteral("group"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toInteger();
        });
    if (!waitFor([&] { return id > 0; }, 30'000))
        qFatal("no group");
    return id;
}

// One download of the file by each of `people`, all at once (a person may hold only a few
// file connections); the time until every byte of all arrived (the SHA-256 checks after that
// are not counted).
qint64 downloadAll(const std::vector<Person *> &people, const QString &id, const QString &dir,
                   const QUrl &files)
{
    const int count = int(people.size());
    QStringList tokens;
    for (const Person *p : people)
        tokens.append(p->client->session().token());
    qint64 ns = 0;
    onOwnThread([&] {
        QEventLoop loop;
        std::vector<std::unique_ptr<client::FileDownload>> downloads;
        int arrived = 0;
        int checked = 0;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < count; ++i) {
            auto d = std::make_unique<client::FileDownload>(
                id, QDir(dir).filePath(QStringLiteral("copy-%1").arg(i)));
            client::FileDownload *raw = d.get();
            QObject::connect(raw, &client::FileDownload::progressed, raw,
                             [&](qint64 done, qint64 total) {
                                 if (done == total && ++arrived == count)
                                     ns = clock.nsecsElapsed();
                             });
            QObject::connect(raw, &client::FileDownload::finished, raw, [&] {
                if (++checked == count)
                    loop.quit();
            });
            QObject::connect(raw, &client::FileDownload::failed, raw,
                             [](ErrorCode, const QString &message) {
                                 qFatal("download failed: %s", qPrintable(message));
                             });
            raw->start(files, tokens.at(i));
            downloads.push_back(std::move(d));
        }
        loop.exec();
        for (const auto &d : downloads)
            QFile::remove(d->targetPath());
    });
    return ns;
}

} // namespace

int main(int argc, char *argv[])
{
    // The bench's profiles (settings, caches) live and die with it.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Files through a running natter-server."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"), QStringLiteral("The server's chat URL."),
                                 QStringLiteral("URL"));
    const QCommandLineOption pid(QStringLiteral("server-pid"),
                                 QStringLiteral("The server's process id (for its RSS)."),
                                 QStringLiteral("PID"));
    const QCommandLineOption sizeMb(QStringLiteral("size-mb"),
                                    QStringLiteral("The big file's size. Default: 1024."),
                                    QStringLiteral("MB"), QStringLiteral("1024"));
    const QCommandLineOption fanoutMb(QStringLiteral("fanout-size-mb"),
                                      QStringLiteral("The shared file's size. Default: 100."),
                                      QStringLiteral("MB"), QStringLiteral("100"));
    const QCommandLineOption fanout(QStringLiteral("fanout"),
                                    QStringLiteral("Downloads at once. Default: 10."),
                                    QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({url, pid, sizeMb, fanoutMb, fanout});
    parser.process(app);
    const QUrl server(parser.value(url));
    if (!server.isValid() || !parser.isSet(pid)) {
        std::fprintf(stderr, "natter-file-bench: --url and --server-pid are needed\n");
        return 2;
    }
    const QUrl files = client::filesUrlFor(server);
    const qint64 big = parser.value(sizeMb).toLongLong() * 1024 * 1024;
    const qint64 shared = parser.value(fanoutMb).toLongLong() * 1024 * 1024;
    const int copies = std::max(1, parser.value(fanout).toInt());
    QTemporaryDir work;

    Person alice = signUp(server, QStringLiteral("alice"));
    Person bob = signUp(server, QStringLiteral("bob"));
    Person carol = signUp(server, QStringLiteral("carol"));
    Person dave = signUp(server, QStringLiteral("dave"));
    const qint64 files1 = conversationBetween(alice, bob);
    const qint64 chat = conversationBetween(carol, dave);
    ChatPinger pinger(carol, chat, 20);
    RssSampler rss(parser.value(pid).toLongLong());

    pinger.start();
    waitFor([] { return false; }, 3000);
    pinger.stop();
    const double idleP50 = pinger.percentileMs(50);
    const double idleP99 = pinger.percentileMs(99);

    const QString bigPath = makeFile(work.filePath(QStringLiteral("big.bin")), big);
    const QString sharedPath = makeFile(work.filePath(QStringLiteral("shared.bin")), shared);
    const qint64 rssBefore = rss.now();
    rss.resetPeak();
    pinger.start();
    qint64 upNs = 0;
    const QString bigId = uploadAndSend(alice, files1, bigPath, files, &upNs);
    const qint64 downNs = downloadAll({&bob}, bigId, work.path(), files);
    pinger.stop();
    const double busyP50 = pinger.percentileMs(50);
    const double busyP99 = pinger.percentileMs(99);
    const qsizetype busyPings = pinger.count();
    QFile::remove(bigPath);

    std::vector<Person> readers;
    std::vector<Person *> readerList(std::size_t(copies), nullptr);
    for (int i = 0; i < copies; ++i) {
        readers.push_back(signUp(server, QStringLiteral("reader%1").arg(i)));
    }
    for (int i = 0; i < copies; ++i)
        readerList[std::size_t(i)] = &readers[std::size_t(i)];
    const qint64 group = groupOf(alice, readers);
    qint64 sharedUpNs = 0;
    const QString sharedId = uploadAndSend(alice, group, sharedPath, files, &sharedUpNs);
    const qint64 fanNs = downloadAll(readerList, sharedId, work.path(), files);
    const qint64 rssPeak = rss.peak();

    const QJsonObject result{
        {QStringLiteral("mode"), QStringLiteral("files")},
        {QStringLiteral("file_mb"), double(big) / 1e6},
        {QStringLiteral("upload_mb_per_s"), mbPerSecond(big, upNs)},
        {QStringLiteral("download_mb_per_s"), mbPerSecond(big, downNs)},
        {QStringLiteral("fanout"), copies},
        {QStringLiteral("fanout_file_mb"), double(shared) / 1e6},
        {QStringLiteral("fanout_aggregate_mb_per_s"), mbPerSecond(shared * copies, fanNs)},
        {QStringLiteral("chat_idle_p50_ms"), idleP50},
        {QStringLiteral("chat_idle_p99_ms"), idleP99},
        {QStringLiteral("chat_during_transfer_p50_ms"), busyP50},
        {QStringLiteral("chat_during_transfer_p99_ms"), busyP99},
        {QStringLiteral("chat_during_transfer_pings"), double(busyPings)},
        {QStringLiteral("server_rss_before_kb"), double(rssBefore)},
        {QStringLiteral("server_rss_growth_kb"), double(rssPeak - rssBefore)}};
    std::printf("upload %.0f MB: %.0f MB/s; download: %.0f MB/s\n", double(big) / 1e6,
                mbPerSecond(big, upNs), mbPerSecond(big, downNs));
    std::printf("%d downloads of %.0f MB at once: %.0f MB/s together\n", copies,
                double(shared) / 1e6, mbPerSecond(shared * copies, fanNs));
    std::printf("chat send->ok: idle p50 %.2f p99 %.2f ms; during the big transfer p50 %.2f "
                "p99 %.2f ms (%lld pings)\n",
                idleP50, idleP99, busyP50, busyP99, static_cast<long long>(busyPings));
    std::printf("server RSS %.1f MB before, grew %.1f MB at most\n", double(rssBefore) / 1024,
                double(rssPeak - rssBefore) / 1024);
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
