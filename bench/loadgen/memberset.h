#pragma once
// A set of user indices in [0, universe): one client's online list. With presence scoped to
// contacts a list holds a handful of entries, so it starts as a small sorted vector; a list
// that grows past kSmallMax (a server that sends more than contacts) turns into a bitmap of the
// universe, so even N lists of N entries stay at N*N bits and O(1) per entry.

#include <QtGlobal>

#include <vector>

namespace bench {

class MemberSet
{
public:
    explicit MemberSet(int universe = 0) : m_universe(universe) {}

    bool contains(int index) const;
    // False when it was already there (insert) or was not there (erase).
    bool insert(int index);
    bool erase(int index);
    void clear();
    int size() const { return m_size; }

    template <typename Function> void forEach(Function function) const
    {
        if (m_bits.empty()) {
            for (const int index : m_small)
                function(index);
            return;
        }
        for (int index = 0; index < m_universe; ++index) {
            if (m_bits[size_t(index)])
                function(index);
        }
    }

private:
    static constexpr int kSmallMax = 64;

    int m_universe;
    int m_size = 0;
    std::vector<int> m_small; // sorted, while m_bits is empty
    std::vector<bool> m_bits;
};

} // namespace bench
