#include "profilesettings.h"

#include "protocol.h"

#include <QDir>
#include <QStandardPaths>

namespace natter::client {

ProfileSettings::ProfileSettings(const QString &profile) : m_profile(profile)
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    m_dataDir = QDir(data).filePath(QStringLiteral("natter/profiles/") + profile);
    QDir().mkpath(m_dataDir);
    m_settings = std::make_unique<QSettings>(
        QDir(config).filePath(QStringLiteral("natter/") + profile + QStringLiteral(".ini")),
        QSettings::IniFormat);
}

QUrl ProfileSettings::defaultServerUrl()
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2")
                    .arg(protocol::kDefaultPort)
                    .arg(QString(protocol::kPath)));
}

QUrl ProfileSettings::serverUrl() const
{
    const QUrl url = m_settings->value(QStringLiteral("server/url")).toUrl();
    return url.isValid() ? url : defaultServerUrl();
}

bool ProfileSettings::hasServerUrl() const
{
    return m_settings->value(QStringLiteral("server/url")).toUrl().isValid();
}

void ProfileSettings::setServerUrl(const QUrl &url)
{
    m_settings->setValue(QStringLiteral("server/url"), url);
}

QString ProfileSettings::username() const
{
    return m_settings->value(QStringLiteral("account/username")).toString();
}

void ProfileSettings::setUsername(const QString &username)
{
    m_settings->setValue(QStringLiteral("account/username"), username);
}

QString ProfileSettings::token() const
{
    return m_settings->value(QStringLiteral("account/token")).toString();
}

void ProfileSettings::setToken(const QString &token)
{
    if (token.isEmpty())
        m_settings->remove(QStringLiteral("account/token"));
    else
        m_settings->setValue(QStringLiteral("account/token"), token);
}

qint64 ProfileSettings::lastRev() const
{
    return m_settings->value(QStringLiteral("sync/rev"), 0).toLongLong();
}

void ProfileSettings::setLastRev(qint64 rev)
{
    m_settings->setValue(QStringLiteral("sync/rev"), rev);
}

QByteArray ProfileSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void ProfileSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray ProfileSettings::splitterState() const
{
    return m_settings->value(QStringLiteral("window/splitter")).toByteArray();
}

void ProfileSettings::setSplitterState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/splitter"), state);
}

namespace {
QString pinKey(const QUrl &server)
{
    return QStringLiteral("tls/%1_%2").arg(server.host()).arg(server.port(7467));
}
} // namespace

QByteArray ProfileSettings::pinnedCertificate(const QUrl &server) const
{
    return m_settings->value(pinKey(server)).toByteArray();
}

void ProfileSettings::setPinnedCertificate(const QUrl &server, const QByteArray &sha256)
{
    m_settings->setValue(pinKey(server), sha256);
}

bool ProfileSettings::discoveryEnabled() const
{
    return m_settings->value(QStringLiteral("network/discovery"), true).toBool();
}

void ProfileSettings::setDiscoveryEnabled(bool enabled)
{
    m_settings->setValue(QStringLiteral("network/discovery"), enabled);
}

bool ProfileSettings::hostsServer() const
{
    return m_settings->value(QStringLiteral("network/host-server"), false).toBool();
}

void ProfileSettings::setHostsServer(bool hosts)
{
    m_settings->setValue(QStringLiteral("network/host-server"), hosts);
}

void ProfileSettings::sync()
{
    m_settings->sync();
}

} // namespace natter::client
