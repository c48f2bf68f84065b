#pragma once
// The server's log categories (natter.server.*), its one-line log format, and the summary of
// repeated warnings that keeps a failure repeating many times a second (a database that is
// down, a flood of failed handshakes) from flooding the journal.

#include "serverconfig.h"

#include <QHash>
#include <QLoggingCategory>

#include <functional>

namespace natter::server {

Q_DECLARE_LOGGING_CATEGORY(lcServer)    // start-up, shutdown
Q_DECLARE_LOGGING_CATEGORY(lcTransport) // connections, frames, limits
Q_DECLARE_LOGGING_CATEGORY(lcAuth)      // register, login, tokens
Q_DECLARE_LOGGING_CATEGORY(lcMessaging) // send, group commit, edits, receipts
Q_DECLARE_LOGGING_CATEGORY(lcStorage)   // store failures as seen by the services

// Warnings and errors that repeat one already written (same category, same text once runs of
// digits are set aside: ids, addresses, counts) within `windowMs` of it are counted instead
// of written; when the window has closed (noticed by the next line logged or by flush()), one
// line says how often: "<last text> … repeated N times in 10 s". Other levels pass through.
// Not thread-safe: installLogging() guards it.
class LogSummariser final
{
public:
    using Sink = std::function<void(QtMsgType type, const char *category, const QString &text)>;

    explicit LogSummariser(Sink sink, qint64 windowMs = 10'000);

    // `nowMs`: a monotonic clock.
    void log(QtMsgType type, const char *category, const QString &text, qint64 nowMs);
    // Writes the summaries of the windows closed by `nowMs`; all of them with `all`.
    void flush(qint64 nowMs, bool all = false);

    // The key repeats are recognised by: digit runs (hex ones too, for IPv6) become '#'.
    static QString normalised(const QString &text);

private:
    struct Window
    {
        QtMsgType type = QtWarningMsg;
        QByteArray category;
        QString lastText;
        qint64 startMs = 0;
        int repeats = 0;
    };

    void summarise(const Window &window);

    Sink m_sink;
    const qint64 m_windowMs;
    QHash<QString, Window> m_windows;
};

// Where finished log lines go (tests capture them); the default writes to stderr.
using LogWriter = std::function<void(const QByteArray &line)>;

// Writes every message as one line ("2026-01-01T10:00:00.000Z info
// natter.server.transport: ...") with repeated warnings summarised (LogSummariser, over
// `windowMs`), and hides natter.server.* messages below `level`.
void installLogging(LogLevel level, LogWriter writer = {}, qint64 windowMs = 10'000);
// Writes the summaries still pending (at exit; tests).
void flushLogSummaries();

} // namespace natter::server
