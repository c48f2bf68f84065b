#pragma once
// Closes the sockets signed in with a token that has ended: revoked by `logout` on another
// socket, by `natter-server user disable` or `reset-password` (another process, on the same
// database), or expired. It asks the store twice a second which tokens ended since it last
// looked, so every instance on a shared database sees every revocation, whoever made it.
// Each look goes back kSlackMs further than the last one: a revocation stamped by another
// process (or host) with a clock a little behind, or committed a little late, is still seen.

#include <QBasicTimer>
#include <QObject>

namespace natter::server {

class ChatStore;
class SessionRegistry;

class RevocationWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kIntervalMs = 500;
    static constexpr qint64 kSlackMs = 5'000;

    RevocationWatcher(ChatStore &store, SessionRegistry &registry, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RevocationWatcher)

    void start();
    void stop();
    // One look now (also what the timer does); returns how many sockets it closed.
    int check();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    ChatStore &m_store;
    SessionRegistry &m_registry;
    QBasicTimer m_timer;
    qint64 m_checkedUpTo = 0;
    bool m_failing = false;
};

} // namespace natter::server
