#pragma once
// A person in the window tests: their own profile, client and main window (offscreen),
// signed up on the test server and shown.

#include "chatclient.h"
#include "jumpdialog.h"
#include "mainwindow.h"
#include "messagelistmodel.h"
#include "profilesettings.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrl>

#include <memory>

struct Person
{
    std::unique_ptr<natter::client::ProfileSettings> settings;
    std::unique_ptr<natter::client::ChatClient> client;
    std::unique_ptr<natter::client::MainWindow> window;

    natter::client::MessageListModel *messages() const
    {
        return client->conversations().messages();
    }
    QString text(int row) const
    {
        return messages()->index(row).data(natter::client::MessageListModel::TextRole).toString();
    }
    int delivery(int row) const
    {
        return messages()->index(row).data(natter::client::MessageListModel::DeliveryRole).toInt();
    }
    natter::client::JumpDialog *jump() const { return window->jumpDialog(); }
};

// Registers `name` on `server` from a fresh profile named `profile`; the window is shown.
inline Person signUpInWindow(const QUrl &server, const QString &name, const QString &profile)
{
    using namespace natter::client;
    Person p;
    p.settings = std::make_unique<ProfileSettings>(profile);
    p.client = std::make_unique<ChatClient>(*p.settings);
    p.client->connection().setReconnectDelays(100, 300);
    p.window = std::make_unique<MainWindow>(*p.client);
    p.window->resize(900, 640);
    QSignalSpy ok(&p.client->session(), &SessionController::authenticated);
    p.client->session().registerAccount(server, name, QStringLiteral("correct-horse-7"), true);
    if (!ok.wait(5000))
        qFatal("registration of %s failed", qPrintable(name));
    p.window->show();
    if (!QTest::qWaitForWindowExposed(p.window.get()))
        qFatal("window not exposed");
    return p;
}

// The base of a suite of window tests: a fresh in-process server per test function
// (startServer() in init(), stopServer() in cleanup()) and people signed up on it, each with
// a profile of their own.
class PeopleInWindows
{
protected:
    bool startServer()
    {
        m_server = std::make_unique<TestServer>();
        return m_server->start();
    }
    void stopServer() { m_server.reset(); }
    // `*profile`, when asked for, is the profile's name (to start the app on it again).
    Person signedUp(const QString &name, QString *profile = nullptr)
    {
        const QString p = name + QString::number(++m_profiles);
        if (profile)
            *profile = p;
        return signUpInWindow(m_server->url(), name, p);
    }

    std::unique_ptr<TestServer> m_server;
    int m_profiles = 0;
};
