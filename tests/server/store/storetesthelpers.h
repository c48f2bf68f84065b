#pragma once
// Users and messages for the store suites, on any ChatStore. They abort the test binary on a
// failure: every test builds on them.

#include "chatstore.h"

#include <QtGlobal>

namespace natter::server::storetest {

inline qint64 makeUser(ChatStore &store, const QString &name, qint64 now)
{
    const auto u = store.createUser(name, QByteArray("hash"), now);
    if (!u.ok())
        qFatal("createUser failed: %s", qPrintable(u.detail));
    return u.value.id;
}

struct AliceAndBob
{
    qint64 alice = 0;
    qint64 bob = 0;
};

inline AliceAndBob makeAliceAndBob(ChatStore &store, qint64 now)
{
    return {makeUser(store, QStringLiteral("alice"), now),
            makeUser(store, QStringLiteral("bob"), now)};
}

inline AppendedMessage sendMessage(ChatStore &store, qint64 from, qint64 to, const QString &text,
                                   qint64 createdAt, QUuid clientId = {})
{
    NewMessage n;
    n.senderId = from;
    n.recipientId = to;
    n.clientId = clientId.isNull() ? QUuid::createUuid() : clientId;
    n.content = text;
    n.createdAt = createdAt;
    const auto r = store.appendMessages({n});
    if (r.size() != 1 || !r.first().ok())
        qFatal("append failed: %s", r.isEmpty() ? "no result" : qPrintable(r.first().detail));
    return r.first().value;
}

} // namespace natter::server::storetest
