#pragma once
// What the server says a client's contacts are: the peers of its 1:1 conversations (the
// `conversations` request; a group's members are not contacts). A presence list is judged against
// these, so a database with conversations from earlier runs is judged right too.

#include <QString>

#include <functional>
#include <vector>

namespace bench {

class BenchClient;

struct Contacts
{
    bool ok = false;
    QString error;          // when not ok
    std::vector<int> bench; // bench users of this run (indices), sorted
    int others = 0;         // peers that are not bench users of this run
};

// `done` runs once, with the reply or the reason there is none.
void requestContacts(BenchClient *client, const QString &prefix, int users,
                     std::function<void(const Contacts &)> done);

} // namespace bench
