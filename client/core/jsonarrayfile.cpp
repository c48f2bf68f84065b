#include "jsonarrayfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace natter::client::jsonarrayfile {

QJsonArray read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

void write(const QString &path, const QJsonArray &array)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(array).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

} // namespace natter::client::jsonarrayfile
