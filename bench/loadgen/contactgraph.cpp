#include "contactgraph.h"

#include <algorithm>

namespace bench {

ContactGraph::ContactGraph(int users, int contacts) : m_users(users), m_half(contacts / 2)
{
    for (int i = 0; i < m_users; ++i) {
        for (int d = 1; d <= m_half; ++d) {
            const int j = (i + d) % m_users;
            if (j != i)
                m_pairs.emplace_back(i, j);
        }
    }
    // On a small ring (i + d) and (j + d') can meet: one conversation per pair.
    const auto key = [](const std::pair<int, int> &p) {
        return std::make_pair(std::min(p.first, p.second), std::max(p.first, p.second));
    };
    std::sort(m_pairs.begin(), m_pairs.end(),
              [&key](const auto &a, const auto &b) { return key(a) < key(b); });
    m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end(),
                              [&key](const auto &a, const auto &b) { return key(a) == key(b); }),
                  m_pairs.end());
}

std::vector<int> ContactGraph::contactsOf(int index) const
{
    std::vector<int> out;
    for (int d = 1; d <= m_half; ++d) {
        out.push_back((index + d) % m_users);
        out.push_back(((index - d) % m_users + m_users) % m_users);
    }
    out.erase(std::remove(out.begin(), out.end(), index), out.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace bench
