// The session token is kept out of the profile's INI: in the keyring, or where no keyring
// answers in a 0600 file; the INI and the profile's directories are the user's alone, and a
// token an older version left in the INI is moved out of it.
//
// This process never reaches a D-Bus session bus (it is pointed at a socket that does not
// exist before anything uses D-Bus), so the keyring fails the way it does on a headless
// machine and the fallback is tested everywhere. tst_tokenkeyring tests a real keyring
// where there is one.

#include "profilesettings.h"
#include "testprofiles.h"
#include "tokenvault.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using natter::client::ProfileSettings;
using natter::client::TokenVault;

namespace {

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

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString configDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("natter"));
}

} // namespace

class TestTokenVault final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        useFreshTestProfiles();
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/natter-test-bus");
        ::umask(022); // what most desktops use: files 0644 unless the app says otherwise
    }

    void fileBackendKeepsTheTokenOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/alice.token"));
        {
            TokenVault vault(QStringLiteral("alice"), path, TokenVault::Backend::File);
            QCOMPARE(vault.load(), QString());
            vault.store(QStringLiteral("secret-token-1"));
            QCOMPARE(vault.backend(), TokenVault::Backend::File);
        }
        QCOMPARE(octal(modeOf(path)), octal(0600));
        QCOMPARE(contentsOf(path), QByteArray("secret-token-1"));
        TokenVault again(QStringLiteral("alice"), path, TokenVault::Backend::File);
        QCOMPARE(again.load(), QStringLiteral("secret-token-1"));
        again.store({});
        QVERIFY(!QFile::exists(path));
    }

    void keyringThatDoesNotAnswerFallsBackToTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bob.token"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no keyring")));
        TokenVault vault(QStringLiteral("natter-test bob"), path, TokenVault::Backend::Keyring);
        QCOMPARE(vault.load(), QString());
        QCOMPARE(vault.backend(), TokenVault::Backend::File);
        vault.store(QStringLiteral("secret-token-2"));
        QVERIFY(vault.waitForWrites(10'000));
        QCOMPARE(contentsOf(path), QByteArray("secret-token-2"));
        QCOMPARE(octal(modeOf(path)), octal(0600));
    }

    void profileTokenIsNeverInTheIni()
    {
        const QString profile = QStringLiteral("carol");
        QString ini;
        {
            ProfileSettings settings(profile);
            ini = settings.iniPath();
            settings.setUsername(QStringLiteral("carol"));
            settings.setToken(QStringLiteral("secret-token-3"));
            settings.sync();
        }
        QVERIFY(QFile::exists(ini));
        QVERIFY(!contentsOf(ini).contains("secret-token-3"));
        QVERIFY(contentsOf(ini).contains("carol"));
        QCOMPARE(octal(modeOf(ini)), octal(0600));
        QCOMPARE(octal(modeOf(configDir())), octal(0700));
        const QString tokenFile = QDir(configDir()).filePath(profile + QStringLiteral(".token"));
        QCOMPARE(octal(modeOf(tokenFile)), octal(0600));
        ProfileSettings again(profile);
        QCOMPARE(again.token(), QStringLiteral("secret-token-3"));
        QCOMPARE(octal(modeOf(again.dataDir())), octal(0700));
        again.setToken({});
        again.sync();
        QVERIFY(!QFile::exists(tokenFile));
        QCOMPARE(ProfileSettings(profile).token(), QString());
    }

    void tokenInAnOldIniIsMovedOut()
    {
        // What versions before the vault wrote: the token in the INI, mode 0644.
        const QString profile = QStringLiteral("dave");
        QDir().mkpath(configDir());
        const QString ini = QDir(configDir()).filePath(profile + QStringLiteral(".ini"));
        {
            QFile file(ini);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[account]\nusername=dave\ntoken=old-secret-token\n");
        }
        QVERIFY(::chmod(QFile::encodeName(ini).constData(), 0644) == 0);
        {
            ProfileSettings settings(profile);
            QCOMPARE(settings.token(), QStringLiteral("old-secret-token"));
            QCOMPARE(settings.username(), QStringLiteral("dave"));
        }
        QVERIFY2(!contentsOf(ini).contains("old-secret-token"), contentsOf(ini).constData());
        QCOMPARE(octal(modeOf(ini)), octal(0600));
        QCOMPARE(ProfileSettings(profile).token(), QStringLiteral("old-secret-token"));
    }
};

QTEST_GUILESS_MAIN(TestTokenVault)
#include "tst_tokenvault.moc"
