#pragma once
// Durations of event-loop passes ("frames"): how long the UI thread was blocked each time.

#include <QList>
#include <QString>

namespace bench {

class FrameStats final
{
public:
    void add(qint64 nsecs) { m_ns.append(nsecs); }
    int count() const { return int(m_ns.size()); }
    double percentileMs(double p) const; // p in [0, 100]
    double maxMs() const;
    int countOver(double ms) const;
    QString summary() const;

private:
    QList<qint64> m_ns;
};

} // namespace bench
