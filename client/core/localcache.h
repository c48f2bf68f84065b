#pragma once
// What this profile has seen of one account, kept on disk so the app opens on it before the
// server answers and can read it while the server is down: the conversation list, the
// messages (current state, by id), who the account is, and the sync cursor up to which all
// of it is complete. One SQLite file per server and account in the profile's data directory
// (cache-<hash>.sqlite3, 0600, WAL). Writes made in one pass of the event loop go in one
// transaction, the cursor with the changes it covers.
//
// A cache that cannot be read is replaced by an empty one (and its cursor is 0, so the next
// sync brings everything again); one that fails while in use is dropped for this run and
// deleted, never trusted with a cursor it may not cover.

#include "cachedatabase.h"
#include "types.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>

namespace natter::client {

class LocalCache final : public QObject
{
    Q_OBJECT

public:
    explicit LocalCache(QString directory, QObject *parent = nullptr);
    ~LocalCache() override;

    static QString fileNameFor(const QUrl &server, const QString &username);
    // Opens this account's cache, closing another. True when it is now open on a file it was
    // not open on before (what the client shows has to come from it).
    bool openFor(const QUrl &server, const QString &username);
    void close();
    void removeCurrent(); // closes and deletes the open cache (the user signed out)
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    bool wasReplaced() const { return m_db.wasReplaced(); }

    // Who the cache belongs to: id 0 before the first sign-in. Another id (the account was
    // recreated under the same name) empties the cache first; then it returns true.
    User user() const;
    bool setUser(const User &user);
    qint64 rev() const;
    void setRev(qint64 rev);
    // Every message with an id up to this one is here (or hidden): ids and revs grow in commit
    // order, so a sync page up to the cursor that held message N brought all before N too.
    qint64 completeUpToId() const;
    void setCompleteUpToId(qint64 messageId); // only grows

    QList<Conversation> conversations() const;                       // most recent activity first
    void putConversations(const QList<Conversation> &conversations); // the whole list
    void putConversation(const Conversation &conversation);
    // Keeps the state with the higher rev, as the client's models do.
    void putMessage(const Message &message);
    void putMessages(const QList<Message> &messages);
    void removeMessage(qint64 messageId); // hidden ("delete for me")
    // Newest first, as a history page: `limit` messages older than `beforeId` (0: newest).
    QList<Message> messagesBefore(qint64 conversationId, qint64 beforeId, int limit) const;
    // Oldest first: the next page down from afterId.
    QList<Message> messagesAfter(qint64 conversationId, qint64 afterId, int limit) const;

    void flush(); // commits what is pending now (also on close)

private:
    enum class Direction
    {
        Older,
        Newer
    };
    // Up to `limit` messages past `fromId`: newest first when Older, oldest first when Newer.
    QList<Message> messagePage(qint64 conversationId, qint64 fromId, int limit,
                               Direction direction) const;
    bool beginWrite();
    bool check(bool ok, const char *what);
    QVariant meta(const QString &key) const;
    void setMeta(const QString &key, const QVariant &value);
    void clearContents();
    void writeConversations();
    void closeDatabase();

    QString m_directory;
    mutable CacheDatabase m_db;
    QTimer m_commit;
    bool m_writing = false;
    // Prepared once per file: a catch-up puts thousands of messages.
    std::optional<QSqlQuery> m_putMessage;
    // A conversation changes with every message: written once per transaction.
    QHash<qint64, Conversation> m_changedConversations;
};

} // namespace natter::client
