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
        Closed,   // K messages in flight per sender, the next sent when an ack arrives
        Open,     // a fixed aggregate rate, round-robin over the senders
        Idle,     // connect, sign in, stay: sign-in time, presence completeness, RSS per socket
        History,  // history page latency on one conversation of M messages
        Presence, // contacts, then everyone signs in again at once, then most leave
        Group,    // open loop over G groups of M members: every send fans out to M-1
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
    QString writeCountsFile; // natter-writecount's counters of the server's writes
    QString userPrefix = QStringLiteral("u");
    QString password = QStringLiteral("bench-password-1");
    bool jsonOnly = false;
    bool overload = false;      // refusals (rate_limited) are expected: the run still passes
    qint64 historyMessages = 0; // history mode when > 0
    int historyRequests = 200;
    int fillInFlight = 200;
    int connectConcurrency = 32;
    double connectTimeoutS = 120;
    int loopPauseMs = -1; // -1: the mode's default (idle and presence 5 ms, else 0)
    int contacts = 4;     // presence mode: K contacts per user
    int observers = -1;   // presence mode: clients that stay (-1: N/10, 2 to 100)
    int burstConcurrency = 1000;
    int presenceGraceMs = 3000; // the server's presence-grace-ms
    int presenceBatchMs = 200;  // the server's presence-batch-ms
    int groups = 10;            // group mode: G groups
    int members = 10;           // group mode: M members each (clients: G*M unless given)
    QString label;

    static QString modeName(Mode mode);
};

// False with a message in *error when the arguments are invalid. Exits for --help/--version
// (QCommandLineParser's behaviour).
bool parseOptions(const QStringList &arguments, Options *options, QString *error);

} // namespace bench
