#pragma once
// The presence benchmark's contacts: user i shares a conversation with users (i + d) mod N for
// d = 1..K/2, so every user has K contacts (its K/2 neighbours on either side of a ring), and
// the N*K/2 conversations cost one send each to create.

#include <utility>
#include <vector>

namespace bench {

class ContactGraph
{
public:
    // `contacts` is K (even); fewer when N is too small for K distinct neighbours.
    ContactGraph(int users, int contacts);

    // The conversations: (i, j) with i the sender, each unordered pair once.
    const std::vector<std::pair<int, int>> &pairs() const { return m_pairs; }
    // User `index`'s contacts, sorted.
    std::vector<int> contactsOf(int index) const;

private:
    int m_users;
    int m_half;
    std::vector<std::pair<int, int>> m_pairs;
};

} // namespace bench
