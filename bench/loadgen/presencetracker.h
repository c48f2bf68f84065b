#pragma once
// Idle mode: follows every client's online list (the presence snapshot, then diffs) and tells
// when every client sees every other bench user online. Only bench users count (PREFIXn with
// n < users); the frames are scanned, not parsed, because 10,000 clients receive ~10^8
// entries in total.

#include <QHash>
#include <QObject>
#include <QStringView>

#include <vector>

namespace bench {

class PresenceTracker final : public QObject
{
    Q_OBJECT

public:
    PresenceTracker(int users, const QString &prefix, QObject *parent = nullptr);

    // Offline diffs carry ids only: the tracker learns them as clients sign in.
    void setUserId(int index, qint64 userId);
    void apply(int clientIndex, QStringView frame);

    int completeClients() const { return m_complete; }
    bool allComplete() const { return m_complete == m_users; }
    // The shortest and longest online list (bench users other than the client itself).
    int shortestList() const;
    int longestList() const;
    qint64 framesSeen() const { return m_frames; }
    qint64 entriesSeen() const { return m_entries; }

signals:
    void becameComplete();

private:
    int indexOfName(QStringView name) const;
    void setOnline(int clientIndex, int userIndex, bool online);

    int m_users;
    QString m_prefix;
    std::vector<std::vector<bool>> m_online; // per client: which bench users it sees online
    std::vector<int> m_count;                // per client: how many, itself excluded
    QHash<qint64, int> m_indexById;
    int m_complete = 0;
    qint64 m_frames = 0;
    qint64 m_entries = 0;
};

} // namespace bench
