#include "options.h"

#include "protocol.h"
#include "protocollimits.h"

#include <QCommandLineParser>

#include <algorithm>

namespace bench {
namespace {

bool toInt(const QString &text, int min, int max, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return false;
    *out = value;
    return true;
}

bool toDouble(const QString &text, double min, double *out)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < min)
        return false;
    *out = value;
    return true;
}

} // namespace

QString Options::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Closed:
        return QStringLiteral("closed");
    case Mode::Open:
        return QStringLiteral("open");
    case Mode::Idle:
        return QStringLiteral("idle");
    case Mode::History:
        return QStringLiteral("history");
    case Mode::Presence:
        return QStringLiteral("presence");
    case Mode::Group:
        return QStringLiteral("group");
    }
    return QString();
}

bool parseOptions(const QStringList &arguments, Options *options, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load generator for natter-server: N users u00..uN-1 (registered, or signed in when "
        "they exist), paired u00<->u01, u02<->u03, ...; each sends 64-byte messages to its "
        "partner. Latency is measured from the send to the partner's message event. Prints a "
        "table and one JSON line."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption url(
        QStringLiteral("url"),
        QStringLiteral("Server to load; give it several times to spread the clients over "
                       "several instances round-robin (partners land "
                       "on different ones). Default: "
                       "ws://127.0.0.1:%1%2.")
            .arg(natter::protocol::kDefaultPort)
            .arg(natter::protocol::kPath),
        QStringLiteral("URL"));
    const QCommandLineOption clients(QStringLiteral("clients"),
                                     QStringLiteral("Number of users/connections. Default: 100."),
                                     QStringLiteral("N"));
    const QCommandLineOption mode(QStringLiteral("mode"),
                                  QStringLiteral("closed, open, idle, presence or group. "
                                                 "Default: closed."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption inFlight(
        QStringLiteral("in-flight"),
        QStringLiteral("Closed loop: messages in flight per sender. Default: 8."),
        QStringLiteral("K"));
    const QCommandLineOption rate(
        QStringLiteral("rate"),
        QStringLiteral("Open loop: aggregate messages per second. Default: 1000."),
        QStringLiteral("R"));
    const QCommandLineOption warmup(QStringLiteral("warmup"),
                                    QStringLiteral("Seconds of load before the measured window. "
                                                   "Default: 3."),
                                    QStringLiteral("S"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QStringLiteral("Seconds of the measured window. Default: 15. Idle and presence mode: "
                       "the longest wait for correct online lists."),
        QStringLiteral("S"));
    const QCommandLineOption drain(
        QStringLiteral("drain-timeout"),
        QStringLiteral("Seconds to wait after the window for every message to be delivered. "
                       "Default: 10."),
        QStringLiteral("S"));
    const QCommandLineOption serverPid(
        QStringLiteral("server-pid"),
        QStringLiteral("The server's process id: report its CPU time and peak RSS from /proc."),
        QStringLiteral("PID"));
    const QCommandLineOption writeCounts(
        QStringLiteral("write-counts"),
        QStringLiteral("The counters file of a server started with natter-writecount preloaded "
                       "(NATTER_WRITECOUNT_FILE): report its WAL, database and search index "
                       "bytes written per message."),
        QStringLiteral("FILE"));
    const QCommandLineOption prefix(QStringLiteral("user-prefix"),
                                    QStringLiteral("User names are PREFIX0, PREFIX1, ... (numbers "
                                                   "zero-padded to 3 characters in all: u00, "
                                                   "u01, ..., u100). Default: u."),
                                    QStringLiteral("PREFIX"));
    const QCommandLineOption password(
        QStringLiteral("password"),
        QStringLiteral("Password of every bench user. Default: bench-password-1."),
        QStringLiteral("PASSWORD"));
    const QCommandLineOption overload(
        QStringLiteral("overload"),
        QStringLiteral("Offered past the server's capacity: sends refused with rate_limited are "
                       "counted (refused_per_s), not a failure."));
    const QCommandLineOption jsonOnly(QStringLiteral("json-only"),
                                      QStringLiteral("Print only the JSON line."));
    const QCommandLineOption history(
        QStringLiteral("history"),
        QStringLiteral("History benchmark: fill the conversation of PREFIX0 and PREFIX1 up to M "
                       "messages (what is there already counts), then time --history-requests "
                       "history pages of 50 (newest, and at random older positions)."),
        QStringLiteral("M"));
    const QCommandLineOption historyRequests(
        QStringLiteral("history-requests"),
        QStringLiteral("History mode: pages requested, one at a time. Default: 200."),
        QStringLiteral("R"));
    const QCommandLineOption fillInFlight(
        QStringLiteral("fill-in-flight"),
        QStringLiteral("History mode: sends in flight while filling (the server queues at most "
                       "256 requests per connection). Default: 200."),
        QStringLiteral("K"));
    const QCommandLineOption concurrency(
        QStringLiteral("connect-concurrency"),
        QStringLiteral("Connections opened and signing in at the same time. The server allows "
                       "max-unauthenticated-per-address (default 16) per address, and its "
                       "listen backlog (Qt's default: 50) drops connects beyond it (a 1 s SYN "
                       "retry). Default: 32."),
        QStringLiteral("C"));
    const QCommandLineOption connectTimeout(
        QStringLiteral("connect-timeout"),
        QStringLiteral("Seconds allowed for every client to connect and sign in. Default: 120."),
        QStringLiteral("S"));
    const QCommandLineOption loopPause(
        QStringLiteral("loop-pause-ms"),
        QStringLiteral("Sleep before each blocking pass of the event loop so one poll() serves "
                       "many sockets (cheaper with thousands of connections; adds up to MS to "
                       "each reading). Default: 5 in idle and presence mode, else 0."),
        QStringLiteral("MS"));
    const QCommandLineOption contacts(
        QStringLiteral("contacts"),
        QStringLiteral("Presence mode: contacts per user, even (user i shares a conversation "
                       "with i+1..i+K/2 mod N). Default: 4."),
        QStringLiteral("K"));
    const QCommandLineOption observers(
        QStringLiteral("observers"),
        QStringLiteral("Presence mode: clients that stay connected while all others leave, in "
                       "pairs of neighbours spread over the users. Default: N/10, at least "
                       "2 and at most 100."),
        QStringLiteral("M"));
    const QCommandLineOption burstConcurrency(
        QStringLiteral("burst-concurrency"),
        QStringLiteral("Presence mode: connections opened and signing in at the same time in "
                       "the timed sign-in burst (the server's listen backlog is 1,024). Default: "
                       "1000."),
        QStringLiteral("C"));
    const QCommandLineOption grace(
        QStringLiteral("presence-grace-ms"),
        QStringLiteral("Presence mode: the server's presence-grace-ms, to know when everybody "
                       "has been announced offline. Default: 3000."),
        QStringLiteral("MS"));
    const QCommandLineOption batch(
        QStringLiteral("presence-batch-ms"),
        QStringLiteral("Presence mode: the server's presence-batch-ms. Default: 200."),
        QStringLiteral("MS"));
    const QCommandLineOption groups(
        QStringLiteral("groups"),
        QStringLiteral("Group mode: G groups; --rate is the sends per second over all their "
                       "members, round-robin. Default: 10."),
        QStringLiteral("G"));
    const QCommandLineOption members(
        QStringLiteral("members"),
        QStringLiteral("Group mode: members per group, 2-256 (member j of group g is client "
                       "(g*M + j) mod N; --clients defaults to G*M). Default: 10."),
        QStringLiteral("M"));
    const QCommandLineOption label(QStringLiteral("label"),
                                   QStringLiteral("Free text put in the JSON line."),
                                   QStringLiteral("TEXT"));
    parser.addOptions({url,
                       clients,
                       mode,
                       inFlight,
                       rate,
                       warmup,
                       duration,
                       drain,
                       serverPid,
                       writeCounts,
                       prefix,
                       password,
                       jsonOnly,
                       overload,
                       history,
                       historyRequests,
                       fillInFlight,
                       concurrency,
                       connectTimeout,
                       loopPause,
                       contacts,
                       observers,
                       burstConcurrency,
                       grace,
                       batch,
                       groups,
                       members,
                       label});
    parser.process(arguments);

    Options &o = *options;
    const QStringList urlTexts = parser.isSet(url)
                                     ? parser.values(url)
                                     : QStringList{QStringLiteral("ws://127.0.0.1:%1%2")
                                                       .arg(natter::protocol::kDefaultPort)
                                                       .arg(natter::protocol::kPath)};
    o.urls.clear();
    for (const QString &text : urlTexts) {
        const QUrl one(text);
        if (!one.isValid() ||
            (one.scheme() != QLatin1String("ws") && one.scheme() != QLatin1String("wss"))) {
            *error = QStringLiteral("--url must be ws://HOST:PORT/v1 or wss://...");
            return false;
        }
        o.urls.append(one);
    }
    o.url = o.urls.constFirst();
    const auto invalid = [error](const QCommandLineOption &option, const QString &expected) {
        *error =
            QStringLiteral("invalid --%1: expected %2").arg(option.names().constFirst(), expected);
        return false;
    };
    if (parser.isSet(clients) && !toInt(parser.value(clients), 1, 1'000'000, &o.clients))
        return invalid(clients, QStringLiteral("1-1000000"));
    if (parser.isSet(mode)) {
        const QString m = parser.value(mode);
        if (m == QLatin1String("closed"))
            o.mode = Options::Mode::Closed;
        else if (m == QLatin1String("open"))
            o.mode = Options::Mode::Open;
        else if (m == QLatin1String("idle"))
            o.mode = Options::Mode::Idle;
        else if (m == QLatin1String("presence"))
            o.mode = Options::Mode::Presence;
        else if (m == QLatin1String("group"))
            o.mode = Options::Mode::Group;
        else
            return invalid(mode, QStringLiteral("closed, open, idle, presence or group"));
    }
    if (parser.isSet(inFlight) && !toInt(parser.value(inFlight), 1, 256, &o.inFlight))
        return invalid(inFlight, QStringLiteral("1-256"));
    if (parser.isSet(rate) && !toDouble(parser.value(rate), 0.001, &o.rate))
        return invalid(rate, QStringLiteral("a positive number"));
    if (parser.isSet(warmup) && !toDouble(parser.value(warmup), 0, &o.warmupS))
        return invalid(warmup, QStringLiteral("seconds >= 0"));
    if (parser.isSet(duration) && !toDouble(parser.value(duration), 0.1, &o.durationS))
        return invalid(duration, QStringLiteral("seconds >= 0.1"));
    if (parser.isSet(drain) && !toDouble(parser.value(drain), 0, &o.drainTimeoutS))
        return invalid(drain, QStringLiteral("seconds >= 0"));
    if (parser.isSet(serverPid)) {
        bool ok = false;
        o.serverPid = parser.value(serverPid).toLongLong(&ok);
        if (!ok || o.serverPid <= 0)
            return invalid(serverPid, QStringLiteral("a process id"));
    }
    if (parser.isSet(writeCounts))
        o.writeCountsFile = parser.value(writeCounts);
    if (parser.isSet(prefix))
        o.userPrefix = parser.value(prefix);
    if (parser.isSet(password))
        o.password = parser.value(password);
    o.jsonOnly = parser.isSet(jsonOnly);
    o.overload = parser.isSet(overload);
    if (parser.isSet(history)) {
        bool ok = false;
        o.historyMessages = parser.value(history).toLongLong(&ok);
        if (!ok || o.historyMessages < 1)
            return invalid(history, QStringLiteral("a number of messages >= 1"));
        o.mode = Options::Mode::History;
        o.clients = 2;
    }
    if (parser.isSet(historyRequests) &&
        !toInt(parser.value(historyRequests), 1, 1'000'000, &o.historyRequests))
        return invalid(historyRequests, QStringLiteral("1-1000000"));
    if (parser.isSet(fillInFlight) && !toInt(parser.value(fillInFlight), 1, 256, &o.fillInFlight))
        return invalid(fillInFlight, QStringLiteral("1-256"));
    if (parser.isSet(concurrency) &&
        !toInt(parser.value(concurrency), 1, 100'000, &o.connectConcurrency))
        return invalid(concurrency, QStringLiteral("1-100000"));
    if (parser.isSet(connectTimeout) &&
        !toDouble(parser.value(connectTimeout), 1, &o.connectTimeoutS))
        return invalid(connectTimeout, QStringLiteral("seconds >= 1"));
    if (parser.isSet(loopPause) && !toInt(parser.value(loopPause), 0, 1000, &o.loopPauseMs))
        return invalid(loopPause, QStringLiteral("0-1000"));
    if (parser.isSet(contacts) &&
        (!toInt(parser.value(contacts), 0, 1'000'000, &o.contacts) || o.contacts % 2 != 0))
        return invalid(contacts, QStringLiteral("an even number >= 0"));
    if (parser.isSet(observers) && !toInt(parser.value(observers), 1, 1'000'000, &o.observers))
        return invalid(observers, QStringLiteral("1-1000000"));
    if (parser.isSet(burstConcurrency) &&
        !toInt(parser.value(burstConcurrency), 1, 1'000'000, &o.burstConcurrency))
        return invalid(burstConcurrency, QStringLiteral("1-1000000"));
    if (parser.isSet(grace) && !toInt(parser.value(grace), 0, 600'000, &o.presenceGraceMs))
        return invalid(grace, QStringLiteral("0-600000"));
    if (parser.isSet(batch) && !toInt(parser.value(batch), 0, 10'000, &o.presenceBatchMs))
        return invalid(batch, QStringLiteral("0-10000"));
    if (parser.isSet(groups) && !toInt(parser.value(groups), 1, 100'000, &o.groups))
        return invalid(groups, QStringLiteral("1-100000"));
    if (parser.isSet(members) &&
        !toInt(parser.value(members), 2, natter::limits::kMaxGroupMembers, &o.members))
        return invalid(members, QStringLiteral("2-256"));
    if (o.mode == Options::Mode::Group && !parser.isSet(clients))
        o.clients = o.groups * o.members;
    if (o.mode == Options::Mode::Group && o.clients < o.members) {
        *error = QStringLiteral("--clients must be at least --members");
        return false;
    }
    if (o.observers < 0)
        o.observers = std::clamp(o.clients / 10, 2, 100);
    if (o.loopPauseMs < 0)
        o.loopPauseMs = o.mode == Options::Mode::Idle || o.mode == Options::Mode::Presence ? 5 : 0;
    o.label = parser.value(label);
    if ((o.mode == Options::Mode::Closed || o.mode == Options::Mode::Open) && o.clients < 2) {
        *error = QStringLiteral("closed and open loop need at least 2 clients (pairs)");
        return false;
    }
    if (o.mode == Options::Mode::Presence && o.contacts > 0 && o.contacts >= o.clients) {
        *error = QStringLiteral("--contacts must be less than --clients");
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument: %1")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }
    return true;
}

} // namespace bench
