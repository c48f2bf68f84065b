#pragma once
// A generated conversation of N messages between alice (self) and bob, served in pages
// newest-first the way the server's `history` reply is, so the real MessageListModel gets
// exactly what ChatClient would give it.

#include "types.h"

#include <QList>

namespace bench {

class FakeHistory final
{
public:
    explicit FakeHistory(int total);

    static natter::User self() { return {1, QStringLiteral("alice")}; }
    static natter::User peer() { return {2, QStringLiteral("bob")}; }
    static constexpr qint64 kConversationId = 1;

    // Up to `limit` messages older than `beforeId` (0: the newest), newest first.
    QList<natter::Message> page(qint64 beforeId, int limit) const;
    int total() const { return m_total; }

private:
    natter::Message messageAt(qint64 id) const;

    int m_total;
    qint64 m_newestAt;
};

} // namespace bench
