#pragma once
// Per-profile settings (`--profile NAME`): one INI file and one data directory per profile,
// so two windows on one machine can be two users. Both are the user's alone (0600 files,
// 0700 directories); the session token is not in the INI but in a TokenVault (keyring, or
// a 0600 file beside the INI).

#include <QByteArray>
#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace natter::client {

class TokenVault;

class ProfileSettings final
{
public:
    explicit ProfileSettings(const QString &profile = QStringLiteral("default"));
    ~ProfileSettings();
    Q_DISABLE_COPY_MOVE(ProfileSettings)

    QString profile() const { return m_profile; }
    QString dataDir() const { return m_dataDir; } // created on construction

    QUrl serverUrl() const;
    bool hasServerUrl() const; // false on first run: nothing chosen yet
    void setServerUrl(const QUrl &url);
    QString username() const;
    void setUsername(const QString &username);
    QString token() const; // empty unless "remember me"
    void setToken(const QString &token);
    QString iniPath() const;
    qint64 lastRev() const;
    void setLastRev(qint64 rev);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    // Trust on first use: the SHA-256 of a self-signed server certificate the user accepted,
    // per server host:port.
    QByteArray pinnedCertificate(const QUrl &server) const;
    void setPinnedCertificate(const QUrl &server, const QByteArray &sha256);
    // LAN discovery in the login dialog (on unless the user turned it off).
    bool discoveryEnabled() const;
    void setDiscoveryEnabled(bool enabled);
    // Message notifications: the text in them (off: only who wrote), and a sound.
    bool notificationPreview() const;
    void setNotificationPreview(bool on);
    bool notificationSound() const;
    void setNotificationSound(bool on);
    // The language: "" (the system's, the default), "en", or a translation's ("de").
    QString language() const;
    void setLanguage(const QString &language);
    // The look: "system" (the default), "light" or "dark".
    QString theme() const;
    void setTheme(const QString &name);
    // The emoji picker's most recently used emoji, newest first.
    QStringList recentEmoji() const;
    void setRecentEmoji(const QStringList &emoji);
    // This profile hosts a server on this computer: the app starts it again on launch.
    bool hostsServer() const;
    void setHostsServer(bool hosts);
    // Unsent text per conversation (see DraftStore), under a group per server and user.
    QHash<QString, QString> drafts(const QString &owner) const;
    void setDraft(const QString &owner, const QString &key, const QString &text);
    // Conversations muted by this user (MuteStore): no tray notification for them.
    QList<qint64> mutedConversations(const QString &owner) const;
    void setMutedConversations(const QString &owner, const QList<qint64> &ids);
    void sync(); // also waits briefly for the keyring to take a new token

    static QUrl defaultServerUrl();

private:
    QString m_profile;
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TokenVault> m_vault;
};

} // namespace natter::client
