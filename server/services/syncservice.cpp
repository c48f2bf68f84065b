#include "syncservice.h"

#include <QHash>

namespace natter::server {

Outcome<ChangePage> SyncService::sync(const Caller &caller, const SyncRequest &request)
{
    auto page = m_store.changesSince(caller.userId, request.since, request.limit);
    if (!page.ok())
        return Outcome<ChangePage>::failure(storeError(page, QString()));
    // The cursor never goes backwards, even for an empty page.
    page.value.rev = qMax(page.value.rev, request.since);

    QHash<qint64, qint64> newestFromPeer; // conversation -> message id
    for (const Message &m : std::as_const(page.value.messages)) {
        if (m.senderId != caller.userId) {
            qint64 &newest = newestFromPeer[m.conversationId];
            newest = qMax(newest, m.id);
        }
    }
    // Where the page holds the caller's own delivered position already at or past those
    // messages (they were pushed live, e.g. a client catching its cursor up), there is
    // nothing to write.
    QHash<qint64, qint64> deliveredShown; // conversation -> the caller's delivered position
    for (const Receipt &r : std::as_const(page.value.receipts)) {
        if (r.userId == caller.userId)
            deliveredShown[r.conversationId] =
                qMax(deliveredShown.value(r.conversationId), r.deliveredUpTo);
    }
    // The reply is built already; receipts that move now reach the client as events.
    QList<ChatStore::DeliveryMark> marks;
    for (auto it = newestFromPeer.cbegin(); it != newestFromPeer.cend(); ++it) {
        if (deliveredShown.value(it.key()) < it.value())
            marks.append({it.key(), caller.userId, it.value()});
    }
    m_receipts.markDeliveredAll(marks);
    return Outcome<ChangePage>::success(std::move(page.value));
}

} // namespace natter::server
