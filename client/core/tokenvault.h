#pragma once
// Where a profile's session token is kept: the desktop's keyring (Secret Service / KWallet
// through qtkeychain), or, where no keyring answers (no D-Bus session, headless machines),
// a file only its owner may read (0600). Never in the profile's .ini.

#include <QObject>
#include <QString>

namespace natter::client {

class TokenVault final : public QObject
{
    Q_OBJECT

public:
    enum class Backend
    {
        Keyring, // the keyring, falling back to the file when it does not answer
        File,    // the file only
    };

    // `account` names the token in the keyring (unique per profile); `fallbackPath` is the
    // 0600 file.
    TokenVault(const QString &account, const QString &fallbackPath, Backend preferred,
               QObject *parent = nullptr);
    ~TokenVault() override;
    Q_DISABLE_COPY_MOVE(TokenVault)

    // Keyring, unless NATTER_TOKEN_STORE=file (tests, or a desktop whose keyring nags).
    static Backend defaultBackend();

    // Reads the token (blocking on the keyring, once, at start-up) and remembers it. A token
    // found in the fallback file while the keyring works is moved into the keyring.
    QString load();
    QString token() const { return m_token; }
    // Keeps `token` (empty: forgets it). The keyring write runs in the background; if the
    // keyring refuses, the file is used instead.
    void store(const QString &token);
    // Where the token goes now: Keyring, or File when the keyring did not answer.
    Backend backend() const { return m_useKeyring ? Backend::Keyring : Backend::File; }
    // Waits (at most `timeoutMs`) for background keyring writes; true when none is left.
    bool waitForWrites(int timeoutMs);

signals:
    // A background keyring write finished (also when it fell back to the file).
    void writeFinished();

private:
    void startKeyringWrite(const QString &token);
    QString readFile() const;
    bool writeFile(const QString &token) const;
    void useFileFrom(const QString &reason);

    QString m_account;
    QString m_fallbackPath;
    bool m_useKeyring;
    QString m_token;
    int m_pendingWrites = 0;
};

} // namespace natter::client
