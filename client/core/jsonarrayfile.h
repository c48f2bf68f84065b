#pragma once
// A small list kept as one JSON array in a file of the profile (the outbox, pending uploads).

#include <QJsonArray>
#include <QString>

namespace natter::client::jsonarrayfile {

// Empty when the file is missing or not a JSON array.
QJsonArray read(const QString &path);
// Written through QSaveFile: a crash mid-write never leaves a truncated file.
void write(const QString &path, const QJsonArray &array);

} // namespace natter::client::jsonarrayfile
