// Bad input on file connections and file sends (docs/protocol.md "Files"): each gets its
// typed error and the server keeps serving.
#include "aliceandbob.h"
#include "fileclient.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtTest>

namespace {

constexpr qint64 kChunk = 256 * 1024;

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestFileBadInput : public QObject, private AliceAndBob
{
    Q_OBJECT

    qint64 m_conversation = 0;
    std::unique_ptr<TestClient> m_carol;

    std::unique_ptr<FileClient> files(TestClient &who)
    {
        auto client = std::make_unique<FileClient>();
        if (!client->open(m_server->url()) || !client->authWith(who.token()))
            return nullptr;
        return client;
    }

    QJsonObject begin(FileClient &c, qint64 size, const QString &sha, const QString &name,
                      qint64 conversation = 0)
    {
        return c.request(QStringLiteral("file_begin"),
                         {{"conversation_id", double(conversation ? conversation : m_conversation)},
                          {"name", name},
                          {"size", double(size)},
                          {"sha256", sha}});
    }

    // alice uploads `bytes`; the file id.
    QString upload(TestClient &who, const QByteArray &bytes)
    {
        auto c = files(who);
        if (!c)
            return {};
        const QString id = begin(*c, bytes.size(), sha256Of(bytes), QStringLiteral("f.txt"))
                               .value("upload_id")
                               .toString();
        c->sendBinary(bytes);
        if (!QTest::qWaitFor([&]() { return c->acknowledged() == bytes.size(); }, 5000))
            return {};
        return c->request(QStringLiteral("file_end"), {{"upload_id", id}})
            .value("file")
            .toObject()
            .value("id")
            .toString();
    }

    QJsonObject sendFile(TestClient &who, const QString &fileId)
    {
        return who.request(QStringLiteral("send"),
                           {{"conversation_id", double(m_conversation)},
                            {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {"content", ""},
                            {"file_id", fileId}});
    }

    void startWith(qint64 maxFile, qint64 quota, qint64 total)
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().maxFileBytes = maxFile;
        m_server->config().userQuotaBytes = quota;
        m_server->config().filesMaxTotalBytes = total;
        m_server->config().filesFreeReserveBytes = 0;
        QVERIFY(m_server->start());
        m_alice = m_server->user(QStringLiteral("alice"));
        m_bob = m_server->user(QStringLiteral("bob"));
        m_carol = m_server->user(QStringLiteral("carol"));
        QVERIFY(m_alice && m_bob && m_carol);
        m_conversation = qint64(m_alice->sendTo(m_bob->userId(), QStringLiteral("hi"))
                                    .value("message")
                                    .toObject()
                                    .value("conversation_id")
                                    .toDouble());
        QVERIFY(m_conversation > 0);
    }

private slots:
    void init() { startWith(1 << 20, 3 << 20, (9 << 20) / 2); }
    void cleanup()
    {
        m_carol.reset();
        stopAliceAndBob();
    }

    void wrongHashIsRefusedAndTheUploadIsGone()
    {
        auto c = files(*m_alice);
        const QByteArray bytes(1000, 'x');
        const QJsonObject began = begin(*c, bytes.size(), sha256Of("other"), QStringLiteral("x"));
        const QString id = began.value("upload_id").toString();
        c->sendBinary(bytes);
        QVERIFY(QTest::qWaitFor([&]() { return c->acknowledged() == 1000; }, 5000));
        const QJsonObject ended = c->request(QStringLiteral("file_end"), {{"upload_id", id}});
        QCOMPARE(TestClient::errorCode(ended), QStringLiteral("hash_mismatch"));
        QCOMPARE(ended.value("field").toString(), QStringLiteral("sha256"));
        auto again = files(*m_alice);
        QJsonObject resume = begin(*again, bytes.size(), sha256Of("other"), QStringLiteral("x"));
        QVERIFY(TestClient::isOk(resume)); // a fresh upload is fine
        resume = again->request(QStringLiteral("file_begin"),
                                {{"conversation_id", double(m_conversation)},
                                 {"name", "x"},
                                 {"size", 1000},
                                 {"sha256", sha256Of("other")},
                                 {"upload_id", id}});
        QCOMPARE(TestClient::errorCode(resume), QStringLiteral("not_found"));
    }

    void oversizeIsRefusedBeforeAnyByte()
    {
        auto c = files(*m_alice);
        const QJsonObject r = begin(*c, (1 << 20) + 1, sha256Of("x"), QStringLiteral("big"));
        QCOMPARE(TestClient::errorCode(r), QStringLiteral("too_large"));
        QCOMPARE(r.value("field").toString(), QStringLiteral("size"));
        // Past the announced size on a started upload: bad_request, connection closed.
        const QJsonObject ok = begin(*c, 10, sha256Of("0123456789"), QStringLiteral("small"));
        QVERIFY(TestClient::isOk(ok));
        c->sendBinary(QByteArray(11, 'y'));
        QCOMPARE(TestClient::errorCode(c->waitUnmatchedError()), QStringLiteral("bad_request"));
        QVERIFY(c->waitDisconnected());
        QCOMPARE(c->closeCode(), 1008);
    }

    void overQuotaAndFullStorageAreRefused()
    {
        auto c = files(*m_alice);
        // 3 MiB quota: two open uploads of 1 MiB count, a third and a fourth would not fit.
        QVERIFY(TestClient::isOk(begin(*c, 1 << 20, sha256Of("a"), QStringLiteral("a"))));
        QVERIFY(TestClient::isOk(begin(*c, 1 << 20, sha256Of("b"), QStringLiteral("b"))));
        QVERIFY(TestClient::isOk(begin(*c, 1 << 20, sha256Of("c"), QStringLiteral("c"))));
        const QJsonObject over = begin(*c, 1, sha256Of("d"), QStringLiteral("d"));
        QCOMPARE(TestClient::errorCode(over), QStringLiteral("quota_exceeded"));
        // 4.5 MiB in all: bob's own quota has room, the server's total does not.
        auto b = files(*m_bob);
        QVERIFY(TestClient::isOk(begin(*b, 1 << 20, sha256Of("e"), QStringLiteral("e"))));
        const QJsonObject full = begin(*b, 1 << 20, sha256Of("f"), QStringLiteral("f"));
        QCOMPARE(TestClient::errorCode(full), QStringLiteral("storage_full"));
    }

    void badNamesAndFieldsAreRefused()
    {
        auto c = files(*m_alice);
        for (const QString &name :
             {QStringLiteral("../etc/passwd"), QStringLiteral("a/b"), QStringLiteral("a\\b"),
              QStringLiteral(".."), QStringLiteral("a") + QChar(0) + QStringLiteral("b"),
              QString()}) {
            const QJsonObject r = begin(*c, 10, sha256Of("x"), name);
            QVERIFY2(TestClient::errorCode(r) == QLatin1String("bad_request"),
                     qPrintable(name + QJsonDocument(r).toJson()));
            QCOMPARE(r.value("field").toString(), QStringLiteral("name"));
        }
        QCOMPARE(TestClient::errorCode(begin(*c, 10, QStringLiteral("ABC"), QStringLiteral("x"))),
                 QStringLiteral("bad_request"));
        QCOMPARE(TestClient::errorCode(begin(*c, 0, sha256Of(""), QStringLiteral("x"))),
                 QStringLiteral("bad_request"));
        // A conversation the caller is not in.
        auto k = files(*m_carol);
        QCOMPARE(TestClient::errorCode(begin(*k, 10, sha256Of("x"), QStringLiteral("x"))),
                 QStringLiteral("not_found"));
        QVERIFY(c->isConnected());
    }

    void aChunkBeforeFileBeginIsRefused()
    {
        auto c = files(*m_alice);
        c->sendBinary(QByteArray(100, 'z'));
        QCOMPARE(TestClient::errorCode(c->waitUnmatchedError()), QStringLiteral("bad_request"));
        QVERIFY(c->isConnected());
        QCOMPARE(TestClient::errorCode(
                     c->request(QStringLiteral("file_end"), {{"upload_id", QString(32, 'a')}})),
                 QStringLiteral("not_found"));
        // Chat requests are not served here.
        QCOMPARE(TestClient::errorCode(c->request(QStringLiteral("conversations"), {})),
                 QStringLiteral("unknown_type"));
    }

    void aBadTokenIsClosed()
    {
        FileClient c;
        QVERIFY(c.open(m_server->url()));
        const QJsonObject r =
            c.request(QStringLiteral("auth"), {{"token", QStringLiteral("not-a-token")}});
        QCOMPARE(TestClient::errorCode(r), QStringLiteral("unauthorized"));
        QVERIFY(c.waitDisconnected());
        QCOMPARE(c.closeCode(), 4401);
        // Anything but auth first is the same.
        FileClient d;
        QVERIFY(d.open(m_server->url()));
        d.sendBinary(QByteArray(10, 'q'));
        QVERIFY(d.waitDisconnected());
        QCOMPARE(d.closeCode(), 4401);
    }

    void someoneElsesFileCannotBeSentOrFetched()
    {
        const QString alices = upload(*m_alice, QByteArray("alice's secret"));
        QVERIFY(!alices.isEmpty());
        // bob sends alice's file id: not his.
        QJsonObject r = sendFile(*m_bob, alices);
        QCOMPARE(TestClient::errorCode(r), QStringLiteral("not_found"));
        QCOMPARE(r.value("field").toString(), QStringLiteral("file_id"));
        // Not yet sent by alice: bob cannot fetch it.
        auto b = files(*m_bob);
        QCOMPARE(
            TestClient::errorCode(b->request(QStringLiteral("file_get"), {{"file_id", alices}})),
            QStringLiteral("not_found"));
        // alice cannot send it in another conversation (uploaded for this one).
        const qint64 other = qint64(m_alice->sendTo(m_carol->userId(), QStringLiteral("yo"))
                                        .value("message")
                                        .toObject()
                                        .value("conversation_id")
                                        .toDouble());
        r = m_alice->request(QStringLiteral("send"),
                             {{"conversation_id", double(other)},
                              {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {"content", "x"},
                              {"file_id", alices}});
        QCOMPARE(TestClient::errorCode(r), QStringLiteral("not_found"));
        // A malformed id.
        QCOMPARE(TestClient::errorCode(sendFile(*m_alice, QStringLiteral("../x"))),
                 QStringLiteral("bad_request"));
        // Sent where it belongs: bob may fetch it, carol (an outsider) may not.
        QVERIFY(TestClient::isOk(sendFile(*m_alice, alices)));
        auto k = files(*m_carol);
        const QJsonObject outsider = k->request(QStringLiteral("file_get"), {{"file_id", alices}});
        QCOMPARE(TestClient::errorCode(outsider), QStringLiteral("not_found"));
        QCOMPARE(outsider.value("field").toString(), QStringLiteral("file_id"));
        auto b2 = files(*m_bob);
        QVERIFY(TestClient::isOk(b2->request(QStringLiteral("file_get"), {{"file_id", alices}})));
        QVERIFY(b2->waitDisconnected());
        QCOMPARE(b2->received(), QByteArray("alice's secret"));
    }

    void fiveFileConnectionsOfOneAccountAreTooMany()
    {
        std::vector<std::unique_ptr<FileClient>> open;
        for (int i = 0; i < 4; ++i) {
            open.push_back(files(*m_alice));
            QVERIFY(open.back());
        }
        FileClient fifth;
        QVERIFY(fifth.open(m_server->url()));
        QCOMPARE(TestClient::errorCode(
                     fifth.request(QStringLiteral("auth"), {{"token", m_alice->token()}})),
                 QStringLiteral("rate_limited"));
        QVERIFY(fifth.waitDisconnected());
        open.pop_back();
        QTest::qWait(100);
        QVERIFY(files(*m_alice));
    }
};

QTEST_GUILESS_MAIN(TestFileBadInput)
#include "tst_filebadinput.moc"
