#include "cachedatabase.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace natter::client {
namespace {

// Bumped when the tables change: an older or newer file is rebuilt from the server.
constexpr int kSchemaVersion = 1;

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

const char *const kSchema[] = {
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value)",
    // Whole objects in the wire's JSON: read back through the same validating parser.
    "CREATE TABLE conversations(id INTEGER PRIMARY KEY, json TEXT NOT NULL)",
    "CREATE TABLE messages(id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL,"
    " rev INTEGER NOT NULL, json TEXT NOT NULL)",
    "CREATE INDEX messages_by_conversation ON messages(conversation_id, id)",
};

bool run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql);
}

} // namespace

CacheDatabase::CacheDatabase()
    : m_connectionName(QStringLiteral("natter-cache-") + QUuid::createUuid().toString())
{}

CacheDatabase::~CacheDatabase()
{
    close();
}

void CacheDatabase::removeFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

bool CacheDatabase::open(const QString &path)
{
    close();
    m_path = path;
    m_replaced = false;
    if (openAsIs() && hasOurSchema())
        return true;
    // Unreadable or not ours: what it held comes again from the server.
    close();
    m_path = path;
    m_replaced = QFile::exists(path);
    removeFiles(path);
    if (openAsIs() && createSchema())
        return true;
    close();
    return false;
}

bool CacheDatabase::openAsIs()
{
    // The file exists with its final mode before SQLite opens it; SQLite gives the -wal and
    // -shm files the database file's mode.
    {
        QFile file(m_path);
        if (!file.exists() && !file.open(QIODevice::WriteOnly))
            return false;
    }
    QFile::setPermissions(m_path, kOwnerOnly);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open())
        return false;
    // WAL: a crash never leaves a half-written cache. NORMAL: a power cut may lose the last
    // commits, which the next sync brings again (the cursor is written with what it covers).
    QSqlQuery mode(m_db);
    return mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && mode.next() &&
           mode.value(0).toString() == QLatin1String("wal") &&
           run(m_db, QStringLiteral("PRAGMA synchronous=NORMAL"));
}

bool CacheDatabase::hasOurSchema()
{
    QSqlQuery version(m_db);
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next())
        return false;
    const int found = version.value(0).toInt();
    if (found == 0) // a new, empty file
        return createSchema();
    if (found != kSchemaVersion)
        return false;
    // A cheap look at every table: garbage fails here ("file is not a database").
    QSqlQuery probe(m_db);
    return probe.exec(QStringLiteral("SELECT (SELECT count(*) FROM meta),"
                                     " (SELECT max(id) FROM conversations),"
                                     " (SELECT max(id) FROM messages)"));
}

bool CacheDatabase::createSchema()
{
    if (!m_db.transaction())
        return false;
    for (const char *statement : kSchema) {
        if (!run(m_db, QString::fromLatin1(statement))) {
            m_db.rollback();
            return false;
        }
    }
    return run(m_db, QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion)) && m_db.commit();
}

void CacheDatabase::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
}

} // namespace natter::client
