#pragma once
// One file fetched from /v1/files (file_get): streamed to "<target>.part" on disk, resumed from
// the bytes already there after a lost connection, its SHA-256 checked off the GUI thread,
// then renamed to the target, where later openings find it (filecache.h).

#include "errorcode.h"
#include "filetransfer.h"

#include <QFile>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

namespace natter::client {

class FileDownload final : public QObject
{
    Q_OBJECT

public:
    FileDownload(const QString &fileId, const QString &targetPath, QObject *parent = nullptr);
    ~FileDownload() override;

    void setRetryDelay(int ms) { m_retry.setInterval(ms); }
    void start(const QUrl &filesUrl, const QString &token);
    void cancel();
    // The certificate the user trusted for the server (see certificatepin.h), before start().
    void setPinnedCertificate(const QByteArray &sha256Hex) { m_pinned = sha256Hex; }

    QString fileId() const { return m_fileId; }
    QString targetPath() const { return m_target; }
    qint64 bytesDone() const { return m_done; }
    qint64 bytesTotal() const { return m_size; }
    // File bytes taken from sockets by this object, over all its connections.
    qint64 bytesReceived() const { return m_bytesReceived; }
    double bytesPerSecond() const { return m_rate.bytesPerSecond(m_done); }
    qint64 secondsLeft() const { return m_rate.secondsLeft(m_done, m_size); }

signals:
    void progressed(qint64 done, qint64 total);
    void finished(const QString &path);
    void failed(natter::ErrorCode code, const QString &message); // message: for the person
    void cancelled();

private:
    enum class Stage
    {
        Idle,
        Connecting,
        Requesting,
        Receiving,
        Checking,
        Done
    };

    void connectSocket();
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    void onDisconnected();
    void onChecked();
    // `text`: what the person reads (default: fileErrorText(code)).
    void fail(ErrorCode code, const QString &text = QString());
    void failUntrusted();

    QString m_fileId;
    QString m_target;
    QString m_partPath;
    QUrl m_url;
    QString m_token;
    QFile m_part;
    QWebSocket m_socket;
    QByteArray m_pinned;
    QFutureWatcher<QByteArray> m_checking;
    QTimer m_retry;
    Stage m_stage = Stage::Idle;
    qint64 m_size = -1;
    qint64 m_done = 0;
    qint64 m_bytesReceived = 0;
    QByteArray m_sha256;
    TransferRate m_rate;
};

} // namespace natter::client
