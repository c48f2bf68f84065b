#pragma once
// One description of an object's fields, two ways to write it. A type lists its fields once,
// in a function template over the writer: JsonObjectWriter gives a QJsonObject (the generic
// encoders, codec.h), JsonTextWriter appends compact JSON text straight to a QString. The
// text form exists for the frames of every sent message: building a QJsonObject per frame and
// serialising it through QJsonDocument was a quarter of the server's time at 28,000
// messages/s. Both give the same JSON (keys in another order).

#include <QJsonObject>
#include <QLatin1String>
#include <QString>
#include <QStringView>
#include <QUuid>

#include <optional>

namespace natter {

// `text` as a JSON string literal, quotes included. Control characters and unpaired UTF-16
// surrogates are escaped, so the text parses back to exactly `text`.
void appendJsonString(QString &out, QStringView text);
// A decimal integer, without a temporary string.
void appendJsonInteger(QString &out, qint64 value);

class JsonObjectWriter final
{
public:
    // Ids, times and revisions: JSON numbers, exact below 2^53.
    void integer(QLatin1String key, qint64 value);
    void optInteger(QLatin1String key, std::optional<qint64> value); // null when absent
    void string(QLatin1String key, const QString &value);
    void uuid(QLatin1String key, const QUuid &value); // without braces
    void boolean(QLatin1String key, bool value);
    void object(QLatin1String key, const QJsonObject &value);
    QJsonObject take() { return std::move(m_object); }

private:
    QJsonObject m_object;
};

// Appends "{", the fields in the order they are written, and "}" on finish().
class JsonTextWriter final
{
public:
    explicit JsonTextWriter(QString &out);
    void integer(QLatin1String key, qint64 value);
    void optInteger(QLatin1String key, std::optional<qint64> value);
    void string(QLatin1String key, const QString &value);
    void uuid(QLatin1String key, const QUuid &value);
    void boolean(QLatin1String key, bool value);
    // Rare (system lines): written through QJsonDocument.
    void object(QLatin1String key, const QJsonObject &value);
    void finish();

private:
    void key(QLatin1String key);

    QString &m_out;
    bool m_first = true;
};

} // namespace natter
