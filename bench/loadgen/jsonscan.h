#pragma once
// Reading single fields out of a server frame without building a QJsonDocument: the hot path
// (acks, message events) runs tens of thousands of times per second next to the server on
// two cores. The server writes compact JSON; these helpers also accept spaces after ':' and
// any field order. A key is matched only where it is followed by ':' (so "message" as a value
// is skipped). They return the first match in the text: use them for fields whose name
// occurs once in the frame (or whose first occurrence is the one wanted).

#include <QLatin1String>
#include <QStringView>

#include <optional>

namespace bench::jsonscan {

// Position just after `"key":` (and any spaces), or -1.
qsizetype valueStart(QStringView frame, QLatin1String key, qsizetype from = 0);

// The raw characters of a string value (escapes left as they are); empty when absent.
QStringView stringField(QStringView frame, QLatin1String key, qsizetype from = 0);

// An integer value; nullopt when absent or not an integer.
std::optional<qint64> intField(QStringView frame, QLatin1String key, qsizetype from = 0);

// true/false; nullopt when absent.
std::optional<bool> boolField(QStringView frame, QLatin1String key, qsizetype from = 0);

// Reads an unsigned decimal integer at `pos`; advances `pos` past it. False when no digit.
bool readInteger(QStringView text, qsizetype *pos, qint64 *value);

} // namespace bench::jsonscan
