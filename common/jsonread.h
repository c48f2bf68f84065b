#pragma once
// Strict typed reads from a QJsonObject. Each read records the first problem it meets, so a
// decoder reads every field and then checks ok() once; error() names the offending field.

#include "errorcode.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace natter {

class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object) : m_object(object) {}

    bool ok() const { return !m_error.has_value(); }
    const ProtocolError &error() const { return *m_error; }
    bool has(const QString &key) const;

    // Required fields (a missing field is an error).
    QString string(const QString &key, int minChars, int maxChars);
    qint64 id(const QString &key); // integer in [1, 2^53)
    bool boolean(const QString &key);
    QUuid uuid(const QString &key);
    QJsonObject object(const QString &key);
    QJsonArray array(const QString &key);
    qint64 integer(const QString &key, qint64 min, qint64 max);

    // Optional fields: the fallback when missing (null counts as missing).
    QString optString(const QString &key, int maxChars, const QString &fallback = {});
    qint64 optId(const QString &key); // 0 when missing
    qint64 optInteger(const QString &key, qint64 min, qint64 max, qint64 fallback);
    std::optional<qint64> optTimestamp(const QString &key);

    void fail(ErrorCode code, const QString &message, const QString &field);

    // The end of a decoder: `value` when every read succeeded, else nullopt and the first
    // problem in *error (when given).
    template <typename T> std::optional<T> result(T value, ProtocolError *error) const
    {
        if (ok())
            return value;
        if (error)
            *error = *m_error;
        return std::nullopt;
    }

private:
    QJsonObject m_object; // implicitly shared: a copy is cheap and cannot dangle
    std::optional<ProtocolError> m_error;
};

} // namespace natter
