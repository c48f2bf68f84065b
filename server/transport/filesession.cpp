#include "filesession.h"

#include "codec.h"
#include "config/logging.h"
#include "protocol.h"
#include "requests.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QThread>
#include <QTimerEvent>
#include <QWebSocket>
#include <QtConcurrent/QtConcurrentRun>

namespace natter::server {
namespace {

constexpr int kFileCloseHandshakeMs = 5'000;
constexpr int kDeadlineCheckMs = 1'000;

ProtocolError badRequest(const QString &message, const QString &field = {})
{
    return ProtocolError::make(ErrorCode::BadRequest, message, field);
}

} // namespace

FileSession::FileSession(QWebSocket *socket, FileTransfers &transfers, const ServerConfig &config,
                         std::function<bool(qint64)> admit, QObject *home)
    : m_socket(socket), m_transfers(transfers), m_admit(std::move(admit)), m_home(home),
      m_address(socket->peerAddress().toString()), m_authTimeoutMs(config.authTimeoutMs),
      m_idleTimeoutMs(config.idleTimeoutMs)
{
    m_socket->setParent(this);
    // One chunk per frame and per message; the read buffer holds about one more, so an
    // upload's memory is bounded whatever the client sends (TCP pushes back).
    m_socket->setMaxAllowedIncomingFrameSize(quint64(files::kChunkBytes));
    m_socket->setMaxAllowedIncomingMessageSize(quint64(files::kChunkBytes));
    m_socket->setReadBufferSize(files::kChunkBytes);
    m_clock.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, &FileSession::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &FileSession::onBinary);
    connect(m_socket, &QWebSocket::bytesWritten, this, [this]() {
        touch();
        pump();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &FileSession::onDisconnected);
    m_deadlineTimer.start(qMin(kDeadlineCheckMs, qMax(10, m_authTimeoutMs / 4)), this);
    qCInfo(lcTransport).noquote() << "file connection opened from" << m_address;
}

FileSession::~FileSession() = default;

template <typename Call> auto FileSession::atHome(Call call)
{
    if (QThread::currentThread() == m_home->thread())
        return call();
    decltype(call()) result{};
    QMetaObject::invokeMethod(
        m_home, [&result, &call] { result = call(); }, Qt::BlockingQueuedConnection);
    return result;
}

void FileSession::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closing = true;
    m_deadlineTimer.stop();
    m_revocationTimer.stop();
    qCInfo(lcTransport).noquote() << "file connection from" << m_address << "closed, user"
                                  << m_userId;
    // The partial file stays on disk: the upload resumes from its offset.
    m_upload.reset();
    m_download.reset();
    emit finished(this);
}

void FileSession::closeWith(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_upload.reset();
    m_download.reset();
    m_socket->close(QWebSocketProtocol::CloseCode(code), reason);
    m_abortTimer.start(kFileCloseHandshakeMs, this);
}

void FileSession::timerEvent(QTimerEvent *event)
{
    const int id = event->timerId();
    if (id == m_abortTimer.timerId()) {
        m_abortTimer.stop();
        m_socket->abort();
    } else if (id == m_revocationTimer.timerId()) {
        if (!m_closing && !atHome([this] { return m_transfers.stillSignedIn(m_tokenHash); })) {
            qCInfo(lcTransport) << "file connection of user" << m_userId << "signed out";
            closeWith(protocol::CloseSignedOut, QStringLiteral("signed out"));
        }
    } else if (id == m_deadlineTimer.timerId()) {
        const qint64 now = m_clock.elapsed();
        if (m_userId == 0 && now >= m_authTimeoutMs)
            closeWith(protocol::CloseAuthTimeout, QStringLiteral("authentication timeout"));
        else if (now - m_lastActivityMs >= m_idleTimeoutMs)
            closeWith(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("idle timeout"));
    } else {
        QObject::timerEvent(event);
    }
}

void FileSession::replyOk(const QString &re, const QJsonObject &fields)
{
    if (!m_closing)
        m_socket->sendTextMessage(codec::encodeOk(re, fields));
}

void FileSession::replyError(const QString &re, const ProtocolError &error)
{
    if (!m_closing)
        m_socket->sendTextMessage(codec::encodeError(re, error));
}

void FileSession::onText(const QString &text)
{
    if (m_closing)
        return;
    touch();
    const codec::ParsedRequest parsed = codec::parseRequest(text);
    const QString &re = parsed.request.id;
    const QString &type = parsed.request.typeName;
    const bool fileType = type == QLatin1String("file_begin") ||
                          type == QLatin1String("file_end") || type == QLatin1String("file_get");
    if (parsed.error && !(parsed.error->code == ErrorCode::UnknownType && fileType)) {
        replyError(re, *parsed.error);
        return;
    }
    if (m_userId == 0) {
        if (!parsed.error && parsed.request.type == protocol::RequestType::Auth) {
            signIn(re, parsed.request.body);
            return;
        }
        replyError(re, ProtocolError::make(ErrorCode::Unauthorized,
                                           QStringLiteral("send auth with your token first")));
        closeWith(protocol::CloseAuthTimeout, QStringLiteral("not authenticated"));
        return;
    }
    if (!parsed.error && parsed.request.type == protocol::RequestType::Ping) {
        replyOk(re, {});
        return;
    }
    if (type == QLatin1String("file_begin"))
        begin(re, parsed.request.body);
    else if (type == QLatin1String("file_end"))
        end(re, parsed.request.body);
    else if (type == QLatin1String("file_get"))
        get(re, parsed.request.body);
    else
        replyError(re, ProtocolError::make(ErrorCode::UnknownType,
                                           QStringLiteral("a file connection carries file_begin, "
                                                          "file_end, file_get and ping only"),
                                           QStringLiteral("type")));
}

void FileSession::signIn(const QString &re, const QJsonObject &body)
{
    ProtocolError error;
    const auto request = AuthRequest::fromJson(body, &error);
    if (!request) {
        replyError(re, error);
        closeWith(protocol::CloseAuthTimeout, QStringLiteral("not authenticated"));
        return;
    }
    const FileTransfers::SignedIn in =
        atHome([this, &request] { return m_transfers.signIn(request->token); });
    if (in.error) {
        replyError(re, *in.error);
        closeWith(protocol::CloseAuthTimeout, QStringLiteral("not authenticated"));
        return;
    }
    if (!atHome([this, &in] { return m_admit(in.userId); })) {
        replyError(re, ProtocolError::make(ErrorCode::RateLimited,
                                           QStringLiteral("too many file connections open")));
        closeWith(protocol::ClosePolicy, QStringLiteral("too many file connections"));
        return;
    }
    m_userId = in.userId;
    m_tokenHash = in.tokenHash;
    m_revocationTimer.start(kRevocationCheckMs, this);
    emit signedIn(this);
    replyOk(re, {{QStringLiteral("user_id"), QJsonValue(double(m_userId))}});
}

void FileSession::begin(const QString &re, const QJsonObject &body)
{
    if (m_download) {
        replyError(re, badRequest(QStringLiteral("a download is in progress")));
        return;
    }
    ProtocolError error;
    const auto request = FileBeginRequest::fromJson(body, &error);
    if (!request) {
        replyError(re, error);
        return;
    }
    if (m_hashing) {
        replyError(re, badRequest(QStringLiteral("the previous file_begin is not answered yet")));
        return;
    }
    m_upload.reset(); // a new file_begin replaces an unfinished one (its partial file stays)
    FileTransfers::Began began =
        atHome([this, &request] { return m_transfers.beginUpload(m_userId, *request); });
    if (began.error) {
        replyError(re, *began.error);
        return;
    }
    m_uploadKeptMs = m_clock.elapsed(); // beginUpload() kept it
    std::shared_ptr<UploadSink> sink(std::move(began.sink));
    if (!sink->needsHashing()) {
        m_upload = std::move(sink);
        replyOk(re, began.reply);
        return;
    }
    // A resume: the bytes already received are hashed on a worker thread, as a large file
    // would hold up this event loop, which serves every chat connection, for seconds. The
    // worker keeps the sink alive should this connection go meanwhile.
    m_hashing = true;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, sink, re, reply = began.reply] {
                watcher->deleteLater();
                m_hashing = false;
                if (!watcher->result()) {
                    replyError(re, ProtocolError::make(
                                       ErrorCode::Internal,
                                       QStringLiteral("the server could not read the upload")));
                    return;
                }
                m_upload = sink;
                replyOk(re, reply);
            });
    watcher->setFuture(QtConcurrent::run([sink] { return sink->hashExisting(); }));
}

void FileSession::onBinary(const QByteArray &chunk)
{
    if (m_closing)
        return;
    touch();
    if (m_userId == 0) {
        replyError(QString(),
                   ProtocolError::make(ErrorCode::Unauthorized,
                                       QStringLiteral("send auth with your token first")));
        closeWith(protocol::CloseAuthTimeout, QStringLiteral("not authenticated"));
        return;
    }
    if (!m_upload) {
        replyError(QString(), badRequest(QStringLiteral("binary frames belong to an upload: "
                                                        "send file_begin first")));
        return;
    }
    if (const auto problem = m_upload->append(chunk)) {
        replyError(QString(), *problem);
        // The partial file keeps what was written: resume from the last file_progress.
        closeWith(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("upload refused"));
        return;
    }
    if (m_lastActivityMs - m_uploadKeptMs >= FileTransfers::kKeepUploadEveryMs) {
        m_uploadKeptMs = m_lastActivityMs;
        // Not waited for: a write of the store's that only moves the collection window.
        QMetaObject::invokeMethod(
            m_home,
            [transfers = &m_transfers, id = m_upload->uploadId()] { transfers->keepUpload(id); },
            Qt::QueuedConnection);
    }
    const QJsonObject progress{{QStringLiteral("type"), QStringLiteral("file_progress")},
                               {QStringLiteral("upload_id"), m_upload->uploadId()},
                               {QStringLiteral("offset"), QJsonValue(double(m_upload->offset()))}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(progress).toJson(QJsonDocument::Compact)));
}

void FileSession::end(const QString &re, const QJsonObject &body)
{
    ProtocolError error;
    const auto request = FileEndRequest::fromJson(body, &error);
    if (!request) {
        replyError(re, error);
        return;
    }
    if (!m_upload || m_upload->uploadId() != request->uploadId) {
        replyError(re, ProtocolError::make(ErrorCode::NotFound,
                                           QStringLiteral("no such upload on this connection"),
                                           QStringLiteral("upload_id")));
        return;
    }
    const FileTransfers::Ended ended =
        atHome([this] { return m_transfers.endUpload(m_userId, *m_upload); });
    if (!ended.error || !ended.resumable)
        m_upload.reset();
    if (ended.error)
        replyError(re, *ended.error);
    else
        replyOk(re, ended.reply);
}

void FileSession::get(const QString &re, const QJsonObject &body)
{
    if (m_upload || m_download) {
        replyError(re, badRequest(QStringLiteral("one transfer at a time per connection")));
        return;
    }
    ProtocolError error;
    const auto request = FileGetRequest::fromJson(body, &error);
    if (!request) {
        replyError(re, error);
        return;
    }
    FileTransfers::Opened opened =
        atHome([this, &request] { return m_transfers.openDownload(m_userId, *request); });
    if (opened.error) {
        replyError(re, *opened.error);
        return;
    }
    m_download = std::move(opened.source);
    replyOk(re, opened.reply);
    pump();
}

void FileSession::pump()
{
    if (!m_download || m_closing)
        return;
    while (m_download->remaining() > 0 && m_socket->bytesToWrite() < kSendAheadBytes) {
        const QByteArray chunk = m_download->read(files::kChunkBytes);
        if (chunk.isEmpty()) {
            qCWarning(lcTransport)
                << "file connection of user" << m_userId << "could not read the file it sends";
            closeWith(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("read error"));
            return;
        }
        m_socket->sendBinaryMessage(chunk);
    }
    // Closed once the last byte left: a close frame queued behind a slow reader's megabyte
    // could outlast the close handshake's deadline.
    if (m_download->remaining() == 0 && m_socket->bytesToWrite() == 0) {
        m_download.reset();
        closeWith(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("done"));
    }
}

} // namespace natter::server
