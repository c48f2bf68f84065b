#pragma once
// natter-loadgen's command line.

#include <QString>
#include <QStringList>
#include <QUrl>

namespace bench {

struct Options
{
    enum class Mode
    {
        Closed,  // K messages in flight per sender, the next sent when an ack arrives
        Open,    // a fixed aggregate rate, round-robin over the senders
        Idle,    // connect, sign in, stay: sign-in time, presence completeness, RSS per socket
        History, // history page latency on one conversation of M messages
    };

    QUrl url;         // the first --url
    QList<QUrl> urls; // every --url: client i connects to urls[i % size] (several instances)
    int clients = 100;
    Mode mode = Mode::Closed;
    int inFlight = 8;
    double rate = 1000;
    double warmupS = 3;
    double durationS = 15;
    double drainTimeoutS = 10;
    qint64 serverPid = 0;
    QString userPrefix = QStringLiteral("u");
    QString password = QStringLiteral("bench-password-1");
    bool jsonOnly = false;
    qint64 historyMessages = 0; // history mode when > 0
    int historyRequests = 200;
    int fillInFlight = 200;
    int connectConcurrency = 32;
    double connectTimeoutS = 120;
    int loopPauseMs = -1; // -1: the mode's default (idle 5 ms, else 0)
    QString label;

    static QString modeName(Mode mode);
};

// False with a message in *error when the arguments are invalid. Exits for --help/--version
// (QCommandLineParser's behaviour).
bool parseOptions(const QStringList &arguments, Options *options, QString *error);

} // namespace bench
