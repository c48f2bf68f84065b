#pragma once
// A fresh, empty database per test case for the store backend a test binary is built with:
// sqlitetestdatabase.cpp (a temporary file) or postgrestestdatabase.cpp (a schema of its own
// on the server named by NATTER_TEST_POSTGRES_URL, dropped afterwards).

#include "chatstore.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace natter::server {

class TestDatabase
{
public:
    virtual ~TestDatabase() = default;

    virtual QString backend() const = 0;
    // Whether the backend can be used at all; a clear reason when not.
    virtual bool available(QString *why) = 0;
    // Replaces the current database with a new, empty one.
    virtual bool create(QString *why) = 0;
    // Drops the current database (close its stores first).
    virtual void drop() = 0;
    // What a store is opened on: the SQLite file path or the PostgreSQL URL.
    virtual QString location() const = 0;
    // Runs `statements` on the current database through the test's own connection, for what a
    // store never does (building a database of an older schema version).
    virtual bool execute(const QStringList &statements, QString *why) = 0;
    // A new store on the current database, not opened yet; several may be open at once.
    virtual std::unique_ptr<ChatStore> newStore() const = 0;
};

std::unique_ptr<TestDatabase> makeTestDatabase();

} // namespace natter::server
