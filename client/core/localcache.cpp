#include "localcache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace natter::client {
namespace {

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

LocalCache::LocalCache(QString directory, QObject *parent)
    : QObject(parent), m_directory(std::move(directory))
{
    m_commit.setSingleShot(true);
    m_commit.setInterval(0);
    connect(&m_commit, &QTimer::timeout, this, &LocalCache::flush);
}

LocalCache::~LocalCache()
{
    close();
}

QString LocalCache::fileNameFor(const QUrl &server, const QString &username)
{
    // Not the names themselves: a file name without slashes, colons or the user's name.
    const QByteArray who =
        server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8() + '\n' + username.toUtf8();
    return QStringLiteral("cache-%1.sqlite3")
        .arg(QString::fromLatin1(
            QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(20)));
}

bool LocalCache::openFor(const QUrl &server, const QString &username)
{
    const QString path = QDir(m_directory).filePath(fileNameFor(server, username));
    if (isOpen() && m_db.path() == path)
        return false;
    close();
    if (!m_db.open(path)) {
        qWarning("natter: the local cache %s cannot be used; running without it",
                 qPrintable(QDir::toNativeSeparators(path)));
        return false;
    }
    return true;
}

void LocalCache::close()
{
    flush();
    closeDatabase();
}

void LocalCache::closeDatabase()
{
    m_putMessage.reset();
    m_changedConversations.clear();
    m_db.close();
}

void LocalCache::removeCurrent()
{
    const QString path = m_db.path();
    close();
    if (!path.isEmpty())
        CacheDatabase::removeFiles(path);
}

bool LocalCache::check(bool ok, const char *what)
{
    if (ok)
        return true;
    // A cache that failed a write may be missing what its cursor claims: gone for good.
    qWarning("natter: local cache: %s failed (%s); dropping the cache", what,
             qPrintable(m_db.db().lastError().text()));
    m_writing = false;
    m_commit.stop();
    const QString path = m_db.path();
    closeDatabase();
    CacheDatabase::removeFiles(path);
    return false;
}

bool LocalCache::beginWrite()
{
    if (!isOpen())
        return false;
    if (!m_writing) {
        if (!check(m_db.db().transaction(), "begin"))
            return false;
        m_writing = true;
        m_commit.start();
    }
    return true;
}

void LocalCache::flush()
{
    m_commit.stop();
    if (m_writing && isOpen()) {
        writeConversations();
        if (!isOpen())
            return;
        m_writing = false;
        check(m_db.db().commit(), "commit");
    }
}

QVariant LocalCache::meta(const QString &key) const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_db.db());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0) : QVariant();
}

void LocalCache::setMeta(const QString &key, const QVariant &value)
{
    if (!beginWrite())
        return;
    QSqlQuery query(m_db.db());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    check(query.exec(), "meta");
}

User LocalCache::user() const
{
    User u;
    u.id = meta(QStringLiteral("user_id")).toLongLong();
    u.username = meta(QStringLiteral("username")).toString();
    return u;
}

bool LocalCache::setUser(const User &user)
{
    if (!isOpen())
        return false;
    const qint64 known = meta(QStringLiteral("user_id")).toLongLong();
    const bool other = known != 0 && known != user.id;
    if (other)
        clearContents();
    if (known != user.id)
        setMeta(QStringLiteral("user_id"), user.id);
    if (meta(QStringLiteral("username")).toString() != user.username)
        setMeta(QStringLiteral("username"), user.username);
    return other;
}

void LocalCache::clearContents()
{
    if (!beginWrite())
        return;
    m_changedConversations.clear();
    QSqlQuery query(m_db.db());
    check(query.exec(QStringLiteral("DELETE FROM messages")) &&
              query.exec(QStringLiteral("DELETE FROM conversations")) &&
              query.exec(QStringLiteral("DELETE FROM meta")),
          "clear");
}

qint64 LocalCache::rev() const
{
    return meta(QStringLiteral("rev")).toLongLong();
}

void LocalCache::setRev(qint64 rev)
{
    setMeta(QStringLiteral("rev"), rev);
}

qint64 LocalCache::completeUpToId() const
{
    return meta(QStringLiteral("complete_id")).toLongLong();
}

void LocalCache::setCompleteUpToId(qint64 messageId)
{
    if (messageId > completeUpToId())
        setMeta(QStringLiteral("complete_id"), messageId);
}

QList<Conversation> LocalCache::conversations() const
{
    QList<Conversation> result;
    if (!isOpen())
        return result;
    QSqlQuery query(m_db.db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT json FROM conversations")))
        return result;
    while (query.next()) {
        auto c = Conversation::fromJson(fromText(query.value(0)));
        if (c && !m_changedConversations.contains(c->id))
            result.append(*c);
    }
    for (const Conversation &c : m_changedConversations) // not written yet
        result.append(c);
    std::stable_sort(result.begin(), result.end(),
                     [](const Conversation &a, const Conversation &b) {
                         return a.lastActivity > b.lastActivity;
                     });
    return result;
}

void LocalCache::putConversations(const QList<Conversation> &conversations)
{
    if (!beginWrite())
        return;
    m_changedConversations.clear();
    QSqlQuery clear(m_db.db());
    if (!check(clear.exec(QStringLiteral("DELETE FROM conversations")), "conversations"))
        return;
    for (const Conversation &c : conversations)
        putConversation(c);
}

void LocalCache::putConversation(const Conversation &conversation)
{
    if (!beginWrite())
        return;
    Conversation &kept = m_changedConversations[conversation.id];
    kept = conversation;
    kept.peer.online = false; // presence is only known while connected
}

void LocalCache::writeConversations()
{
    const QHash<qint64, Conversation> changed = std::exchange(m_changedConversations, {});
    QSqlQuery query(m_db.db());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO conversations(id, json) VALUES(?, ?)"));
    for (const Conversation &c : changed) {
        query.bindValue(0, c.id);
        query.bindValue(1, toText(c.toJson()));
        if (!check(query.exec(), "conversation"))
            return;
    }
}

void LocalCache::putMessage(const Message &message)
{
    if (!beginWrite())
        return;
    if (!m_putMessage) {
        m_putMessage.emplace(m_db.db());
        m_putMessage->prepare(QStringLiteral(
            "INSERT INTO messages(id, conversation_id, rev, json) VALUES(?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET conversation_id = excluded.conversation_id,"
            " rev = excluded.rev, json = excluded.json WHERE excluded.rev >= messages.rev"));
    }
    QSqlQuery &query = *m_putMessage;
    query.bindValue(0, message.id);
    query.bindValue(1, message.conversationId);
    query.bindValue(2, message.rev);
    query.bindValue(3, toText(message.toJson()));
    check(query.exec(), "message");
}

void LocalCache::putMessages(const QList<Message> &messages)
{
    for (const Message &m : messages)
        putMessage(m);
}

void LocalCache::removeMessage(qint64 messageId)
{
    if (!beginWrite())
        return;
    QSqlQuery query(m_db.db());
    query.prepare(QStringLiteral("DELETE FROM messages WHERE id = ?"));
    query.addBindValue(messageId);
    check(query.exec(), "hide");
}

QList<Message> LocalCache::messagesBefore(qint64 conversationId, qint64 beforeId, int limit) const
{
    return messagePage(conversationId, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(),
                       limit, Direction::Older);
}

QList<Message> LocalCache::messagesAfter(qint64 conversationId, qint64 afterId, int limit) const
{
    return messagePage(conversationId, afterId, limit, Direction::Newer);
}

QList<Message> LocalCache::messagePage(qint64 conversationId, qint64 fromId, int limit,
                                       Direction direction) const
{
    QList<Message> result;
    if (!isOpen() || limit <= 0)
        return result;
    QSqlQuery query(m_db.db());
    query.setForwardOnly(true);
    query.prepare(direction == Direction::Older
                      ? QStringLiteral("SELECT json FROM messages WHERE conversation_id = ? AND "
                                       "id < ? ORDER BY id DESC LIMIT ?")
                      : QStringLiteral("SELECT json FROM messages WHERE conversation_id = ? AND "
                                       "id > ? ORDER BY id ASC LIMIT ?"));
    query.addBindValue(conversationId);
    query.addBindValue(fromId);
    query.addBindValue(limit);
    if (!query.exec())
        return result;
    while (query.next()) {
        auto m = Message::fromJson(fromText(query.value(0)));
        if (m && m->conversationId == conversationId)
            result.append(*m);
    }
    return result;
}

} // namespace natter::client
