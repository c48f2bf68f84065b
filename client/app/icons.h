#pragma once
// The app's line icons (resources/icons/*.svg), tinted with a palette colour so they follow
// the light or dark theme.

#include <QColor>
#include <QIcon>
#include <QString>

namespace natter::client::icons {

// `name` is the file name without ".svg", e.g. "send".
QIcon tinted(const QString &name, const QColor &color);
QIcon appIcon();

} // namespace natter::client::icons
