#pragma once
// "Host a server on this computer": runs natter-server as a child process with its own data
// directory, serving the LAN on the protocol's port, so a first user with no server around
// can start chatting and others find it by discovery. It stops with the app (SIGTERM: the
// server commits and closes cleanly).

#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace natter::client {

class LocalServerHost final : public QObject
{
    Q_OBJECT

public:
    explicit LocalServerHost(QObject *parent = nullptr);
    ~LocalServerHost() override;

    // natter-server beside this executable, else on PATH. Tests point it elsewhere.
    void setProgram(const QString &program) { m_program = program; }
    // Arguments after the defaults (tests: "--listen 127.0.0.1:0").
    void setExtraArguments(const QStringList &arguments) { m_extra = arguments; }
    static QString defaultProgram();
    // The server's database lives here (created).
    void setDataDir(const QString &dir) { m_dataDir = dir; }

    // The name others see in their server list: this computer's host name.
    static QString defaultName();
    // Starts the server; started(url) or failed(message) follows.
    void start(const QString &name = defaultName());
    QString name() const { return m_name; }
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QUrl url() const { return m_url; }

signals:
    void started(const QUrl &url);
    void failed(const QString &message);

private:
    void readOutput();
    void fail(const QString &message);

    QProcess m_process;
    QTimer m_timeout;
    QString m_program;
    QStringList m_extra;
    QString m_dataDir;
    QString m_name;
    QByteArray m_output;
    QUrl m_url;
};

} // namespace natter::client
