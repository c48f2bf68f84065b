#include "mutestore.h"

#include "profilesettings.h"

#include <QCryptographicHash>

namespace natter::client {

MuteStore::MuteStore(ProfileSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{}

void MuteStore::setOwner(const QUrl &server, qint64 userId)
{
    m_owner.clear();
    m_muted.clear();
    if (userId <= 0)
        return;
    // The same owner key as the drafts': a settings group name without slashes and colons.
    const QByteArray who =
        server.toString(QUrl::StripTrailingSlash).toUtf8() + '#' + QByteArray::number(userId);
    m_owner = QString::fromLatin1(
        QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(16));
    m_muted = m_settings.mutedConversations(m_owner);
}

void MuteStore::setMuted(qint64 conversationId, bool muted)
{
    if (m_owner.isEmpty() || conversationId <= 0 || muted == isMuted(conversationId))
        return;
    if (muted)
        m_muted.append(conversationId);
    else
        m_muted.removeAll(conversationId);
    m_settings.setMutedConversations(m_owner, m_muted);
    emit mutedChanged(conversationId, muted);
}

} // namespace natter::client
