#include "testserver.h"

#include <QFile>
#include <QProcess>

TestServer::TestServer()
{
    m_config.address = QHostAddress(QHostAddress::LocalHost);
    m_config.port = 0;
    m_config.presenceGraceMs = 0;      // suites that test the grace period set it themselves
    m_config.discoveryEnabled = false; // tst_discovery turns it on, on a port of its own
    m_config.databasePath = m_dir.filePath(QStringLiteral("natter-test.db"));
    m_config.createDatabase = true; // suites may put other files beside it
    m_config.passwordCost = natter::server::PasswordCost::Min;
    // Suites register many users from 127.0.0.1; the sign-up throttle's tests turn it on.
    m_config.registration.perAddressBurst = 0;
    m_config.registration.burst = 0;
}

TestServer::~TestServer() = default;

bool TestServer::useTls()
{
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                   "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                   "subjectAltName=IP:127.0.0.1"});
    if (!openssl.waitForFinished(30'000) || openssl.exitCode() != 0)
        return false;
    QFile pem(cert);
    if (!pem.open(QIODevice::ReadOnly))
        return false;
    m_ca = QSslCertificate::fromData(pem.readAll(), QSsl::Pem);
    m_config.tlsCertPath = cert;
    m_config.tlsKeyPath = key;
    return !m_ca.isEmpty();
}

bool TestServer::start()
{
    m_server = std::make_unique<natter::server::NatterServer>(m_config);
    return m_server->start();
}

bool TestServer::start(std::unique_ptr<natter::server::ChatStore> store)
{
    m_server = std::make_unique<natter::server::NatterServer>(m_config, std::move(store));
    return m_server->start();
}

QUrl TestServer::url() const
{
    return m_server->url();
}

std::unique_ptr<TestClient> TestServer::connect(const QString &path)
{
    auto client = std::make_unique<TestClient>();
    if (!m_ca.isEmpty())
        client->setCaCertificates(m_ca);
    QUrl target = url();
    target.setPath(path);
    if (!client->open(target))
        return nullptr;
    return client;
}

std::unique_ptr<TestClient> TestServer::user(const QString &username)
{
    auto client = connect();
    if (!client || !client->registerAs(username))
        return nullptr;
    return client;
}
