#pragma once
// One file sent to /v1/files (docs/protocol.md "Files"): hashed off the GUI thread, streamed
// from disk in the server's chunks within its acknowledgement window, resumed from the
// server's offset after a lost connection or a server restart, then stored (file_end).
// The message that carries it is sent on the chat socket by the caller, with file_id.

#include "errorcode.h"
#include "filetransfer.h"

#include <QFile>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace natter::client {

class FileUpload final : public QObject
{
    Q_OBJECT

public:
    FileUpload(const QString &path, qint64 conversationId, QObject *parent = nullptr);
    ~FileUpload() override;

    // Continues an upload the server already knows (an outbox entry from before a restart).
    void setUploadId(const QString &uploadId) { m_uploadId = uploadId; }
    void setRetryDelay(int ms) { m_retry.setInterval(ms); }
    // filesUrl: see filesUrlFor(). The token is the chat session's.
    void start(const QUrl &filesUrl, const QString &token);
    void cancel();
    // The certificate the user trusted for the server (see certificatepin.h), before start().
    void setPinnedCertificate(const QByteArray &sha256Hex) { m_pinned = sha256Hex; }

    QString path() const { return m_path; }
    QString name() const { return m_name; }
    qint64 conversationId() const { return m_conversationId; }
    QString uploadId() const { return m_uploadId; }
    qint64 bytesDone() const { return m_acked; }
    qint64 bytesTotal() const { return m_size; }
    // File bytes written to sockets by this object, over all its connections.
    qint64 bytesSent() const { return m_bytesSent; }
    double bytesPerSecond() const { return m_rate.bytesPerSecond(m_acked); }
    qint64 secondsLeft() const { return m_rate.secondsLeft(m_acked, m_size); }

signals:
    void uploadIdChanged(const QString &uploadId); // persist it to resume after a restart
    void progressed(qint64 done, qint64 total);
    void resumed(qint64 offset); // a later connection continued from this offset
    // `file`: the stored file (id, name, size, mime, sha256); send it with `file_id`.
    void finished(const QJsonObject &file);
    void failed(natter::ErrorCode code, const QString &message); // message: for the person
    void cancelled();

private:
    enum class Stage
    {
        Idle,
        Hashing,
        Connecting,
        Beginning,
        Sending,
        Ending,
        Done
    };

    void onHashed();
    void connectSocket();
    void onText(const QString &text);
    void onDisconnected();
    void onOk(const QString &re, const QJsonObject &frame);
    void onError(const QString &re, const QJsonObject &frame);
    void sendBegin();
    void pump();
    // `text`: what the person reads (default: fileErrorText(code)).
    void fail(ErrorCode code, const QString &text = QString());
    void failUntrusted();

    QString m_path;
    QString m_name;
    qint64 m_conversationId = 0;
    qint64 m_size = 0;
    QByteArray m_sha256;
    QString m_uploadId;
    QUrl m_url;
    QString m_token;
    QFile m_file;
    QWebSocket m_socket;
    QByteArray m_pinned;
    QFutureWatcher<QByteArray> m_hashing;
    QTimer m_retry;
    Stage m_stage = Stage::Idle;
    qint64 m_acked = 0;
    qint64 m_sent = 0; // offset of the next byte to send on this connection
    qint64 m_chunkBytes = 256 * 1024;
    qint64 m_window = 4;
    qint64 m_bytesSent = 0;
    bool m_restartedOnce = false; // an expired upload_id was replaced by a new upload
    TransferRate m_rate;
};

} // namespace natter::client
