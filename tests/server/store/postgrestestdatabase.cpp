#include "postgresstore.h"
#include "postgresurl.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace natter::server {
namespace {

const char kUrlVariable[] = "NATTER_TEST_POSTGRES_URL";

class PostgresTestDatabase final : public TestDatabase
{
public:
    ~PostgresTestDatabase() override
    {
        drop();
        if (m_admin.isValid()) {
            m_admin.close();
            m_admin = QSqlDatabase();
            QSqlDatabase::removeDatabase(kAdminConnection);
        }
    }

    QString backend() const override { return QStringLiteral("postgresql"); }

    bool available(QString *why) override
    {
        m_baseUrl = qEnvironmentVariable(kUrlVariable);
        if (m_baseUrl.isEmpty()) {
            *why = QStringLiteral("%1 is not set. This suite needs a PostgreSQL server it may "
                                  "create schemas on: scripts/test.sh starts one, or run "
                                  "`scripts/throwaway-postgres.sh start DIR` and export the "
                                  "URL it prints as %1.")
                       .arg(QLatin1String(kUrlVariable));
            return false;
        }
        QString error;
        const auto url = PostgresUrl::parse(m_baseUrl, &error);
        if (!url || !url->schema.isEmpty()) {
            *why = QStringLiteral("%1: %2").arg(QLatin1String(kUrlVariable),
                                                url ? QStringLiteral("must not name a schema")
                                                    : error);
            return false;
        }
        m_admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kAdminConnection);
        m_admin.setHostName(url->host);
        m_admin.setPort(url->port);
        m_admin.setDatabaseName(url->database);
        m_admin.setUserName(url->user);
        m_admin.setPassword(url->password);
        m_admin.setConnectOptions(url->connectOptions);
        if (!m_admin.open()) {
            *why =
                QStringLiteral("cannot connect to %1 (%2): %3")
                    .arg(QLatin1String(kUrlVariable), url->location(), m_admin.lastError().text());
            return false;
        }
        // Notices such as "drop cascades to ..." are noise in the test log.
        return run(QStringLiteral("SET client_min_messages TO warning"), why);
    }

    bool create(QString *why) override
    {
        drop();
        static int counter = 0;
        // Unique across test binaries running at once on the same server.
        const QString schema = QStringLiteral("natter_test_%1_%2")
                                   .arg(QCoreApplication::applicationPid())
                                   .arg(++counter);
        if (!run(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema), why) ||
            !run(QStringLiteral("CREATE SCHEMA %1").arg(schema), why))
            return false;
        m_schema = schema;
        return true;
    }

    void drop() override
    {
        if (m_schema.isEmpty())
            return;
        QString why;
        if (!run(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(m_schema), &why))
            qWarning("cannot drop schema %s: %s", qPrintable(m_schema), qPrintable(why));
        m_schema.clear();
    }

    QString location() const override
    {
        return m_baseUrl + (m_baseUrl.contains(u'?') ? u'&' : u'?') + QStringLiteral("schema=") +
               m_schema;
    }

    bool execute(const QStringList &statements, QString *why) override
    {
        if (!run(QStringLiteral("SET search_path TO %1").arg(m_schema), why))
            return false;
        bool ok = true;
        for (qsizetype i = 0; ok && i < statements.size(); ++i) {
            ok = run(statements[i], why);
            if (!ok)
                *why = statements[i] + QStringLiteral(": ") + *why;
        }
        QString ignored;
        run(QStringLiteral("RESET search_path"), &ignored);
        return ok;
    }

    std::unique_ptr<ChatStore> newStore() const override
    {
        return std::make_unique<PostgresStore>(location());
    }

private:
    static inline const QString kAdminConnection = QStringLiteral("natter-test-admin");

    bool run(const QString &sql, QString *why)
    {
        QSqlQuery q(m_admin);
        if (q.exec(sql))
            return true;
        *why = q.lastError().text();
        return false;
    }

    QString m_baseUrl;
    QString m_schema;
    QSqlDatabase m_admin;
};

} // namespace

std::unique_ptr<TestDatabase> makeTestDatabase()
{
    return std::make_unique<PostgresTestDatabase>();
}

} // namespace natter::server
