#pragma once
// The real natter-server executable (NATTER_SERVER_BINARY, set by the suite's CMake target)
// for the suites that run it as a process: start it on a free port and learn its URL, run a
// command, make a certificate for wss://.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

inline QString serverBinary()
{
    return QStringLiteral(NATTER_SERVER_BINARY);
}

// Starts the server on a free port; returns the URL from its "listening" line (invalid when
// it did not start).
inline QUrl startServer(QProcess &process, const QString &database, const QStringList &extra = {})
{
    process.setProgram(serverBinary());
    process.setArguments(QStringList{"--listen", "127.0.0.1:0", "--database", database, "--create",
                                     "--password-cost", "min", "--log-level", "warning"} +
                         extra);
    process.start();
    if (!process.waitForStarted(5000))
        return {};
    QByteArray out;
    const QRegularExpression line(
        QStringLiteral("natter-server listening on (wss?://127\\.0\\.0\\.1:(\\d+)/v1)\n"));
    QRegularExpressionMatch match;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000 && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        match = line.match(QString::fromUtf8(out));
        if (match.hasMatch())
            break;
    }
    if (!match.hasMatch() || match.captured(2).toInt() == 0)
        return {};
    return QUrl(match.captured(1));
}

// Runs the executable with `args` to the end.
inline QProcess::ProcessError runServer(const QStringList &args, int *exitCode, QString *out,
                                        QString *err)
{
    QProcess process;
    process.start(serverBinary(), args);
    process.waitForFinished(10000);
    *exitCode = process.exitCode();
    *out = QString::fromUtf8(process.readAllStandardOutput());
    *err = QString::fromUtf8(process.readAllStandardError());
    return process.error();
}

// `natter-server user ...` (or another command) on database `db`, with `input` on stdin (a
// password); returns the exit code, -1 when it did not finish.
inline int admin(const QString &db, const QStringList &command, const QByteArray &input = {},
                 QByteArray *output = nullptr)
{
    QProcess process;
    process.start(serverBinary(),
                  QStringList{"--database", db, "--create", "--password-cost", "min"} + command);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(20000))
        return -1;
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitCode();
}

// Makes a self-signed certificate for 127.0.0.1 and its key.
inline bool makeCertificate(const QString &cert, const QString &key)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                   "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                   "subjectAltName=IP:127.0.0.1"});
    return openssl.waitForFinished(30000) && openssl.exitCode() == 0;
}
