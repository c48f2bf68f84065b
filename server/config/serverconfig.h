#pragma once
// Everything the server can be configured with, with the protocol's defaults. Filled from the
// command line and environment by parseServerOptions(); tests build one directly.

#include "protocol.h"
#include "protocollimits.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace natter::server {

// Argon2id cost. `Min` exists for tests (fast under sanitizers); never use it in production.
enum class PasswordCost
{
    Interactive,
    Moderate,
    Min
};

enum class LogLevel
{
    Debug,
    Info,
    Warning,
    Error
};

// A quarter of the machine's physical memory, between 64 MiB and 1 GiB.
qint64 defaultMaxOutboundTotalBytes();
// Who may create an account with the `register` request, and how fast (docs/protocol.md,
// "Authentication"). Sign-ups cost a password hash each, so a flood would slow everyone's
// logins and fill the database: token buckets per address and for the whole server.
enum class Registration
{
    Open,  // anyone who can connect may register
    Closed // accounts only through `natter-server user add`; `register` is forbidden
};

struct RegistrationSettings
{
    Registration mode = Registration::Open;
    int perAddressBurst = 5;    // 0: no per-address limit
    int perAddressPerHour = 30; // one more every 2 minutes: 5 per 10 minutes
    int burst = 10;             // 0: no server-wide limit
    int perMinute = 30;
};

struct ServerConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = protocol::kDefaultPort; // 0: any free port (see NatterServer::port())
    QString databasePath;
    // --create: create the SQLite database when it does not exist. Without it the server
    // creates one only in a new or empty directory (app/databasecreation.h).
    bool createDatabase = false;
    // Both set: wss:// with this PEM certificate (chain) and private key.
    QString tlsCertPath;
    QString tlsKeyPath;
    // Shown to clients that find the server on the LAN; empty: the host name.
    QString serverName;
    // Answer LAN discovery queries (UDP, see docs/protocol.md "Discovery").
    bool discoveryEnabled = true;
    quint16 discoveryPort = protocol::kDiscoveryPort;
    LogLevel logLevel = LogLevel::Info;
    // redis://host:port[/db]: several instances on one PostgreSQL database exchange events
    // through this Redis server (docs/scaling.md). Empty: a single instance, no bus at all.
    QString redisUrl;
    // With redis: an instance not heard from for this long has its users shown offline by
    // the others (it heartbeats every third of it).
    int instanceTimeoutMs = 15'000;
    PasswordCost passwordCost = PasswordCost::Interactive;

    // Connection limits; the defaults are the protocol's. Tests shorten the timeouts.
    int authTimeoutMs = limits::kAuthTimeoutMs;
    int idleTimeoutMs = limits::kIdleTimeoutMs;
    int requestsPerSecond = limits::kRequestsPerSecond;
    int requestBurst = limits::kRequestBurst;
    // Per account, across all of its sockets: a user with several windows gets a little
    // more than one socket, not one socket's rate times the number of sockets.
    int userRequestsPerSecond = 2 * limits::kRequestsPerSecond;
    int userRequestBurst = 2 * limits::kRequestBurst;
    // A client whose unsent outbound data stays above this for outboundGraceMs (or goes
    // above four times this) is closed with 4408: a dead client must not make the server
    // buffer without bound. The grace lets a healthy client take a large sync page.
    qint64 maxOutboundBytes = 8 * 1024 * 1024;
    int outboundGraceMs = 5'000;

    // Memory limits across connections (docs/security.md). All connections' unsent data
    // together: over it, the connections holding the most are closed with 4408 at once.
    qint64 maxOutboundTotalBytes = defaultMaxOutboundTotalBytes();
    // Read requests (history, sync, users) cost the size of their reply, from one budget per
    // account shared by its sockets: a token bucket of bytes. A first sync of a long history
    // fits in the burst; a client that waits retry_after_ms always gets its next page.
    qint64 userReadBytesPerSecond = 1024 * 1024;
    qint64 userReadBurstBytes = 32 * 1024 * 1024;

    // One address cannot hold the server's sockets open without signing in, and one account
    // cannot open sockets without bound.
    int maxUnauthenticatedPerAddress = 16;
    int maxSocketsPerUser = 16;

    // The accept path (see WebSocketListener). Connections from one address that have not
    // finished their handshake (PROXY header, TLS, HTTP upgrade): more are closed at once,
    // before any TLS work.
    int maxHandshakesPerAddress = 16;
    // Load balancers whose connections start with a PROXY protocol v2 header naming the
    // client's address (docs/scaling.md). Empty: no header is read from anyone.
    QList<QPair<QHostAddress, int>> trustedProxies;

    // A server may take less than the protocol's maxima (never more: clients rely on them).
    int maxFrameBytes = int(limits::kMaxFrameBytes);
    int maxMessageBytes = limits::kMaxContentBytes;

    RegistrationSettings registration;

    // Past capacity, one event-loop pass admits the sends it can commit in about this long;
    // more are refused with rate_limited (services/sendadmission.h). 0: never refused.
    int sendPassMs = 250;
    int presenceBatchMs = limits::kPresenceBatchMs;
    int presenceGraceMs = limits::kPresenceGraceMs;
    int typingExpiryMs = limits::kTypingExpiryMs;

    // Groups (docs/security.md): members of one group with its creator (2 to the protocol's
    // 256), the length of a name, the groups one user may belong to, and membership changes
    // (create, rename, add, remove, set_role) per user and minute.
    int groupMaxMembers = limits::kMaxGroupMembers;
    int groupMaxNameChars = limits::kMaxGroupNameChars;
    int groupsPerUser = 500;
    int groupChangesPerMinute = 30;

    // Files (docs/protocol.md "Files"): where their contents live (empty: "files" next to an
    // SQLite database), the largest file, what one user may store, what all files together
    // may take, and the free disk an upload must leave. All refused at file_begin.
    QString filesDirectory;
    qint64 maxFileBytes = qint64(1) << 30;
    qint64 userQuotaBytes = qint64(10) << 30;
    qint64 filesMaxTotalBytes = qint64(1) << 40;
    qint64 filesFreeReserveBytes = qint64(1) << 30;
};

QString passwordCostName(PasswordCost cost);
bool passwordCostFromName(const QString &name, PasswordCost *cost);
QString registrationName(Registration mode);
bool registrationFromName(const QString &name, Registration *mode);
QString logLevelName(LogLevel level);
bool logLevelFromName(const QString &name, LogLevel *level);

// "ADDR:PORT" (IPv6 as "[ADDR]:PORT"); the address must be numeric or "localhost".
bool parseListenAddress(const QString &text, QHostAddress *address, quint16 *port);
// "ADDR[/PREFIX],..." (an address alone is one host); empty text gives an empty list.
bool parseTrustedProxies(const QString &text, QList<QPair<QHostAddress, int>> *subnets);
QString trustedProxiesText(const QList<QPair<QHostAddress, int>> &subnets);
bool isTrustedProxy(const QList<QPair<QHostAddress, int>> &subnets, const QHostAddress &peer);

// How the listening address is written in URLs and logs ("127.0.0.1", "[::1]").
QString hostForUrl(const QHostAddress &address);

} // namespace natter::server
