#include "clientid.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace natter {

QUuid newClientId()
{
    QRandomGenerator *random = QRandomGenerator::global();
    return clientIdAt(QDateTime::currentMSecsSinceEpoch(), random->generate64(),
                      random->generate64());
}

QUuid clientIdAt(qint64 ms, quint64 randomHigh, quint64 randomLow)
{
    const quint64 time = quint64(ms) & 0xffffffffffffULL; // 48 bits
    return QUuid(uint(time >> 16), ushort(time & 0xffff),
                 ushort(0x7000 | (randomHigh & 0x0fff)),   // version 7, rand_a
                 uchar(0x80 | ((randomLow >> 56) & 0x3f)), // variant 10
                 uchar(randomLow >> 48), uchar(randomLow >> 40), uchar(randomLow >> 32),
                 uchar(randomLow >> 24), uchar(randomLow >> 16), uchar(randomLow >> 8),
                 uchar(randomLow));
}

} // namespace natter
