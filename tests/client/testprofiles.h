#pragma once
// Client tests run with QStandardPaths' test mode; profiles (outboxes, tokens, pins) of
// earlier runs must not leak into a new one.

#include <QDir>
#include <QStandardPaths>

inline void useFreshTestProfiles()
{
    QStandardPaths::setTestModeEnabled(true);
    for (const auto location :
         {QStandardPaths::GenericDataLocation, QStandardPaths::GenericConfigLocation})
        QDir(QStandardPaths::writableLocation(location) + QStringLiteral("/natter"))
            .removeRecursively();
}
