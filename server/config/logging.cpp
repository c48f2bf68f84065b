#include "logging.h"

#include <QDateTime>

#include <cstdio>

namespace natter::server {

Q_LOGGING_CATEGORY(lcServer, "natter.server.main")
Q_LOGGING_CATEGORY(lcTransport, "natter.server.transport")
Q_LOGGING_CATEGORY(lcAuth, "natter.server.auth")
Q_LOGGING_CATEGORY(lcMessaging, "natter.server.messaging")
Q_LOGGING_CATEGORY(lcStorage, "natter.server.storage")

namespace {

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString text = message;
    // One record per line, whatever the message contains.
    text.replace(u'\n', QLatin1String("\\n"));
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() +
                            ' ' + levelName(type) + ' ' +
                            (context.category ? context.category : "default") + ": " +
                            text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogging(LogLevel level)
{
    QString rules;
    if (level != LogLevel::Debug)
        rules += QStringLiteral("natter.server.*.debug=false\n");
    else
        rules += QStringLiteral("natter.server.*.debug=true\n");
    if (level == LogLevel::Warning || level == LogLevel::Error)
        rules += QStringLiteral("natter.server.*.info=false\n");
    if (level == LogLevel::Error)
        rules += QStringLiteral("natter.server.*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(writeLine);
}

} // namespace natter::server
