#pragma once
// Group mode's setup (not timed): G groups of M members over the N signed-in clients, member j
// of group g being client (g*M + j) mod N (N = G*M by default: every client in one group;
// fewer clients put each in several). The first member creates the group with the others.
// ready() once every group exists and the system lines it caused had a moment to arrive.

#include <QObject>

#include <vector>

namespace bench {

class BenchClient;

class GroupSetup final : public QObject
{
    Q_OBJECT

public:
    struct Group
    {
        qint64 conversationId = 0;
        std::vector<BenchClient *> members; // the creator first
    };

    GroupSetup(const std::vector<BenchClient *> &clients, int groups, int members,
               QObject *parent = nullptr);
    void start();
    const std::vector<Group> &groups() const { return m_groups; }

signals:
    void ready();
    void failed(const QString &reason);

private:
    void create(size_t index);

    std::vector<Group> m_groups;
    size_t m_next = 0;
    size_t m_created = 0;
    bool m_failed = false;
};

} // namespace bench
