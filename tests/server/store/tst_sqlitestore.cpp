// What only SqliteStore does; the shared store contract is tst_chatstore.cpp.
#include "sqlitestore.h"
#include "storetesthelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace natter;
using namespace natter::server;

class TestSqliteStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    qint64 m_now = 1764000000000;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("natter.db")); }

private slots:
    void readOnlyDatabaseGivesUnavailableNotACrash()
    {
        auto store = std::make_unique<SqliteStore>(dbPath());
        QVERIFY(store->open().ok());
        const qint64 alice = storetest::makeUser(*store, QStringLiteral("alice"), m_now);
        const qint64 bob = storetest::makeUser(*store, QStringLiteral("bob"), m_now);
        const auto sent =
            storetest::sendMessage(*store, alice, bob, QStringLiteral("before"), m_now).message;
        store.reset();

        QFile::setPermissions(dbPath(), QFile::ReadOwner);
        auto readOnly = std::make_unique<SqliteStore>(dbPath());
        const bool opened = readOnly->open().ok();
        if (opened) {
            NewMessage n{alice, 0, bob, QUuid::createUuid(), QStringLiteral("x"), m_now};
            const auto r = readOnly->appendMessages({n});
            // Root ignores file permissions; only assert when the write really failed.
            if (!r.first().ok())
                QCOMPARE(r.first().failure, StoreFailure::Unavailable);
        }
        readOnly.reset();
        QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner);
        store = std::make_unique<SqliteStore>(dbPath());
        QVERIFY(store->open().ok());
        QCOMPARE(store->message(sent.id).value.content, QStringLiteral("before"));
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
