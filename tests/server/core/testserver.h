#pragma once
// An in-process natter server for tests: 127.0.0.1 port 0, a fresh SQLite file in a
// temporary directory, the cheapest password hashing. Tests shorten timeouts through
// config() before start().

#include "app/natterserver.h"
#include "config/serverconfig.h"
#include "store/chatstore.h"
#include "testclient.h"

#include <QList>
#include <QSslCertificate>
#include <QTemporaryDir>

#include <memory>

class TestServer final
{
public:
    TestServer();
    ~TestServer();

    natter::server::ServerConfig &config() { return m_config; }
    // Serves wss:// with a self-signed certificate for 127.0.0.1 made here (openssl); the
    // clients connect() makes trust it. Before start().
    bool useTls();
    const QList<QSslCertificate> &caCertificates() const { return m_ca; }
    bool start();
    // With a custom store (e.g. a failure-injecting wrapper around the real one).
    bool start(std::unique_ptr<natter::server::ChatStore> store);
    natter::server::NatterServer &server() { return *m_server; }
    QUrl url() const;
    QString databasePath() const { return m_config.databasePath; }

    // A connected client (owned by the caller); nullptr when the connection failed.
    std::unique_ptr<TestClient> connect(const QString &path = QStringLiteral("/v1"));
    // Connected and registered as `username`.
    std::unique_ptr<TestClient> user(const QString &username);

private:
    QTemporaryDir m_dir;
    natter::server::ServerConfig m_config;
    QList<QSslCertificate> m_ca;
    std::unique_ptr<natter::server::NatterServer> m_server;
};
