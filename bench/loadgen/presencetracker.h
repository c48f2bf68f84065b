#pragma once
// Follows every client's online list (the presence snapshot, then diffs) and judges it against
// the list it should be: exactly the users it is told to expect (the client's contacts that
// are online). Only watched clients count. A list is complete when it holds every expected
// user, correct when it holds nothing else either: not the client itself, not another bench
// user, not a user outside the bench (tracked by id). Frames are scanned, not parsed: 10,000
// clients share two cores with the server.

#include "memberset.h"

#include <QObject>
#include <QSet>
#include <QStringView>

#include <vector>

namespace bench {

class PresenceTracker final : public QObject
{
    Q_OBJECT

public:
    PresenceTracker(int users, const QString &prefix, QObject *parent = nullptr);

    // Offline diffs carry ids only: they are learnt here and from online entries.
    void setUserId(int index, qint64 userId);
    // From now on `index`'s list counts, judged against `expected` (bench user indices).
    void watch(int index, std::vector<int> expected);
    void unwatch(int index);
    // User `index` is connecting in this run: an entry naming it before this is early (the
    // server still announced it from an earlier connection).
    void noteOpening(int index);
    void apply(int clientIndex, QStringView frame);

    int completeClients() const { return m_complete; }
    int correctClients() const { return m_correct; }
    bool allComplete() const { return m_complete == m_watched; }
    bool allCorrect() const { return m_correct == m_watched; }
    // The shortest and longest list among the watched clients.
    int shortestList() const;
    int longestList() const;
    qint64 framesSeen() const { return m_frames; }
    qint64 bytesSeen() const { return m_bytes; } // UTF-8, as on the wire
    qint64 entriesSeen() const { return m_entries; }
    qint64 earlyEntries() const { return m_early; }

signals:
    // Every watched list became complete (correct), or one stopped being.
    void allCompleteChanged(bool allComplete);
    void allCorrectChanged(bool allCorrect);

private:
    struct ClientList
    {
        MemberSet members;         // bench users in the list
        QSet<qint64> foreign;      // ids of anyone else in the list
        std::vector<int> expected; // sorted
        int expectedPresent = 0;
        bool snapshotSeen = false;
        bool watched = false;
        bool complete = false;
        bool correct = false;
    };

    void setMember(ClientList &list, int userIndex, bool online);
    void refresh(ClientList &list);
    void emitTransitions();
    int listSize(const ClientList &list) const;

    int m_users;
    QString m_prefix;
    std::vector<ClientList> m_lists;
    std::vector<qint64> m_idOf; // 0 while unknown
    QHash<qint64, int> m_indexById;
    std::vector<bool> m_opening;
    int m_watched = 0;
    int m_complete = 0;
    int m_correct = 0;
    bool m_wasAllComplete = true;
    bool m_wasAllCorrect = true;
    qint64 m_frames = 0;
    qint64 m_bytes = 0;
    qint64 m_entries = 0;
    qint64 m_early = 0;
};

} // namespace bench
