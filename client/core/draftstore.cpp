#include "draftstore.h"

#include "profilesettings.h"

#include <QCryptographicHash>

namespace natter::client {

DraftStore::DraftStore(ProfileSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{}

void DraftStore::setOwner(const QUrl &server, qint64 userId)
{
    m_drafts.clear();
    m_owner.clear();
    if (userId > 0) {
        // A settings group name without the URL's slashes and colons.
        const QByteArray who =
            server.toString(QUrl::StripTrailingSlash).toUtf8() + '#' + QByteArray::number(userId);
        m_owner = QString::fromLatin1(
            QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(16));
        m_drafts = m_settings.drafts(m_owner);
    }
    emit draftChanged({});
}

QString DraftStore::keyFor(qint64 conversationId, qint64 peerId)
{
    return conversationId > 0 ? QStringLiteral("c%1").arg(conversationId)
                              : QStringLiteral("u%1").arg(peerId);
}

QString DraftStore::textOf(qint64 conversationId) const
{
    return conversationId > 0 ? text(keyFor(conversationId, 0)) : QString();
}

void DraftStore::setText(const QString &key, const QString &text)
{
    // Only blank text is no draft; the text itself is kept as typed.
    const QString kept = text.trimmed().isEmpty() ? QString() : text;
    if (m_owner.isEmpty() || key.isEmpty() || m_drafts.value(key) == kept)
        return;
    if (kept.isEmpty())
        m_drafts.remove(key);
    else
        m_drafts.insert(key, kept);
    m_settings.setDraft(m_owner, key, kept);
    emit draftChanged(key);
}

} // namespace natter::client
