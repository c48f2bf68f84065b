#pragma once
// ChatClient against the real server in-process: the server on a temporary database and
// people who sign up to it, shared by the tst_chatclient* suites.

#include "chatclient.h"
#include "testprofiles.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

struct Person
{
    std::unique_ptr<natter::client::ProfileSettings> settings;
    std::unique_ptr<natter::client::ChatClient> client;
};

inline int rowWithText(natter::client::MessageListModel *model, const QString &text)
{
    using natter::client::MessageListModel;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i).data(MessageListModel::TextRole).toString() == text)
            return i;
    }
    return -1;
}

inline int countText(natter::client::MessageListModel *model, const QString &text)
{
    using natter::client::MessageListModel;
    int n = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        n += model->index(i).data(MessageListModel::TextRole).toString() == text ? 1 : 0;
    return n;
}

// The suites derive from this: its slots give each test a fresh server on a fresh database.
class ChatClientFixture : public QObject
{
    Q_OBJECT

protected:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dbDir; // outlives server restarts within a test
    int m_profiles = 0;

    Person person(const QString &profile)
    {
        Person p;
        p.settings = std::make_unique<natter::client::ProfileSettings>(profile);
        p.client = std::make_unique<natter::client::ChatClient>(*p.settings);
        p.client->connection().setReconnectDelays(100, 400);
        return p;
    }

    Person signedUp(const QString &name)
    {
        Person p = person(name + QString::number(++m_profiles));
        QSignalSpy ok(&p.client->session(), &natter::client::SessionController::authenticated);
        p.client->session().registerAccount(m_server->url(), name,
                                            QStringLiteral("correct-horse-7"), true);
        if (!ok.wait(5000))
            qFatal("registration of %s failed", qPrintable(name));
        return p;
    }

    void startServerAgain(const QString &db, quint16 port)
    {
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = db;
        m_server->config().port = port;
        QVERIFY(m_server->start());
    }

private slots:
    void initTestCase() { useFreshTestProfiles(); }

    void init()
    {
        m_dbDir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<TestServer>();
        m_server->config().databasePath = m_dbDir->filePath(QStringLiteral("natter.db"));
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_server.reset();
        m_dbDir.reset();
    }
};
