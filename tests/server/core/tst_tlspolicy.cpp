// The wss:// server offers only forward-secret AEAD suites: a TLS 1.2 client that offers
// only plain RSA key exchange or CBC with SHA-1/SHA-256 is refused, an ECDHE + AES-GCM or
// ChaCha20 one (and TLS 1.3) gets in.

#include "testserver.h"
#include "transport/tlspolicy.h"

#include <QProcess>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtTest>

class TestTlsPolicy final : public QObject
{
    Q_OBJECT

private:
    // A TLS handshake from a client restricted to `protocol` and `cipher` (empty: the
    // client's defaults); the suite agreed on, or an empty string when refused.
    QString handshake(quint16 port, QSsl::SslProtocol protocol, const QString &cipher)
    {
        QSslSocket socket;
        QSslConfiguration tls = socket.sslConfiguration();
        tls.setProtocol(protocol);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // the suite is under test, not trust
        if (!cipher.isEmpty())
            tls.setCiphers({QSslCipher(cipher)});
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        const bool settled = QTest::qWaitFor(
            [&]() {
                return socket.isEncrypted() || socket.state() == QAbstractSocket::UnconnectedState;
            },
            5'000);
        if (!settled || !socket.isEncrypted())
            return {};
        return socket.sessionCipher().name();
    }

private slots:
    void initTestCase()
    {
        // RSA: with an RSA key, plain RSA key exchange is possible at all.
        m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
        m_key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", m_key, "-out",
                       m_cert, "-days", "2", "-subj", "/CN=127.0.0.1"});
        QVERIFY2(openssl.waitForFinished(30'000) && openssl.exitCode() == 0,
                 "openssl is needed to make a test certificate");
    }

    void policyListsOnlyForwardSecretAead()
    {
        const QList<QSslCipher> ciphers = natter::server::tlsPolicyCiphers();
        QVERIFY(ciphers.size() >= 6);
        for (const QSslCipher &c : ciphers) {
            const bool tls13 = c.protocol() == QSsl::TlsV1_3;
            QVERIFY2(tls13 || c.keyExchangeMethod() == QLatin1String("ECDH"), qPrintable(c.name()));
            QVERIFY2(c.encryptionMethod().contains(QLatin1String("GCM")) ||
                         c.encryptionMethod().contains(QLatin1String("CHACHA20")),
                     qPrintable(c.name()));
        }
    }

    void weakSuitesAreRefused_data()
    {
        QTest::addColumn<QString>("cipher");
        QTest::newRow("RSA kx, AES-CBC, SHA-1") << QStringLiteral("AES128-SHA");
        QTest::newRow("RSA kx, AES-256-CBC, SHA-1") << QStringLiteral("AES256-SHA");
        QTest::newRow("RSA kx, AES-CBC, SHA-256") << QStringLiteral("AES128-SHA256");
        QTest::newRow("RSA kx, AES-GCM") << QStringLiteral("AES128-GCM-SHA256");
        QTest::newRow("ECDHE, AES-CBC, SHA-1") << QStringLiteral("ECDHE-RSA-AES128-SHA");
        QTest::newRow("ECDHE, AES-256-CBC, SHA-384") << QStringLiteral("ECDHE-RSA-AES256-SHA384");
    }

    void weakSuitesAreRefused()
    {
        QFETCH(QString, cipher);
        QVERIFY2(!QSslCipher(cipher).isNull(), "this OpenSSL cannot offer the suite");
        TestServer server;
        server.config().tlsCertPath = m_cert;
        server.config().tlsKeyPath = m_key;
        QVERIFY(server.start());
        QCOMPARE(handshake(server.server().port(), QSsl::TlsV1_2, cipher), QString());
    }

    void forwardSecretAeadSuitesWork_data()
    {
        QTest::addColumn<QString>("cipher");
        QTest::newRow("ECDHE AES-128-GCM") << QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256");
        QTest::newRow("ECDHE AES-256-GCM") << QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384");
        QTest::newRow("ECDHE ChaCha20") << QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305");
    }

    void forwardSecretAeadSuitesWork()
    {
        QFETCH(QString, cipher);
        TestServer server;
        server.config().tlsCertPath = m_cert;
        server.config().tlsKeyPath = m_key;
        QVERIFY(server.start());
        QCOMPARE(handshake(server.server().port(), QSsl::TlsV1_2, cipher), cipher);
        // A client with its defaults gets TLS 1.3.
        QVERIFY(handshake(server.server().port(), QSsl::TlsV1_3, {}).startsWith(u"TLS_"));
    }

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "tst_tlspolicy.moc"
