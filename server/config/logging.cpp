#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <memory>

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

// Repeats of one warning are tracked in at most this many windows at once; more distinct
// repeating lines than that are not a flood one summary would tame anyway.
constexpr qsizetype kMaxWindows = 256;

QByteArray formatLine(QtMsgType type, const char *category, const QString &message)
{
    QString text = message;
    // One record per line, whatever the message contains.
    text.replace(u'\n', QLatin1String("\\n"));
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' +
           levelName(type) + ' ' + (category ? category : "default") + ": " + text.toUtf8() + '\n';
}

void writeToStderr(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

// The installed handler's state: messages come from any thread.
struct LogState
{
    QMutex mutex;
    LogWriter writer = writeToStderr;
    std::unique_ptr<LogSummariser> summariser;
    QElapsedTimer clock;
    QPointer<QTimer> flushTimer;
};

LogState &logState()
{
    static LogState state;
    return state;
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Something logged while a line is being written (by Qt itself) goes straight out.
    static thread_local bool inside = false;
    if (inside) {
        writeToStderr(formatLine(type, context.category, message));
        return;
    }
    inside = true;
    LogState &state = logState();
    {
        const QMutexLocker lock(&state.mutex);
        state.summariser->log(type, context.category, message, state.clock.elapsed());
    }
    inside = false;
}

void flushClosedWindows()
{
    LogState &state = logState();
    const QMutexLocker lock(&state.mutex);
    if (state.summariser)
        state.summariser->flush(state.clock.elapsed());
}

} // namespace

LogSummariser::LogSummariser(Sink sink, qint64 windowMs)
    : m_sink(std::move(sink)), m_windowMs(windowMs)
{}

QString LogSummariser::normalised(const QString &text)
{
    const auto isHex = [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    };
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (!isHex(text.at(i))) {
            out += text.at(i++);
            continue;
        }
        qsizetype end = i;
        bool digit = false;
        for (; end < text.size() && isHex(text.at(end)); ++end)
            digit |= text.at(end).isDigit();
        if (digit)
            out += u'#';
        else
            out += QStringView(text).mid(i, end - i);
        i = end;
    }
    return out;
}

void LogSummariser::log(QtMsgType type, const char *category, const QString &text, qint64 nowMs)
{
    flush(nowMs);
    if (type != QtWarningMsg && type != QtCriticalMsg) {
        m_sink(type, category, text);
        return;
    }
    const QString key = QLatin1String(category ? category : "default") + u'\x1f' +
                        QString::number(int(type)) + u'\x1f' + normalised(text);
    const auto it = m_windows.find(key);
    if (it != m_windows.end()) {
        ++it->repeats;
        it->lastText = text;
        return;
    }
    if (m_windows.size() >= kMaxWindows)
        flush(nowMs, true);
    m_windows.insert(
        key, Window{type, QByteArray(category ? category : "default"), QString(), nowMs, 0});
    m_sink(type, category, text);
}

void LogSummariser::flush(qint64 nowMs, bool all)
{
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        if (all || nowMs - it->startMs >= m_windowMs) {
            summarise(*it);
            it = m_windows.erase(it);
        } else {
            ++it;
        }
    }
}

void LogSummariser::summarise(const Window &window)
{
    if (window.repeats == 0)
        return;
    m_sink(window.type, window.category.constData(),
           QStringLiteral("%1 \u2026 repeated %2 times in %3 s")
               .arg(window.lastText)
               .arg(window.repeats)
               .arg(double(m_windowMs) / 1000.0));
}

void flushLogSummaries()
{
    LogState &state = logState();
    const QMutexLocker lock(&state.mutex);
    if (state.summariser)
        state.summariser->flush(state.clock.elapsed(), true);
}

void installLogging(LogLevel level, LogWriter writer, qint64 windowMs)
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
    {
        LogState &state = logState();
        const QMutexLocker lock(&state.mutex);
        state.writer = writer ? std::move(writer) : LogWriter(writeToStderr);
        state.summariser = std::make_unique<LogSummariser>(
            [&state](QtMsgType type, const char *category, const QString &text) {
                state.writer(formatLine(type, category, text));
            },
            windowMs);
        state.clock.start();
        delete state.flushTimer.data();
        // Summaries come out when a window closes even if nothing else is logged after it.
        if (auto *app = QCoreApplication::instance()) {
            state.flushTimer = new QTimer(app);
            QObject::connect(state.flushTimer.data(), &QTimer::timeout, flushClosedWindows);
            QObject::connect(app, &QCoreApplication::aboutToQuit, flushLogSummaries);
            state.flushTimer->start(int(qBound(qint64(10), windowMs / 10, qint64(1000))));
        }
    }
    qInstallMessageHandler(handleMessage);
}

} // namespace natter::server
