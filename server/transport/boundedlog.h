#pragma once
// Lets through at most a few lines of one kind of log message per window, so that an attacker
// opening thousands of bad connections cannot flood the log; the next line let through says
// how many were left out.

#include <QElapsedTimer>
#include <QString>

namespace natter::server {

class BoundedLog final
{
public:
    explicit BoundedLog(int linesPerWindow = 5, qint64 windowMs = 10'000);

    // Whether a line may be written now. When it may, `suffix` is empty or says how many
    // lines were left out since the last one (append it to the line).
    bool allow(QString *suffix);

private:
    const int m_linesPerWindow;
    const qint64 m_windowMs;
    QElapsedTimer m_clock;
    qint64 m_windowStartMs = 0;
    int m_lines = 0;
    int m_suppressed = 0;
};

} // namespace natter::server
