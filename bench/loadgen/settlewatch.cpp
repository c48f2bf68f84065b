#include "settlewatch.h"

#include "benchclock.h"

namespace bench {

QJsonValue secondsSince(qint64 startNs, qint64 endNs)
{
    if (endNs == 0)
        return QJsonValue(QJsonValue::Null);
    return qRound64(double(endNs - startNs) / 1e6) / 1e3;
}

SettleWatch::SettleWatch(int settleMs, QObject *parent) : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_settle, &QTimer::timeout, this, [this]() {
        finish();
        emit settled();
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this]() {
        finish();
        emit timedOut();
    });
}

void SettleWatch::startDeadline(int deadlineMs)
{
    if (!m_finished)
        m_deadline.start(deadlineMs);
}

void SettleWatch::update(bool holds)
{
    if (m_finished || holds == m_holds)
        return;
    m_holds = holds;
    if (holds) {
        m_sinceNs = nowNs();
        m_settle.start();
    } else {
        m_settle.stop();
    }
}

void SettleWatch::finish()
{
    m_finished = true;
    m_settle.stop();
    m_deadline.stop();
}

} // namespace bench
