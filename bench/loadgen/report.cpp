#include "report.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace bench {
namespace {

QString jsonText(const QJsonValue &value)
{
    // QJsonDocument writes only arrays and objects: write [value] and strip the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString displayText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    return jsonText(value);
}

} // namespace

void Report::add(const QString &key, const QJsonValue &value)
{
    for (auto &field : m_fields) {
        if (field.first == key) {
            field.second = value;
            return;
        }
    }
    m_fields.append({key, value});
}

void Report::add(const QString &key, double value, int decimals)
{
    if (!std::isfinite(value)) {
        add(key, QJsonValue(QJsonValue::Null));
        return;
    }
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    // Whole numbers print without ".0".
    if (decimals == 0 || rounded == std::floor(rounded))
        add(key, QJsonValue(qint64(rounded)));
    else
        add(key, QJsonValue(rounded));
}

QJsonValue Report::value(const QString &key) const
{
    for (const auto &field : m_fields) {
        if (field.first == key)
            return field.second;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString Report::jsonLine() const
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += jsonText(m_fields[i].first) + QLatin1Char(':') + jsonText(m_fields[i].second);
    }
    out += QLatin1Char('}');
    return out;
}

QString Report::table() const
{
    qsizetype width = 0;
    for (const auto &field : m_fields)
        width = std::max(width, field.first.size());
    QString out;
    for (const auto &field : m_fields)
        out += QStringLiteral("  %1  %2\n")
                   .arg(field.first, -int(width))
                   .arg(displayText(field.second));
    return out;
}

} // namespace bench
