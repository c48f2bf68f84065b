#pragma once
// Unsent text per conversation. What is typed in one conversation stays with it: switching
// away keeps it (shown as "Draft: …" in the list), switching back brings it back, and it
// survives a restart. Drafts belong to one user on one server.

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

namespace natter::client {

class ProfileSettings;

class DraftStore final : public QObject
{
    Q_OBJECT

public:
    explicit DraftStore(ProfileSettings &settings, QObject *parent = nullptr);

    // Whose drafts these are; loads them. A user id of 0 means nobody is signed in.
    void setOwner(const QUrl &server, qint64 userId);
    // A conversation before its first message has no id yet: its draft is kept by peer.
    static QString keyFor(qint64 conversationId, qint64 peerId);
    QString text(const QString &key) const { return m_drafts.value(key); }
    QString textOf(qint64 conversationId) const;
    // Empty text removes the draft.
    void setText(const QString &key, const QString &text);

signals:
    void draftChanged(const QString &key);

private:
    ProfileSettings &m_settings;
    QString m_owner;
    QHash<QString, QString> m_drafts;
};

} // namespace natter::client
