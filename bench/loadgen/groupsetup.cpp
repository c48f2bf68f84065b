#include "groupsetup.h"

#include "benchclient.h"
#include "requests.h"
#include "settlewatch.h"

#include <QTimer>

namespace bench {
namespace {

// Creations in flight: the server stores each with its members in one transaction.
constexpr size_t kInFlight = 8;
// After the last creation: the system lines ("… created the group") reach every member
// before the window opens, so they are not counted as bench deliveries.

} // namespace

GroupSetup::GroupSetup(const std::vector<BenchClient *> &clients, int groups, int members,
                       QObject *parent)
    : QObject(parent)
{
    const size_t n = clients.size();
    m_groups.resize(size_t(groups));
    for (size_t g = 0; g < m_groups.size(); ++g) {
        for (size_t j = 0; j < size_t(members); ++j)
            m_groups[g].members.push_back(clients[(g * size_t(members) + j) % n]);
    }
}

void GroupSetup::start()
{
    while (m_next < m_groups.size() && m_next < kInFlight)
        create(m_next++);
    if (m_groups.empty())
        emit ready();
}

void GroupSetup::create(size_t index)
{
    Group &group = m_groups[index];
    natter::CreateGroupRequest request;
    request.name = QStringLiteral("bench group %1").arg(index);
    for (size_t j = 1; j < group.members.size(); ++j)
        request.members.append(group.members[j]->userId());
    group.members.front()->request(request, [this, index](const BenchClient::Reply &reply) {
        if (m_failed)
            return;
        QString why;
        const auto created = BenchClient::decode<natter::CreateGroupReply>(reply, &why);
        if (!created) {
            m_failed = true;
            emit failed(QStringLiteral("create_group %1 failed: %2").arg(index).arg(why));
            return;
        }
        m_groups[index].conversationId = created->group.id;
        if (++m_created == m_groups.size()) {
            QTimer::singleShot(kSettleMs, this, &GroupSetup::ready);
            return;
        }
        if (m_next < m_groups.size())
            create(m_next++);
    });
}

} // namespace bench
