#include "profilesettings.h"

#include "protocol.h"
#include "tokenvault.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace natter::client {
namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerDir = kOwnerFile | QFileDevice::ExeOwner;

// `path` as a directory only its owner can enter (older versions made them 0755).
void makePrivateDir(const QString &path)
{
    QDir().mkpath(path);
    QFile::setPermissions(path, kOwnerDir);
}

// The INI exists and is 0600 before QSettings writes it: QSettings replaces it through a
// temporary file that keeps the existing file's mode.
void makePrivateFile(const QString &path)
{
    QFile file(path);
    if (!file.exists() && file.open(QIODevice::WriteOnly))
        file.close();
    QFile::setPermissions(path, kOwnerFile);
}

const QString kTokenKey = QStringLiteral("account/token");

} // namespace

ProfileSettings::ProfileSettings(const QString &profile) : m_profile(profile)
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    m_dataDir = QDir(data).filePath(QStringLiteral("natter/profiles/") + profile);
    makePrivateDir(m_dataDir); // the outbox holds unsent messages
    const QString configDir = QDir(config).filePath(QStringLiteral("natter"));
    makePrivateDir(configDir);
    const QString ini = QDir(configDir).filePath(profile + QStringLiteral(".ini"));
    makePrivateFile(ini);
    m_settings = std::make_unique<QSettings>(ini, QSettings::IniFormat);

    m_vault = std::make_unique<TokenVault>(
        QStringLiteral("session token of %1").arg(QDir::toNativeSeparators(ini)),
        QDir(configDir).filePath(profile + QStringLiteral(".token")), TokenVault::defaultBackend());
    m_vault->load();
    // Versions before the vault kept the token in the INI: move it out.
    if (m_settings->contains(kTokenKey)) {
        const QString old = m_settings->value(kTokenKey).toString();
        m_settings->remove(kTokenKey);
        if (m_vault->token().isEmpty() && !old.isEmpty())
            m_vault->store(old);
        sync();
    }
}

ProfileSettings::~ProfileSettings() = default;

QString ProfileSettings::iniPath() const
{
    return m_settings->fileName();
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
    return m_vault->token();
}

void ProfileSettings::setToken(const QString &token)
{
    if (token != m_vault->token())
        m_vault->store(token);
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

bool ProfileSettings::notificationPreview() const
{
    return m_settings->value(QStringLiteral("notifications/preview"), true).toBool();
}

void ProfileSettings::setNotificationPreview(bool on)
{
    m_settings->setValue(QStringLiteral("notifications/preview"), on);
}

QString ProfileSettings::language() const
{
    return m_settings->value(QStringLiteral("appearance/language")).toString();
}

void ProfileSettings::setLanguage(const QString &language)
{
    m_settings->setValue(QStringLiteral("appearance/language"), language);
}

QString ProfileSettings::theme() const
{
    return m_settings->value(QStringLiteral("appearance/theme"), QStringLiteral("system"))
        .toString();
}

void ProfileSettings::setTheme(const QString &name)
{
    m_settings->setValue(QStringLiteral("appearance/theme"), name);
}

QStringList ProfileSettings::recentEmoji() const
{
    return m_settings->value(QStringLiteral("compose/recent-emoji")).toStringList();
}

void ProfileSettings::setRecentEmoji(const QStringList &emoji)
{
    m_settings->setValue(QStringLiteral("compose/recent-emoji"), emoji);
}

bool ProfileSettings::notificationSound() const
{
    return m_settings->value(QStringLiteral("notifications/sound"), false).toBool();
}

void ProfileSettings::setNotificationSound(bool on)
{
    m_settings->setValue(QStringLiteral("notifications/sound"), on);
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

QHash<QString, QString> ProfileSettings::drafts(const QString &owner) const
{
    QHash<QString, QString> drafts;
    m_settings->beginGroup(QStringLiteral("drafts/") + owner);
    for (const QString &key : m_settings->childKeys())
        drafts.insert(key, m_settings->value(key).toString());
    m_settings->endGroup();
    return drafts;
}

QList<qint64> ProfileSettings::mutedConversations(const QString &owner) const
{
    QList<qint64> ids;
    const QStringList stored = m_settings->value(QStringLiteral("muted/") + owner).toStringList();
    for (const QString &id : stored) {
        if (const qint64 n = id.toLongLong(); n > 0)
            ids.append(n);
    }
    return ids;
}

void ProfileSettings::setMutedConversations(const QString &owner, const QList<qint64> &ids)
{
    QStringList stored;
    for (qint64 id : ids)
        stored.append(QString::number(id));
    if (stored.isEmpty())
        m_settings->remove(QStringLiteral("muted/") + owner);
    else
        m_settings->setValue(QStringLiteral("muted/") + owner, stored);
}

void ProfileSettings::setDraft(const QString &owner, const QString &key, const QString &text)
{
    const QString path = QStringLiteral("drafts/%1/%2").arg(owner, key);
    if (text.isEmpty())
        m_settings->remove(path);
    else
        m_settings->setValue(path, text);
}

void ProfileSettings::sync()
{
    m_settings->sync();
    QFile::setPermissions(m_settings->fileName(), kOwnerFile); // in case it was replaced
    m_vault->waitForWrites(2'000);
}

} // namespace natter::client
