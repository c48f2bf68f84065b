#include "natterserver.h"

#include "bus/cluster.h"
#include "bus/redisbus.h"
#include "config/logging.h"
#include "databasecreation.h"
#include "filespart.h"
#include "handlers/handlers.h"
#include "services/authservice.h"
#include "services/conversationdirectory.h"
#include "services/conversationservice.h"
#include "services/groupservice.h"
#include "services/messageeditservice.h"
#include "services/messagingservice.h"
#include "services/presenceservice.h"
#include "services/reactionservice.h"
#include "services/receiptservice.h"
#include "services/syncservice.h"
#include "services/typingservice.h"
#include "services/userservice.h"
#include "store/messagewriter.h"
#include "store/postgresurl.h"
#include "storefactory.h"
#include "tlspaircheck.h"
#include "transport/chatserver.h"
#include "transport/discoveryresponder.h"
#include "transport/revocationwatcher.h"
#include "transport/sessionregistry.h"

#include <QHostInfo>
#include <QTimer>

namespace natter::server {
namespace {

// How long shutdown waits for clients to answer the close handshake.
constexpr int kCloseGraceMs = 3'000;
// How often the SQLite file is looked for (the store also checks before every write).
constexpr int kDatabaseCheckMs = 1'000;

// With --redis: this instance's part in the deployment; null for a single instance.
std::unique_ptr<Cluster> makeCluster(const ServerConfig &config, EventSink &local)
{
    if (config.redisUrl.isEmpty())
        return nullptr;
    RedisBus::Settings settings;
    const auto url = RedisUrl::parse(config.redisUrl, nullptr);
    if (!url)
        return nullptr; // start() reports it
    settings.url = *url;
    settings.instanceTimeoutMs = config.instanceTimeoutMs;
    return std::make_unique<Cluster>(local, std::make_unique<RedisBus>(settings));
}

} // namespace

// Declared in dependency order: destroyed in reverse, the listener (and its sessions) first.
struct NatterServer::Parts
{
    // Services push events through `sink`: the registry, or with --redis the cluster's sink
    // that also reaches the other instances. Presence frames are made by every instance for
    // its own sockets, so the PresenceService always sends through the registry.
    Parts(ChatStore &store, const ServerConfig &config)
        : directory(store), cluster(makeCluster(config, registry)),
          sink(cluster ? cluster->sink() : registry),
          presence(store, registry, config.presenceBatchMs, config.presenceGraceMs),
          typing(directory, sink, config.typingExpiryMs), receipts(store, directory, sink),
          messaging(store, directory, sink, receipts, typing, presence),
          conversations(store, presence, receipts), edits(store, directory, sink),
          sync(store, receipts), users(store, presence), reactions(store, directory, sink),
          groups(store, directory, sink, typing,
                 GroupLimits{config.groupMaxMembers, config.groupMaxNameChars, config.groupsPerUser,
                             config.groupChangesPerMinute}),
          auth(store, config.passwordCost, config.registration), files(store, auth, config),
          server(registry, handlers, config),
          revocations(
              [&store](qint64 after, qint64 upTo) -> std::optional<QList<QByteArray>> {
                  auto ended = store.tokensEndedBetween(after, upTo);
                  if (!ended.ok())
                      return std::nullopt;
                  return std::move(ended.value);
              },
              registry)
    {
        if (cluster) {
            QObject::connect(&registry, &SessionRegistry::userCameOnline, cluster.get(),
                             &Cluster::localUserCameOnline);
            QObject::connect(&registry, &SessionRegistry::userWentOffline, cluster.get(),
                             &Cluster::localUserWentOffline);
            QObject::connect(cluster.get(), &Cluster::userCameOnline, &presence,
                             &PresenceService::userCameOnline);
            QObject::connect(cluster.get(), &Cluster::userWentOffline, &presence,
                             &PresenceService::userWentOffline);
            QObject::connect(&presence, &PresenceService::contactsLinked, cluster.get(),
                             &Cluster::publishContacts);
            QObject::connect(cluster.get(), &Cluster::remoteContactsLinked, &presence,
                             &PresenceService::linkRemoteContacts);
        } else {
            QObject::connect(&registry, &SessionRegistry::userCameOnline, &presence,
                             &PresenceService::userCameOnline);
            QObject::connect(&registry, &SessionRegistry::userWentOffline, &presence,
                             &PresenceService::userWentOffline);
        }
        QObject::connect(&registry, &SessionRegistry::userWentOffline, &typing,
                         &TypingService::userWentOffline);
        QObject::connect(&registry, &SessionRegistry::userWentOffline, &presence,
                         &PresenceService::userLeftInstance);
        messaging.setPassTargetMs(config.sendPassMs);
        ServiceSet services;
        services.auth = &auth;
        services.conversations = &conversations;
        services.groups = &groups;
        services.edits = &edits;
        services.messaging = &messaging;
        services.presence = &presence;
        services.receipts = &receipts;
        services.sync = &sync;
        services.typing = &typing;
        services.users = &users;
        services.reactions = &reactions;
        registerAllHandlers(handlers, services);
        files.wire(messaging, server);
    }

    ConversationDirectory directory;
    SessionRegistry registry;
    std::unique_ptr<Cluster> cluster;
    EventSink &sink;
    PresenceService presence;
    TypingService typing;
    ReceiptService receipts;
    MessagingService messaging;
    ConversationService conversations;
    MessageEditService edits;
    SyncService sync;
    UserService users;
    ReactionService reactions;
    GroupService groups;
    AuthService auth;
    FilesPart files;
    HandlerRegistry handlers;
    ChatServer server;
    RevocationWatcher revocations;
};

NatterServer::NatterServer(const ServerConfig &config, QObject *parent)
    : NatterServer(config, createStore(config), parent)
{}

NatterServer::NatterServer(const ServerConfig &config, std::unique_ptr<ChatStore> store,
                           QObject *parent)
    : QObject(parent), m_config(config), m_store(std::move(store)),
      m_parts(std::make_unique<Parts>(*m_store, m_config))
{
    if (m_parts->cluster)
        // Events from the other instances may have been missed while Redis was unreachable:
        // the clients reconnect and sync (docs/scaling.md).
        connect(m_parts->cluster.get(), &Cluster::eventsMayHaveBeenLost, this, [this]() {
            if (!m_stopping && !m_stopped)
                m_parts->server.closeAll(protocol::CloseServiceRestart,
                                         QStringLiteral("reconnect and sync"));
        });
    // Queued: finishStop() destroys the ChatServer that emits the signal.
    connect(
        &m_parts->server, &ChatServer::connectionsClosed, this,
        [this]() {
            if (m_stopping)
                finishStop();
        },
        Qt::QueuedConnection);
}

NatterServer::~NatterServer()
{
    if (!m_stopped) {
        m_parts->messaging.flush();
        m_parts.reset();
        stopWriter();
        m_store->close();
    }
}

bool NatterServer::start()
{
    const DatabaseCreation creation = databaseCreation(m_config);
    if (!creation.error.isEmpty()) {
        m_error = creation.error;
        return false;
    }
    // A key that is not the certificate's loads fine and then fails every handshake.
    if (!m_config.tlsCertPath.isEmpty()) {
        const QString tls = checkTlsPair(m_config.tlsCertPath, m_config.tlsKeyPath);
        if (!tls.isEmpty()) {
            m_error = tls;
            return false;
        }
    }
    const auto opened = m_store->open();
    if (!opened.ok()) {
        m_error = QStringLiteral("cannot open the database %1: %2")
                      .arg(m_config.databasePath, opened.detail);
        return false;
    }
    if (creation.create) {
        qCInfo(lcServer).noquote() << "created a new database" << m_config.databasePath;
        if (!markDatabaseCreated(m_config.databasePath))
            qCWarning(lcServer).noquote()
                << "cannot write" << creationMarkerPath(m_config.databasePath);
    }
    if (!PostgresUrl::isPostgresUrl(m_config.databasePath)) {
        m_databaseIdentity = sqlitefile::identityOf(m_config.databasePath);
        m_databaseWatch = new QTimer(this);
        connect(m_databaseWatch, &QTimer::timeout, this, &NatterServer::checkDatabaseFile);
        m_databaseWatch->start(kDatabaseCheckMs);
    }
    if (QString why; !m_parts->files.start(&why)) {
        m_error = QStringLiteral("cannot use the files directory: %1").arg(why);
        m_store->close();
        return false;
    }
    if (!m_config.redisUrl.isEmpty() && !m_parts->cluster) {
        QString why;
        RedisUrl::parse(m_config.redisUrl, &why);
        m_error = why;
        m_store->close();
        return false;
    }
    if (!m_parts->server.listen(m_config.address, m_config.port)) {
        m_error = QStringLiteral("cannot listen on %1:%2: %3")
                      .arg(hostForUrl(m_config.address))
                      .arg(m_config.port)
                      .arg(m_parts->server.errorString());
        m_store->close();
        return false;
    }
    startWriter();
    qCInfo(lcServer).noquote() << "listening on" << url().toString() << "database"
                               << databaseForDisplay(m_config.databasePath) << "schema"
                               << m_store->schemaVersion();
    if (m_parts->cluster) {
        // Not fatal (one instance works), but instances on separate SQLite files share no
        // messages: scaling out needs one PostgreSQL database.
        if (!m_config.databasePath.contains(QLatin1String("://")))
            qCWarning(lcServer) << "--redis with an SQLite database: other instances cannot "
                                   "share it; give them all one PostgreSQL --database";
        m_parts->cluster->start();
    }
    m_parts->revocations.start();
    if (m_config.discoveryEnabled)
        startDiscovery();
    return true;
}

void NatterServer::startWriter()
{
    auto sibling = m_store->sibling();
    if (!sibling)
        return;
    auto writer = std::make_unique<MessageWriter>(std::move(sibling));
    const auto started = writer->start();
    if (!started.ok()) {
        // Not fatal: the event loop stores them itself, as it did before the writer.
        qCWarning(lcServer).noquote()
            << "messages are stored on the event loop: no second database connection:"
            << started.detail;
        return;
    }
    m_writer = std::move(writer);
    m_parts->messaging.setWriter(m_writer.get());
}

void NatterServer::stopWriter()
{
    if (m_parts)
        m_parts->messaging.setWriter(nullptr);
    m_writer.reset();
}

void NatterServer::checkDatabaseFile()
{
    if (m_stopping || m_stopped || !m_databaseIdentity ||
        sqlitefile::identityOf(m_config.databasePath) == m_databaseIdentity)
        return;
    // Exit loudly rather than serve reads from a file nobody can find any more: with
    // Restart=on-failure systemd starts the server again, which refuses to create an empty
    // database in its place (databaseCreation()) until the admin restores one.
    m_failure = QStringLiteral("the database file %1 was deleted or replaced while the server "
                               "ran: writes are refused and the server stops. Restore it from a "
                               "backup (docs/operations.md), or start with --create for an "
                               "empty one")
                    .arg(m_config.databasePath);
    qCCritical(lcServer).noquote() << m_failure;
    stop();
}

void NatterServer::startDiscovery()
{
    discovery::Answer answer;
    answer.name = m_config.serverName.isEmpty() ? QHostInfo::localHostName() : m_config.serverName;
    answer.port = port();
    answer.tls = m_parts->server.isSecure();
    answer.path = protocol::kPath;
    answer.protocolVersion = protocol::kVersion;
    m_discovery = new DiscoveryResponder(answer, this);
    // Not fatal: the server is usable by address; discovery is a convenience.
    if (!m_discovery->start(m_config.address, m_config.discoveryPort)) {
        qCWarning(lcServer).noquote() << "LAN discovery is off: cannot use UDP port"
                                      << m_config.discoveryPort << m_discovery->errorString();
        delete m_discovery;
        m_discovery = nullptr;
        return;
    }
    qCInfo(lcServer).noquote() << "answering LAN discovery on UDP port" << m_discovery->port()
                               << "as" << answer.name;
}

quint16 NatterServer::discoveryPort() const
{
    return m_discovery ? m_discovery->port() : 0;
}

quint16 NatterServer::port() const
{
    return m_parts ? m_parts->server.serverPort() : 0;
}

QUrl NatterServer::url() const
{
    const bool secure = m_parts && m_parts->server.isSecure();
    return QUrl(QStringLiteral("%1://%2:%3%4")
                    .arg(secure ? QStringLiteral("wss") : QStringLiteral("ws"),
                         hostForUrl(m_config.address))
                    .arg(port())
                    .arg(protocol::kPath));
}

int NatterServer::connectionCount() const
{
    return m_parts ? m_parts->server.connectionCount() : 0;
}

FileService *NatterServer::fileService() const
{
    return m_parts->files.service();
}

void NatterServer::stop()
{
    if (m_stopping || m_stopped)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "shutting down";
    if (m_databaseWatch)
        m_databaseWatch->stop();
    delete m_discovery;
    m_discovery = nullptr;
    m_parts->server.stopListening();
    m_parts->revocations.stop();
    if (m_parts->cluster)
        m_parts->cluster->leave(); // the others show our users offline now, not after a timeout
    // Everything acknowledged must be committed: flush the group commit before closing.
    m_parts->messaging.flush();
    m_parts->server.closeAll(protocol::CloseGoingAway, QStringLiteral("server shutting down"));
    if (!m_stopped)
        QTimer::singleShot(kCloseGraceMs, this, [this]() {
            if (!m_stopped)
                finishStop();
        });
}

void NatterServer::finishStop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_parts->messaging.flush();
    m_parts.reset(); // sockets that did not answer the close are dropped here
    stopWriter();
    m_store->close();
    qCInfo(lcServer) << "stopped";
    emit stopped();
}

} // namespace natter::server
