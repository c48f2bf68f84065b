// A pinned server must show the pinned certificate on every wss:// connection, also when its
// certificate chains to a CA the client trusts (then TLS reports no error, and the pin used
// to be skipped); the file connections take the same pin. The test makes its own CA and a
// leaf signed by it with openssl.

#include "filetransfer.h"
#include "fileupload.h"
#include "serverconnection.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using natter::client::ConnectionState;
using natter::client::filesUrlFor;
using natter::client::FileUpload;
using natter::client::ServerConnection;

class TestCertificatePin final : public QObject
{
    Q_OBJECT

private:
    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(QStringLiteral("openssl"), arguments);
        return process.waitForFinished(30'000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    }

    QString file(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private slots:
    void initTestCase()
    {
        useFreshTestProfiles();
        QVERIFY2(openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                          "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj",
                          "/CN=Natter Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                          "-addext", "keyUsage=critical,keyCertSign,cRLSign"}),
                 "openssl is needed to make a test CA");
        QVERIFY(openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                         "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=127.0.0.1"}));
        QFile extensions(file("leaf.ext"));
        QVERIFY(extensions.open(QIODevice::WriteOnly));
        extensions.write("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        extensions.close();
        QVERIFY(
            openssl({"x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                     "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext"}));
        QFile leaf(file("leaf.pem"));
        QVERIFY(leaf.open(QIODevice::ReadOnly));
        m_leafDigest =
            QSslCertificate(leaf.readAll(), QSsl::Pem).digest(QCryptographicHash::Sha256).toHex();
        QVERIFY(!m_leafDigest.isEmpty());
        // The client trusts the test CA (as a system CA would be).
        QSslConfiguration defaults = QSslConfiguration::defaultConfiguration();
        defaults.addCaCertificates(file("ca.pem"));
        QSslConfiguration::setDefaultConfiguration(defaults);
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().tlsCertPath = file("leaf.pem");
        m_server->config().tlsKeyPath = file("leaf.key");
        QVERIFY(m_server->start());
        QCOMPARE(m_server->url().scheme(), QStringLiteral("wss"));
    }

    void cleanup() { m_server.reset(); }

    void caSignedCertificateIsTrustedWithoutAPin()
    {
        ServerConnection connection;
        QSignalSpy connected(&connection, &ServerConnection::connected);
        QSignalSpy untrusted(&connection, &ServerConnection::untrustedCertificate);
        connection.open(m_server->url());
        QVERIFY(connected.wait(5'000));
        QCOMPARE(untrusted.count(), 0);
    }

    void pinOfThisCertificateConnects()
    {
        ServerConnection connection;
        connection.setPinnedCertificate(m_leafDigest);
        QSignalSpy connected(&connection, &ServerConnection::connected);
        connection.open(m_server->url());
        QVERIFY(connected.wait(5'000));
    }

    void otherPinRefusesACaSignedCertificate()
    {
        ServerConnection connection;
        connection.setReconnectDelays(50, 50);
        // The user trusted another certificate for this server before.
        connection.setPinnedCertificate(
            QCryptographicHash::hash("another certificate", QCryptographicHash::Sha256).toHex());
        QSignalSpy connected(&connection, &ServerConnection::connected);
        QSignalSpy untrusted(&connection, &ServerConnection::untrustedCertificate);
        QSignalSpy lost(&connection, &ServerConnection::connectionLost);
        connection.open(m_server->url());
        QVERIFY(untrusted.wait(5'000));
        QCOMPARE(untrusted.first().at(1).toBool(), true); // "changed": the loud warning
        QCOMPARE(untrusted.first()
                     .at(0)
                     .value<QSslCertificate>()
                     .digest(QCryptographicHash::Sha256)
                     .toHex(),
                 m_leafDigest);
        QVERIFY(!lost.isEmpty());
        QVERIFY(lost.first().at(0).toString().contains(QLatin1String("TLS error")));
        // Refused for good: no request goes out, and it does not try again by itself.
        QTest::qWait(500);
        QCOMPARE(connected.count(), 0);
        QCOMPARE(connection.state(), ConnectionState::Offline);
        QCOMPARE(untrusted.count(), 1);
    }

    // File connections (/v1/files) take the same pin: a self-signed server the user trusted
    // works for files too, and with another pin the upload stops for good with a sentence
    // (it used to retry every 2 s, unable to ignore the TLS error).
    void fileConnectionsTakeThePin()
    {
        // A self-signed certificate: no CA the client trusts signed it.
        QVERIFY(openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                         "-nodes", "-keyout", "self.key", "-out", "self.pem", "-days", "2", "-subj",
                         "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"}));
        QFile self(file("self.pem"));
        QVERIFY(self.open(QIODevice::ReadOnly));
        const QByteArray selfDigest =
            QSslCertificate(self.readAll(), QSsl::Pem).digest(QCryptographicHash::Sha256).toHex();
        m_server = std::make_unique<TestServer>();
        m_server->config().tlsCertPath = file("self.pem");
        m_server->config().tlsKeyPath = file("self.key");
        QVERIFY(m_server->start());
        // alice and bob sign up over chat connections with the pin; alice writes to bob, so
        // conversation 1 is theirs and alice may store a file in it.
        ServerConnection aliceChat;
        ServerConnection bobChat;
        const auto signUp = [this, &selfDigest](ServerConnection &chat,
                                                const QString &name) -> QJsonObject {
            chat.setPinnedCertificate(selfDigest);
            QSignalSpy up(&chat, &ServerConnection::connected);
            chat.open(m_server->url());
            up.wait(5'000);
            QJsonObject answer;
            chat.request(
                natter::protocol::RequestType::Register,
                {{"username", name}, {"password", "correct-horse-7"}},
                [&answer](const QJsonObject &reply, const std::optional<natter::ProtocolError> &) {
                    answer = reply;
                });
            if (!QTest::qWaitFor([&answer]() { return !answer.isEmpty(); }, 5'000))
                return {}; // no answer: the caller's checks fail
            return answer;
        };
        const QString token = signUp(aliceChat, QStringLiteral("alice")).value("token").toString();
        const qint64 bob =
            signUp(bobChat, QStringLiteral("bob")).value("user").toObject().value("id").toInteger();
        QVERIFY(!token.isEmpty() && bob > 0);
        bool sent = false;
        aliceChat.request(natter::protocol::RequestType::Send,
                          {{"to", double(bob)},
                           {"client_id", QUuid::createUuid().toString(QUuid::WithoutBraces)},
                           {"content", "hi"}},
                          [&sent](const QJsonObject &,
                                  const std::optional<natter::ProtocolError> &e) { sent = !e; });
        QTRY_VERIFY(sent);
        QFile data(file("note.txt"));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write("the minutes of Monday");
        data.close();

        FileUpload trusted(file("note.txt"), 1);
        trusted.setPinnedCertificate(selfDigest);
        QSignalSpy stored(&trusted, &FileUpload::finished);
        QSignalSpy trustedFailed(&trusted, &FileUpload::failed);
        trusted.start(filesUrlFor(m_server->url()), token);
        QVERIFY2(stored.wait(10'000),
                 qPrintable(trustedFailed.isEmpty() ? QStringLiteral("no answer")
                                                    : trustedFailed.first().at(1).toString()));

        FileUpload other(file("note.txt"), 1);
        other.setRetryDelay(50);
        other.setPinnedCertificate(
            QCryptographicHash::hash("another certificate", QCryptographicHash::Sha256).toHex());
        QSignalSpy failed(&other, &FileUpload::failed);
        other.start(filesUrlFor(m_server->url()), token);
        QVERIFY(failed.wait(10'000));
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("certificate")));
        QTest::qWait(300);
        QCOMPARE(failed.count(), 1); // for good, not again and again
    }

private:
    QTemporaryDir m_dir;
    QByteArray m_leafDigest;
    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(TestCertificatePin)
#include "tst_certificatepin.moc"
