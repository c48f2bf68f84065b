#include "sqlitestore.h"
#include "testdatabase.h"

#include <QFile>
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

    std::unique_ptr<ChatStore> newStore() const override
    {
        return std::make_unique<SqliteStore>(location());
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

std::unique_ptr<TestDatabase> makeTestDatabase()
{
    return std::make_unique<SqliteTestDatabase>();
}

} // namespace natter::server
