#include "pendinguploads.h"

#include "jsonarrayfile.h"

#include <QJsonObject>

namespace natter::client {

PendingUploads::PendingUploads(QString filePath) : m_path(std::move(filePath))
{
    load();
}

void PendingUploads::add(const PendingUpload &upload)
{
    m_uploads.append(upload);
    save();
}

void PendingUploads::setUploadId(const QUuid &key, const QString &uploadId)
{
    for (PendingUpload &u : m_uploads) {
        if (u.key == key && u.uploadId != uploadId) {
            u.uploadId = uploadId;
            save();
        }
    }
}

void PendingUploads::remove(const QUuid &key)
{
    if (m_uploads.removeIf([&](const PendingUpload &u) { return u.key == key; }) > 0)
        save();
}

void PendingUploads::clear()
{
    if (m_uploads.isEmpty())
        return;
    m_uploads.clear();
    save();
}

void PendingUploads::load()
{
    for (const QJsonValue &v : jsonarrayfile::read(m_path)) {
        const QJsonObject o = v.toObject();
        PendingUpload u;
        u.key = QUuid::fromString(o.value(QStringLiteral("key")).toString());
        u.path = o.value(QStringLiteral("path")).toString();
        u.conversationId = o.value(QStringLiteral("conversation_id")).toInteger();
        u.caption = o.value(QStringLiteral("caption")).toString();
        u.uploadId = o.value(QStringLiteral("upload_id")).toString();
        if (!u.key.isNull() && !u.path.isEmpty() && u.conversationId > 0)
            m_uploads.append(u);
    }
}

void PendingUploads::save() const
{
    QJsonArray array;
    for (const PendingUpload &u : m_uploads) {
        array.append(QJsonObject{{QStringLiteral("key"), u.key.toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("path"), u.path},
                                 {QStringLiteral("conversation_id"), double(u.conversationId)},
                                 {QStringLiteral("caption"), u.caption},
                                 {QStringLiteral("upload_id"), u.uploadId}});
    }
    jsonarrayfile::write(m_path, array);
}

} // namespace natter::client
