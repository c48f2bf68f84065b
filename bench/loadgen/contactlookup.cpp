#include "contactlookup.h"

#include "benchclient.h"
#include "usernames.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace bench {

void requestContacts(BenchClient *client, const QString &prefix, int users,
                     std::function<void(const Contacts &)> done)
{
    client->request(QStringLiteral("conversations"), {},
                    [prefix, users, done = std::move(done)](const QJsonObject &reply) {
                        Contacts contacts;
                        if (reply.value(QStringLiteral("type")).toString() != QLatin1String("ok")) {
                            contacts.error = reply.isEmpty()
                                                 ? QStringLiteral("connection closed")
                                                 : reply.value(QStringLiteral("code")).toString();
                            return done(contacts);
                        }
                        contacts.ok = true;
                        const QJsonArray list =
                            reply.value(QStringLiteral("conversations")).toArray();
                        for (const QJsonValue &conversation : list) {
                            const QString peer = conversation.toObject()
                                                     .value(QStringLiteral("peer"))
                                                     .toObject()
                                                     .value(QStringLiteral("username"))
                                                     .toString();
                            const int index = userIndexOf(peer, prefix, users);
                            if (index >= 0)
                                contacts.bench.push_back(index);
                            else
                                ++contacts.others;
                        }
                        std::sort(contacts.bench.begin(), contacts.bench.end());
                        done(contacts);
                    });
}

} // namespace bench
