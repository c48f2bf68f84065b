#include "benchclock.h"

#include <QElapsedTimer>

namespace bench {

qint64 nowNs()
{
    static const QElapsedTimer clock = []() {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    return clock.nsecsElapsed();
}

} // namespace bench
