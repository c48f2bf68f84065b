// The server's data is its owner's alone: the SQLite database with its -wal and -shm files
// and `natter-server backup` copies are 0600 whatever the umask (they hold every message and
// password hash); an existing database loses its group/other bits when the server opens it.

#include "app/backupcommand.h"
#include "ownerfiles.h"
#include "sqlitestore.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using natter::server::SqliteStore;

namespace {

// The permission bits of `path`, or -1 if it does not exist.
int modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QString octal(int mode)
{
    return QString::number(mode, 8);
}

// Everything this test creates would be 0644 without the server's own care.
class Umask022 final
{
public:
    Umask022() : m_previous(::umask(022)) {}
    ~Umask022() { ::umask(m_previous); }
    Q_DISABLE_COPY_MOVE(Umask022)

private:
    mode_t m_previous;
};

} // namespace

class TestFileModes final : public QObject
{
    Q_OBJECT

private slots:
    void newDatabaseAndItsWalAreOwnerOnly()
    {
        const Umask022 umask;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("natter.db"));
        SqliteStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.createUser(QStringLiteral("alice"), "hash", 1).ok());
        for (const QString &file : {path, path + QStringLiteral("-wal"), path + "-shm"})
            QCOMPARE(octal(modeOf(file)), octal(0600));
        store.close();
    }

    void existingDatabaseLosesGroupAndOtherBits()
    {
        const Umask022 umask;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("natter.db"));
        {
            SqliteStore store(path);
            QVERIFY(store.open().ok());
            QVERIFY(store.createUser(QStringLiteral("alice"), "hash", 1).ok());
        }
        // As an older server (or a copy with cp) left them.
        for (const QString &file : {path, path + QStringLiteral("-wal"), path + "-shm"}) {
            if (modeOf(file) >= 0)
                QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        }
        SqliteStore again(path);
        QVERIFY(again.open().ok());
        QVERIFY(again.createUser(QStringLiteral("bob"), "hash", 2).ok());
        for (const QString &file : {path, path + QStringLiteral("-wal"), path + "-shm"})
            QCOMPARE(octal(modeOf(file)), octal(0600));
    }

    void readOnlyStaysReadOnly()
    {
        // Only permissions are taken away: a file its owner made read-only is not made
        // writable (the server refuses to start on it, which is the admin's signal).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("readonly.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        QVERIFY(natter::server::restrictToOwner(path));
        QCOMPARE(octal(modeOf(path)), octal(0400));
    }

    void backupIsOwnerOnly()
    {
        const Umask022 umask;
        QTemporaryDir dir;
        natter::server::ServerConfig config;
        config.databasePath = dir.filePath(QStringLiteral("natter.db"));
        {
            SqliteStore store(config.databasePath);
            QVERIFY(store.open().ok());
            QVERIFY(store.createUser(QStringLiteral("alice"), "hash", 1).ok());
        }
        const QString target = dir.filePath(QStringLiteral("backup.db"));
        QString output;
        QString errors;
        QTextStream out(&output);
        QTextStream err(&errors);
        QCOMPARE(
            natter::server::runBackupCommand({QStringLiteral("backup"), target}, config, out, err),
            0);
        QCOMPARE(octal(modeOf(target)), octal(0600));
        // The umask the command found is given back.
        const mode_t now = ::umask(022);
        QCOMPARE(octal(int(now)), octal(022));
    }
};

QTEST_GUILESS_MAIN(TestFileModes)
#include "tst_filemodes.moc"
