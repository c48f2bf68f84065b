#pragma once
// Conversations the user muted, per server and account, kept in the profile's settings: a
// muted conversation raises no tray notification.

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace natter::client {

class ProfileSettings;

class MuteStore final : public QObject
{
    Q_OBJECT

public:
    explicit MuteStore(ProfileSettings &settings, QObject *parent = nullptr);

    void setOwner(const QUrl &server, qint64 userId); // the signed-in account; 0: none
    bool isMuted(qint64 conversationId) const { return m_muted.contains(conversationId); }
    void setMuted(qint64 conversationId, bool muted);

signals:
    void mutedChanged(qint64 conversationId, bool muted);

private:
    ProfileSettings &m_settings;
    QString m_owner;
    QList<qint64> m_muted;
};

} // namespace natter::client
