#pragma once
// The local cache's SQLite file (see LocalCache): created 0600, in WAL mode, with its schema.
// A file that is not a cache of ours (garbage, truncated, another schema version) is
// deleted and started afresh: the cache only holds what the server can send again.

#include <QSqlDatabase>
#include <QString>

namespace natter::client {

class CacheDatabase final
{
public:
    CacheDatabase();
    ~CacheDatabase();
    Q_DISABLE_COPY_MOVE(CacheDatabase)

    // Opens (or creates) the file; false when even a fresh file cannot be used.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }
    QSqlDatabase &db() { return m_db; }
    // The last open() found a file it could not use and replaced it.
    bool wasReplaced() const { return m_replaced; }

    // The database and its write-ahead log and shared-memory index.
    static void removeFiles(const QString &path);

private:
    bool openAsIs();
    bool hasOurSchema();
    bool createSchema();

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    bool m_replaced = false;
};

} // namespace natter::client
