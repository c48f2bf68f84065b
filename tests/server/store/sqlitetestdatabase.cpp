#include "sqlitestore.h"
#include "testdatabase.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace natter::server {
namespace {

class SqliteTestDatabase final : public TestDatabase
{
public:
    QString backend() const override { return QStringLiteral("sqlite"); }

    bool available(QString *why) override
    {
        if (!m_dir.isValid())
            *why = QStringLiteral("cannot create a temporary directory");
        return m_dir.isValid();
    }

    bool create(QString *why) override
    {
        drop();
        if (QFile::exists(location())) {
            *why = QStringLiteral("cannot remove ") + location();
            return false;
        }
        return true;
    }

    void drop() override
    {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(location() + QLatin1String(suffix));
    }

    QString location() const override { return m_dir.filePath(QStringLiteral("natter.db")); }

    bool execute(const QStringList &statements, QString *why) override
    {
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kRaw);
            db.setDatabaseName(location());
            ok = db.open();
            QSqlQuery q(db);
            for (qsizetype i = 0; ok && i < statements.size(); ++i) {
                ok = q.exec(statements[i]);
                if (!ok)
                    *why = statements[i] + QStringLiteral(": ") + q.lastError().text();
            }
            if (!db.isOpen())
                *why = db.lastError().text();
            q = QSqlQuery();
            db.close();
        }
        QSqlDatabase::removeDatabase(kRaw);
        return ok;
    }

    std::unique_ptr<ChatStore> newStore() const override
    {
        return std::make_unique<SqliteStore>(location());
    }

private:
    static inline const QString kRaw = QStringLiteral("natter-test-raw");
    QTemporaryDir m_dir;
};

} // namespace

std::unique_ptr<TestDatabase> makeTestDatabase()
{
    return std::make_unique<SqliteTestDatabase>();
}

} // namespace natter::server
