#include "looppacer.h"

#include <QAbstractEventDispatcher>
#include <QThread>

namespace bench {

LoopPacer::LoopPacer(int pauseMs, QObject *parent) : QObject(parent), m_pauseMs(pauseMs)
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (m_pauseMs <= 0 || !dispatcher)
        return;
    connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
            [this]() { QThread::msleep(ulong(m_pauseMs)); });
}

} // namespace bench
