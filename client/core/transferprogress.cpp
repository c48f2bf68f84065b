#include "transferprogress.h"

namespace natter::client {

TransferProgress::TransferProgress(QObject *parent) : QObject(parent)
{
    m_announce.setSingleShot(true);
    m_announce.setInterval(100);
    connect(&m_announce, &QTimer::timeout, this, &TransferProgress::changed);
}

void TransferProgress::update(const QString &key, const Entry &entry)
{
    if (key.isEmpty())
        return;
    m_entries.insert(key, entry);
    schedule();
}

void TransferProgress::finish(const QString &key)
{
    if (m_entries.remove(key) > 0)
        schedule();
}

std::optional<TransferProgress::Entry> TransferProgress::of(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

void TransferProgress::schedule()
{
    if (!m_announce.isActive())
        m_announce.start();
}

} // namespace natter::client
