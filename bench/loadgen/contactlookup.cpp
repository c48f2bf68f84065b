#include "contactlookup.h"

#include "benchclient.h"
#include "usernames.h"

#include <algorithm>
#include <utility>

namespace bench {

void requestContacts(BenchClient *client, const QString &prefix, int users,
                     std::function<void(const Contacts &)> done)
{
    client->request(natter::protocol::RequestType::Conversations, {},
                    [prefix, users, done = std::move(done)](const BenchClient::Reply &reply) {
                        Contacts contacts;
                        const auto list =
                            BenchClient::decode<natter::ConversationsReply>(reply, &contacts.error);
                        if (!list)
                            return done(contacts);
                        contacts.ok = true;
                        for (const natter::Conversation &conversation : list->conversations) {
                            // A group's `peer` is its creator, not a contact: presence
                            // follows 1:1 conversations only.
                            if (conversation.group)
                                continue;
                            const int index =
                                userIndexOf(conversation.peer.username, prefix, users);
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
