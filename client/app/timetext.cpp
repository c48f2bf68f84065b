#include "timetext.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTime>

namespace natter::client {

QString clockTime(const QTime &time)
{
    // Some locales' short format (the C locale's, for one) still carries seconds.
    static const QString format = [] {
        QString f = QLocale().timeFormat(QLocale::ShortFormat);
        f.remove(QRegularExpression(QStringLiteral("[.:]s+")));
        return f;
    }();
    return QLocale().toString(time, format);
}

} // namespace natter::client
