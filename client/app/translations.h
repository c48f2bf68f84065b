#pragma once
// The app in the person's language: the profile's choice, else the system's. Natter's own
// strings (client/translations/*.ts, built into .qm files beside the program, installed to
// share/natter/translations) and Qt's (its standard dialogs) are loaded, the layout mirrors
// for a right-to-left language, and dates and times follow the language's locale.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace natter::client::translations {

// The languages shipped, as settings values ("de", "fr", "es", "ar"); English is the source.
QStringList available();
// Each language's own name ("Deutsch"), for the menu.
QString nativeName(const QString &language);
// Where the .qm files are looked for: beside the program (a build), then the installed folder.
QStringList searchPath();
// Installs the translators for `language` ("": the system's; "en": none). Returns the
// language now in use ("en" when nothing matched).
QString install(const QString &language);

} // namespace natter::client::translations
