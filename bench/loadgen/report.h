#pragma once
// The result of one run: named values in the order they were added, printed as a two-column
// table for people and as one JSON line for bench/run.sh and bench/plot.py.

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace bench {

class Report
{
public:
    // Replaces an existing value of the same key (keeping its position).
    void add(const QString &key, const QJsonValue &value);
    // A number rounded to `decimals` places.
    void add(const QString &key, double value, int decimals);
    QJsonValue value(const QString &key) const;

    QString jsonLine() const;
    QString table() const;

private:
    QList<QPair<QString, QJsonValue>> m_fields;
};

} // namespace bench
