#include "memberset.h"

#include <algorithm>

namespace bench {

bool MemberSet::contains(int index) const
{
    if (!m_bits.empty())
        return m_bits[size_t(index)];
    return std::binary_search(m_small.cbegin(), m_small.cend(), index);
}

bool MemberSet::insert(int index)
{
    if (!m_bits.empty()) {
        if (m_bits[size_t(index)])
            return false;
        m_bits[size_t(index)] = true;
        ++m_size;
        return true;
    }
    const auto at = std::lower_bound(m_small.begin(), m_small.end(), index);
    if (at != m_small.end() && *at == index)
        return false;
    m_small.insert(at, index);
    ++m_size;
    if (m_size > kSmallMax) {
        m_bits.assign(size_t(m_universe), false);
        for (const int member : m_small)
            m_bits[size_t(member)] = true;
        m_small = {};
    }
    return true;
}

bool MemberSet::erase(int index)
{
    if (!m_bits.empty()) {
        if (!m_bits[size_t(index)])
            return false;
        m_bits[size_t(index)] = false;
        --m_size;
        return true;
    }
    const auto at = std::lower_bound(m_small.begin(), m_small.end(), index);
    if (at == m_small.end() || *at != index)
        return false;
    m_small.erase(at);
    --m_size;
    return true;
}

void MemberSet::clear()
{
    // A list that once grew large is likely to again: the bitmap stays.
    if (!m_bits.empty())
        std::fill(m_bits.begin(), m_bits.end(), false);
    m_small.clear();
    m_size = 0;
}

} // namespace bench
