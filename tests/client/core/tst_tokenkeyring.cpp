// The keyring path of TokenVault against the desktop's real keyring (Secret Service or
// KWallet over D-Bus). Without a D-Bus session or a keyring it skips, saying so: the
// fallback that such machines use is tst_tokenvault's, which always runs.

#include "tokenvault.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using natter::client::TokenVault;

class TestTokenKeyring final : public QObject
{
    Q_OBJECT

private slots:
    void tokenRoundTripsThroughTheKeyring()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session bus: the keyring is not tested on this machine");
        QTemporaryDir dir;
        const QString fallback = dir.filePath(QStringLiteral("test.token"));
        const QString account =
            QStringLiteral("natter-test ") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        TokenVault vault(account, fallback, TokenVault::Backend::Keyring);
        vault.load();
        if (vault.backend() != TokenVault::Backend::Keyring)
            QSKIP("the D-Bus session has no keyring service: the keyring is not tested here");
        vault.store(QStringLiteral("keyring-token"));
        QVERIFY(vault.waitForWrites(30'000));
        QCOMPARE(vault.backend(), TokenVault::Backend::Keyring);
        QVERIFY(!QFile::exists(fallback)); // nothing on disk
        {
            TokenVault again(account, fallback, TokenVault::Backend::Keyring);
            QCOMPARE(again.load(), QStringLiteral("keyring-token"));
        }
        vault.store({});
        QVERIFY(vault.waitForWrites(30'000));
        TokenVault gone(account, fallback, TokenVault::Backend::Keyring);
        QCOMPARE(gone.load(), QString());
    }
};

QTEST_GUILESS_MAIN(TestTokenKeyring)
#include "tst_tokenkeyring.moc"
