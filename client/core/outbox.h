#pragma once
// Messages written but not yet acknowledged. Kept in a JSON file in the profile's data dir so
// they survive the client being closed, and re-sent with the same client_id until acked.

#include "fileinfo.h"

#include <QList>
#include <QString>
#include <QUuid>

namespace natter::client {

struct PendingMessage
{
    QUuid clientId;
    qint64 conversationId = 0; // 0 for a conversation created by this message
    qint64 to = 0;             // the peer's user id
    QString content;
    qint64 createdAt = 0;
    qint64 replyTo = 0;  // the message it answers (0: none)
    bool failed = false; // rejected by the server for good (e.g. too_large): not retried
    // A stored file this message carries (uploaded first, fileupload.h); content is its caption.
    std::optional<FileInfo> file = std::nullopt;
};

class Outbox final
{
public:
    explicit Outbox(QString filePath);

    const QList<PendingMessage> &messages() const { return m_messages; }
    void add(const PendingMessage &message);
    void remove(const QUuid &clientId);
    void markFailed(const QUuid &clientId);
    bool contains(const QUuid &clientId) const;

private:
    void load();
    void save() const;

    QString m_path;
    QList<PendingMessage> m_messages;
};

} // namespace natter::client
