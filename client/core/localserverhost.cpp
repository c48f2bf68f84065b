#include "localserverhost.h"

#include "protocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>

namespace natter::client {
namespace {

constexpr int kStartTimeoutMs = 15'000;

} // namespace

LocalServerHost::LocalServerHost(QObject *parent) : QObject(parent), m_program(defaultProgram())
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalServerHost::readOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("Could not start %1: %2").arg(m_program, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (m_url.isEmpty()) {
            const QString why = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
            fail(tr("The server stopped (exit code %1). %2").arg(code).arg(why));
        }
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        fail(tr("The server did not start within %1 seconds.").arg(kStartTimeoutMs / 1000));
        stop();
    });
}

LocalServerHost::~LocalServerHost()
{
    stop();
}

QString LocalServerHost::defaultProgram()
{
    const QString beside =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../server/natter-server");
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/natter-server");
    // Installed side by side in /usr/bin; in a build tree the server is in server/.
    for (const QString &candidate : {installed, beside}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("natter-server"));
    return onPath.isEmpty() ? QStringLiteral("natter-server") : onPath;
}

QString LocalServerHost::defaultName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("Natter") : host;
}

void LocalServerHost::start(const QString &name)
{
    if (isRunning())
        return;
    m_name = name;
    m_url.clear();
    m_output.clear();
    if (m_dataDir.isEmpty())
        m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                    QStringLiteral("/hosted-server");
    QDir().mkpath(m_dataDir);
    QStringList arguments{
        QStringLiteral("--listen"),   QStringLiteral("0.0.0.0:%1").arg(protocol::kDefaultPort),
        QStringLiteral("--database"), m_dataDir + QStringLiteral("/natter.db"),
        QStringLiteral("--name"),     name};
    arguments += m_extra; // later options win
    m_process.start(m_program, arguments);
    m_timeout.start(kStartTimeoutMs);
}

void LocalServerHost::stop()
{
    m_timeout.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5'000))
        m_process.kill();
    m_process.waitForFinished(1'000);
}

void LocalServerHost::readOutput()
{
    m_output += m_process.readAllStandardOutput();
    static const QRegularExpression line(
        QStringLiteral("natter-server listening on (wss?)://[^:]+:(\\d+)(/\\S*)"));
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(m_output));
    if (!match.hasMatch() || !m_url.isEmpty())
        return;
    m_timeout.stop();
    // Listening on every interface; this computer reaches it on loopback.
    m_url = QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                     .arg(match.captured(1), match.captured(2), match.captured(3)));
    emit started(m_url);
}

void LocalServerHost::fail(const QString &message)
{
    m_timeout.stop();
    emit failed(message);
}

} // namespace natter::client
