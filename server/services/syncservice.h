#pragma once
// Reconnect sync: every change visible to the caller after a revision, oldest first, in
// pages. Messages from the peer that reach the caller this way count as delivered.

#include "interfaces/caller.h"
#include "outcome.h"
#include "receiptservice.h"
#include "requests.h"
#include "store/chatstore.h"

namespace natter::server {

class SyncService final
{
public:
    SyncService(ChatStore &store, ReceiptService &receipts) : m_store(store), m_receipts(receipts)
    {}
    Q_DISABLE_COPY_MOVE(SyncService)

    Outcome<ChangePage> sync(const Caller &caller, const SyncRequest &request);

private:
    ChatStore &m_store;
    ReceiptService &m_receipts;
};

} // namespace natter::server
