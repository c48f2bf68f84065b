#include "tokenvault.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace natter::client {
namespace {

const QString kService = QStringLiteral("natter");
// A keyring that waits for the user to unlock it gets this long at start-up; then the
// app goes on without a stored token (signing in again is the worst case).
constexpr int kLoadTimeoutMs = 30'000;

} // namespace

TokenVault::TokenVault(const QString &account, const QString &fallbackPath, Backend preferred,
                       QObject *parent)
    : QObject(parent), m_account(account), m_fallbackPath(fallbackPath),
      m_useKeyring(preferred == Backend::Keyring)
{}

TokenVault::~TokenVault()
{
    waitForWrites(5'000);
}

TokenVault::Backend TokenVault::defaultBackend()
{
    return qEnvironmentVariable("NATTER_TOKEN_STORE") == QLatin1String("file") ? Backend::File
                                                                               : Backend::Keyring;
}

QString TokenVault::load()
{
    const QString fromFile = readFile();
    if (!m_useKeyring) {
        m_token = fromFile;
        return m_token;
    }
    // Blocking here is safe: this runs once, before any connection or window exists. User
    // input waits; only the keyring's D-Bus traffic is processed.
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(m_account);
    QEventLoop loop;
    bool finished = false;
    QKeychain::Error error = QKeychain::OtherError;
    QString errorText = QStringLiteral("no answer within %1 s").arg(kLoadTimeoutMs / 1000);
    QString fromKeyring;
    connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *) {
        finished = true;
        error = job->error();
        errorText = job->errorString();
        fromKeyring = job->textData();
        loop.quit();
    });
    QTimer::singleShot(kLoadTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished)
        disconnect(job, nullptr, &loop, nullptr);

    if (error == QKeychain::NoError) {
        m_token = fromKeyring;
        if (!fromFile.isEmpty())
            QFile::remove(m_fallbackPath); // an older copy from a time without keyring
    } else if (error == QKeychain::EntryNotFound) {
        m_token = fromFile;
        if (!fromFile.isEmpty())
            startKeyringWrite(fromFile); // moved into the keyring; the file goes on success
    } else {
        useFileFrom(errorText);
        m_token = fromFile;
    }
    return m_token;
}

void TokenVault::store(const QString &token)
{
    m_token = token;
    if (m_useKeyring)
        startKeyringWrite(token);
    else if (token.isEmpty())
        QFile::remove(m_fallbackPath);
    else
        writeFile(token);
}

void TokenVault::startKeyringWrite(const QString &token)
{
    QKeychain::Job *job = nullptr;
    if (token.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(kService, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(kService, this);
        write->setTextData(token);
        job = write;
    }
    job->setAutoDelete(true);
    job->setKey(m_account);
    ++m_pendingWrites;
    // qtkeychain runs one job at a time, in order: the last store() wins.
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        --m_pendingWrites;
        const bool ok = done->error() == QKeychain::NoError ||
                        (done->error() == QKeychain::EntryNotFound &&
                         qobject_cast<QKeychain::DeletePasswordJob *>(done));
        if (ok) {
            QFile::remove(m_fallbackPath); // the keyring holds it (or nothing is kept)
        } else if (m_useKeyring) {
            useFileFrom(done->errorString());
            store(m_token); // the newest token, into the file
        }
        emit writeFinished();
    });
    job->start();
}

bool TokenVault::waitForWrites(int timeoutMs)
{
    if (m_pendingWrites == 0)
        return true;
    const QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    connect(this, &TokenVault::writeFinished, &loop, [&]() {
        if (m_pendingWrites == 0)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    while (m_pendingWrites > 0 && !deadline.hasExpired())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return m_pendingWrites == 0;
}

void TokenVault::useFileFrom(const QString &reason)
{
    m_useKeyring = false;
    qWarning("natter: no keyring (%s): the session token is kept in %s (readable by you only)",
             qPrintable(reason), qPrintable(QDir::toNativeSeparators(m_fallbackPath)));
}

QString TokenVault::readFile() const
{
    QFile file(m_fallbackPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool TokenVault::writeFile(const QString &token) const
{
    QDir().mkpath(QFileInfo(m_fallbackPath).absolutePath());
    QSaveFile file(m_fallbackPath);
    // Owner only before a byte of the token is written; the rename keeps the mode.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        qWarning("natter: cannot write %s: the session token is not kept",
                 qPrintable(QDir::toNativeSeparators(m_fallbackPath)));
        return false;
    }
    file.write(token.toUtf8());
    return file.commit();
}

} // namespace natter::client
