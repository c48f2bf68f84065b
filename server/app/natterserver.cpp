#include "natterserver.h"

#include "config/logging.h"
#include "handlers/handlers.h"
#include "services/authservice.h"
#include "services/conversationdirectory.h"
#include "services/conversationservice.h"
#include "services/messageeditservice.h"
#include "services/messagingservice.h"
#include "services/presenceservice.h"
#include "services/receiptservice.h"
#include "services/syncservice.h"
#include "services/typingservice.h"
#include "services/userservice.h"
#include "storefactory.h"
#include "transport/chatserver.h"
#include "transport/discoveryresponder.h"
#include "transport/sessionregistry.h"

#include <QHostInfo>
#include <QTimer>

namespace natter::server {
namespace {

// How long shutdown waits for clients to answer the close handshake.
constexpr int kCloseGraceMs = 3'000;

} // namespace

// Declared in dependency order: destroyed in reverse, the listener (and its sessions) first.
struct NatterServer::Parts
{
    Parts(ChatStore &store, const ServerConfig &config)
        : directory(store), presence(registry, config.presenceBatchMs, config.presenceGraceMs),
          typing(directory, registry, config.typingExpiryMs), receipts(store, directory, registry),
          messaging(store, directory, registry, receipts, typing),
          conversations(store, presence, receipts), edits(store, directory, registry),
          sync(store, receipts), users(store, presence), auth(store, config.passwordCost),
          server(registry, handlers, config)
    {
        QObject::connect(&registry, &SessionRegistry::userCameOnline, &presence,
                         &PresenceService::userCameOnline);
        QObject::connect(&registry, &SessionRegistry::userWentOffline, &presence,
                         &PresenceService::userWentOffline);
        QObject::connect(&registry, &SessionRegistry::userWentOffline, &typing,
                         &TypingService::userWentOffline);
        registerAllHandlers(handlers, ServiceSet{&auth, &conversations, &edits, &messaging,
                                                 &presence, &receipts, &sync, &typing, &users});
    }

    ConversationDirectory directory;
    SessionRegistry registry;
    PresenceService presence;
    TypingService typing;
    ReceiptService receipts;
    MessagingService messaging;
    ConversationService conversations;
    MessageEditService edits;
    SyncService sync;
    UserService users;
    AuthService auth;
    HandlerRegistry handlers;
    ChatServer server;
};

NatterServer::NatterServer(const ServerConfig &config, QObject *parent)
    : NatterServer(config, createStore(config), parent)
{}

NatterServer::NatterServer(const ServerConfig &config, std::unique_ptr<ChatStore> store,
                           QObject *parent)
    : QObject(parent), m_config(config), m_store(std::move(store)),
      m_parts(std::make_unique<Parts>(*m_store, m_config))
{
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
        m_store->close();
    }
}

bool NatterServer::start()
{
    const auto opened = m_store->open();
    if (!opened.ok()) {
        m_error = QStringLiteral("cannot open the database %1: %2")
                      .arg(m_config.databasePath, opened.detail);
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
    qCInfo(lcServer).noquote() << "listening on" << url().toString() << "database"
                               << databaseForDisplay(m_config.databasePath) << "schema"
                               << m_store->schemaVersion();
    if (m_config.discoveryEnabled)
        startDiscovery();
    return true;
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

void NatterServer::stop()
{
    if (m_stopping || m_stopped)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "shutting down";
    delete m_discovery;
    m_discovery = nullptr;
    m_parts->server.stopListening();
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
    m_store->close();
    qCInfo(lcServer) << "stopped";
    emit stopped();
}

} // namespace natter::server
