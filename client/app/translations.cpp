#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace natter::client::translations {

QStringList available()
{
    return {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("ar")};
}

QString nativeName(const QString &language)
{
    return QLocale(language).nativeLanguageName();
}

QStringList searchPath()
{
    const QString bin = QCoreApplication::applicationDirPath();
    return {bin, QDir(bin).filePath(QStringLiteral("../share/natter/translations")),
            QStringLiteral(NATTER_QM_BUILD_DIR)};
}

QString install(const QString &language)
{
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator *t : {own, qt}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    own = qt = nullptr;
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QString used = QStringLiteral("en");
    if (language != QLatin1String("en")) {
        auto *translator = new QTranslator(qApp);
        for (const QString &dir : searchPath()) {
            if (translator->load(locale, QStringLiteral("natter"), QStringLiteral("_"), dir)) {
                QCoreApplication::installTranslator(translator);
                own = translator;
                used = QLocale(translator->language()).name().section(QLatin1Char('_'), 0, 0);
                break;
            }
        }
        if (!own)
            delete translator;
    }
    if (own) {
        auto *base = new QTranslator(qApp);
        if (base->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(base);
            qt = base;
        } else {
            delete base;
        }
    }
    const QLocale shown = own ? locale : QLocale(QLocale::English, QLocale::UnitedStates);
    QLocale::setDefault(language.isEmpty() && !own ? QLocale::system() : shown);
    QGuiApplication::setLayoutDirection(own ? locale.textDirection() : Qt::LeftToRight);
    return used;
}

} // namespace natter::client::translations
