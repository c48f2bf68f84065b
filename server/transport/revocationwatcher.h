#pragma once
// Closes the sockets signed in with a token that has ended: revoked by `logout` on another
// socket, by `natter-server user disable` or `reset-password` (another process, on the same
// database), or expired. It asks the store twice a second which tokens ended since it last
// looked, so every instance on a shared database sees every revocation, whoever made it.
// Each look goes back kSlackMs further than the last one: a revocation stamped by another
// process (or host) with a clock a little behind, or committed a little late, is still seen.
// The app hands it the store's query as a function: the transport does not link the store.

#include <QBasicTimer>
#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

namespace natter::server {

class SessionRegistry;

class RevocationWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 500;
    static constexpr qint64 kSlackMs = 5'000;

    // Hashes of the tokens revoked or expired in (after, upTo]; nullopt when they cannot be
    // read now (looked at again from the same point next time).
    using EndedTokens = std::function<std::optional<QList<QByteArray>>(qint64 after, qint64 upTo)>;

    RevocationWatcher(EndedTokens endedTokens, SessionRegistry &registry,
                      QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RevocationWatcher)

    void start();
    void stop();
    // One look now (also what the timer does); returns how many sockets it closed.
    int check();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    EndedTokens m_endedTokens;
    SessionRegistry &m_registry;
    QBasicTimer m_timer;
    qint64 m_checkedUpTo = 0;
    bool m_failing = false;
};

} // namespace natter::server
