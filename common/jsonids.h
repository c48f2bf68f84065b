#pragma once
// Ids travel as JSON numbers: doubles, exact up to 2^53, far beyond any id the server hands out.

#include <QJsonArray>
#include <QJsonValue>
#include <QList>

namespace natter::jsonids {

inline QJsonValue idValue(qint64 id)
{
    return QJsonValue(double(id));
}

inline QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (const qint64 id : ids)
        out.append(idValue(id));
    return out;
}

} // namespace natter::jsonids
