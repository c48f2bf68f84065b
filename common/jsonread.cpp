#include "jsonread.h"

#include "protocollimits.h"

#include <cmath>

namespace natter {
namespace {

bool isIntegral(double value)
{
    return std::isfinite(value) && std::floor(value) == value;
}

} // namespace

bool JsonReader::has(const QString &key) const
{
    const auto it = m_object.constFind(key);
    return it != m_object.constEnd() && !it->isNull() && !it->isUndefined();
}

void JsonReader::fail(ErrorCode code, const QString &message, const QString &field)
{
    if (!m_error)
        m_error = ProtocolError::make(code, message, field);
}

QString JsonReader::string(const QString &key, int minChars, int maxChars)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        fail(ErrorCode::BadRequest,
             v.isUndefined() ? QStringLiteral("missing field \"%1\"").arg(key)
                             : QStringLiteral("field \"%1\" must be a string").arg(key),
             key);
        return {};
    }
    QString s = v.toString();
    if (s.size() < minChars || s.size() > maxChars) {
        fail(s.size() > maxChars ? ErrorCode::TooLarge : ErrorCode::BadRequest,
             QStringLiteral("field \"%1\" must have %2 to %3 characters")
                 .arg(key)
                 .arg(minChars)
                 .arg(maxChars),
             key);
        return {};
    }
    return s;
}

qint64 JsonReader::integer(const QString &key, qint64 min, qint64 max)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble() || !isIntegral(v.toDouble())) {
        fail(ErrorCode::BadRequest,
             v.isUndefined() ? QStringLiteral("missing field \"%1\"").arg(key)
                             : QStringLiteral("field \"%1\" must be an integer").arg(key),
             key);
        return 0;
    }
    const double d = v.toDouble();
    if (d < double(min) || d > double(max)) {
        fail(ErrorCode::BadRequest,
             QStringLiteral("field \"%1\" must be between %2 and %3").arg(key).arg(min).arg(max),
             key);
        return 0;
    }
    return qint64(d);
}

qint64 JsonReader::id(const QString &key)
{
    return integer(key, 1, limits::kMaxId);
}

bool JsonReader::boolean(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isBool()) {
        fail(ErrorCode::BadRequest,
             v.isUndefined() ? QStringLiteral("missing field \"%1\"").arg(key)
                             : QStringLiteral("field \"%1\" must be true or false").arg(key),
             key);
        return false;
    }
    return v.toBool();
}

QUuid JsonReader::uuid(const QString &key)
{
    const QString s = string(key, 36, 38);
    if (!ok())
        return {};
    const QUuid u = QUuid::fromString(s);
    if (u.isNull()) {
        fail(ErrorCode::BadRequest, QStringLiteral("field \"%1\" must be a UUID").arg(key), key);
        return {};
    }
    return u;
}

QJsonObject JsonReader::object(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        fail(ErrorCode::BadRequest, QStringLiteral("field \"%1\" must be an object").arg(key), key);
        return {};
    }
    return v.toObject();
}

QJsonArray JsonReader::array(const QString &key)
{
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        fail(ErrorCode::BadRequest, QStringLiteral("field \"%1\" must be an array").arg(key), key);
        return {};
    }
    return v.toArray();
}

QString JsonReader::optString(const QString &key, int maxChars, const QString &fallback)
{
    return has(key) ? string(key, 0, maxChars) : fallback;
}

qint64 JsonReader::optId(const QString &key)
{
    return has(key) ? id(key) : 0;
}

qint64 JsonReader::optInteger(const QString &key, qint64 min, qint64 max, qint64 fallback)
{
    return has(key) ? integer(key, min, max) : fallback;
}

std::optional<qint64> JsonReader::optTimestamp(const QString &key)
{
    if (!has(key))
        return std::nullopt;
    return integer(key, 0, limits::kMaxId);
}

} // namespace natter
