#pragma once
// One file connection (ws://HOST:PORT/v1/files, docs/protocol.md "Files"): `auth` with a
// session token first, then one transfer at a time. An upload's binary frames go to disk as
// they arrive and each is acknowledged with file_progress once written, so reading is paced
// by the disk; the socket's read buffer is bounded, so a client that ignores the window meets
// TCP back-pressure, not server memory. A download reads the next chunk only when the socket
// has less than kSendAheadBytes unsent. It carries no chat, is not in presence, and is closed
// with 4403 within a second of its token being revoked. The rules are FileTransfers'.
// A session starts on the server's main thread and usually moves to the file thread
// (FileSessions) right after: its bytes are read, hashed and written there, and only its
// calls into FileTransfers (sign-in, begin, end, open: a few per transfer) run on the main
// thread, which the session waits for.

#include "config/serverconfig.h"
#include "interfaces/filetransfers.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

class QWebSocket;

namespace natter::server {

class FileSession final : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 kSendAheadBytes = 1 << 20;
    static constexpr int kRevocationCheckMs = 1'000;

    // `admit` says whether the user may open one more file connection (and counts it).
    // Takes ownership of `socket`. `home` lives on the thread that may call `transfers` and
    // `admit`, and outlives the session.
    FileSession(QWebSocket *socket, FileTransfers &transfers, const ServerConfig &config,
                std::function<bool(qint64 userId)> admit, QObject *home);
    ~FileSession() override;
    Q_DISABLE_COPY_MOVE(FileSession)

    qint64 userId() const { return m_userId; }
    const QString &peerAddress() const { return m_address; }
    const QWebSocket &socket() const { return *m_socket; }
    bool isClosing() const { return m_closing; }
    void closeWith(quint16 code, const QString &reason);

signals:
    void signedIn(natter::server::FileSession *session);
    void finished(natter::server::FileSession *session);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &chunk);
    void onDisconnected();
    void signIn(const QString &re, const QJsonObject &body);
    void begin(const QString &re, const QJsonObject &body);
    void end(const QString &re, const QJsonObject &body);
    void get(const QString &re, const QJsonObject &body);
    void pump();
    void replyOk(const QString &re, const QJsonObject &fields);
    void replyError(const QString &re, const ProtocolError &error);
    void touch() { m_lastActivityMs = m_clock.elapsed(); }
    // Runs `call` on the home thread and returns its result: at once when this session is
    // still there, else waiting for it (the home thread never waits for this one).
    template <typename Call> auto atHome(Call call);

    QWebSocket *m_socket;
    FileTransfers &m_transfers;
    std::function<bool(qint64)> m_admit;
    QObject *m_home;
    const QString m_address;
    const int m_authTimeoutMs;
    const int m_idleTimeoutMs;
    qint64 m_userId = 0;
    QByteArray m_tokenHash;
    std::shared_ptr<UploadSink> m_upload; // shared with the worker that hashes a resume
    bool m_hashing = false;               // a resumed upload's bytes are being hashed
    std::unique_ptr<DownloadSource> m_download;
    bool m_closing = false;
    bool m_finished = false;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0;
    qint64 m_uploadKeptMs = 0;     // when keepUpload() was last asked for
    QBasicTimer m_deadlineTimer;   // auth and idle deadlines
    QBasicTimer m_revocationTimer; // is the token still valid?
    QBasicTimer m_abortTimer;      // the close handshake did not finish
};

} // namespace natter::server
