#include "outbox.h"

#include "jsonarrayfile.h"

#include <QJsonObject>

namespace natter::client {

Outbox::Outbox(QString filePath) : m_path(std::move(filePath))
{
    load();
}

void Outbox::add(const PendingMessage &message)
{
    m_messages.append(message);
    save();
}

void Outbox::remove(const QUuid &clientId)
{
    if (m_messages.removeIf([&](const PendingMessage &m) { return m.clientId == clientId; }) > 0)
        save();
}

void Outbox::markFailed(const QUuid &clientId)
{
    for (PendingMessage &m : m_messages) {
        if (m.clientId == clientId)
            m.failed = true;
    }
    save();
}

bool Outbox::contains(const QUuid &clientId) const
{
    return std::any_of(m_messages.cbegin(), m_messages.cend(),
                       [&](const PendingMessage &m) { return m.clientId == clientId; });
}

void Outbox::load()
{
    for (const QJsonValue &v : jsonarrayfile::read(m_path)) {
        const QJsonObject o = v.toObject();
        PendingMessage m;
        m.clientId = QUuid::fromString(o.value(QStringLiteral("client_id")).toString());
        m.conversationId = o.value(QStringLiteral("conversation_id")).toInteger();
        m.to = o.value(QStringLiteral("to")).toInteger();
        m.content = o.value(QStringLiteral("content")).toString();
        m.createdAt = o.value(QStringLiteral("created_at")).toInteger();
        m.failed = o.value(QStringLiteral("failed")).toBool();
        m.replyTo = o.value(QStringLiteral("reply_to")).toInteger();
        m.file = FileInfo::fromJson(o.value(QStringLiteral("file")).toObject());
        if (!m.clientId.isNull() && (!m.content.isEmpty() || m.file))
            m_messages.append(m);
    }
}

void Outbox::save() const
{
    QJsonArray array;
    for (const PendingMessage &m : m_messages) {
        QJsonObject o{{QStringLiteral("client_id"), m.clientId.toString(QUuid::WithoutBraces)},
                      {QStringLiteral("conversation_id"), double(m.conversationId)},
                      {QStringLiteral("to"), double(m.to)},
                      {QStringLiteral("content"), m.content},
                      {QStringLiteral("created_at"), double(m.createdAt)},
                      {QStringLiteral("failed"), m.failed},
                      {QStringLiteral("reply_to"), double(m.replyTo)}};
        if (m.file)
            o.insert(QStringLiteral("file"), m.file->toJson());
        array.append(o);
    }
    jsonarrayfile::write(m_path, array);
}

} // namespace natter::client
