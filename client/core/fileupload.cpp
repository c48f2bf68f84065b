#include "fileupload.h"

#include "certificatepin.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace natter::client {

namespace {

// Codes after which another attempt cannot succeed.
bool isFinal(ErrorCode code)
{
    return code != ErrorCode::Unavailable && code != ErrorCode::Internal;
}

} // namespace

FileUpload::FileUpload(const QString &path, qint64 conversationId, QObject *parent)
    : QObject(parent), m_path(path), m_name(QFileInfo(path).fileName()),
      m_conversationId(conversationId), m_file(path)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(2'000);
    connect(&m_retry, &QTimer::timeout, this, &FileUpload::connectSocket);
    connect(&m_hashing, &QFutureWatcher<QByteArray>::finished, this, &FileUpload::onHashed);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        if (!certificatepin::holds(m_socket, m_pinned))
            return failUntrusted(); // no token to a server showing another certificate
        m_stage = Stage::Beginning;
        m_socket.sendTextMessage(frameText({{QStringLiteral("type"), QStringLiteral("auth")},
                                            {QStringLiteral("id"), QStringLiteral("1")},
                                            {QStringLiteral("token"), m_token}}));
    });
    certificatepin::acceptPinned(m_socket, this, m_pinned, [this] { failUntrusted(); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &FileUpload::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, &FileUpload::onDisconnected);
}

FileUpload::~FileUpload()
{
    m_socket.disconnect(this);
    m_hashing.waitForFinished();
}

void FileUpload::start(const QUrl &filesUrl, const QString &token)
{
    m_url = filesUrl;
    m_token = token;
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_stage = Stage::Done;
        emit failed(ErrorCode::NotFound, tr("The file %1 cannot be read.").arg(m_name));
        return;
    }
    m_size = m_file.size();
    if (m_size <= 0) {
        m_stage = Stage::Done;
        emit failed(ErrorCode::BadRequest, tr("The file %1 is empty.").arg(m_name));
        return;
    }
    m_stage = Stage::Hashing;
    m_hashing.setFuture(QtConcurrent::run(&sha256OfFile, m_path));
}

void FileUpload::cancel()
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done;
    m_retry.stop();
    m_socket.abort();
    m_file.close();
    emit cancelled();
}

void FileUpload::onHashed()
{
    if (m_stage != Stage::Hashing)
        return; // cancelled meanwhile
    m_sha256 = m_hashing.result();
    if (m_sha256.isEmpty()) {
        m_stage = Stage::Done;
        emit failed(ErrorCode::NotFound, tr("The file %1 cannot be read.").arg(m_name));
        return;
    }
    connectSocket();
}

void FileUpload::connectSocket()
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Connecting;
    m_socket.open(m_url);
}

void FileUpload::sendBegin()
{
    QJsonObject begin{{QStringLiteral("type"), QStringLiteral("file_begin")},
                      {QStringLiteral("id"), QStringLiteral("2")},
                      {QStringLiteral("conversation_id"), m_conversationId},
                      {QStringLiteral("name"), m_name},
                      {QStringLiteral("size"), m_size},
                      {QStringLiteral("sha256"), QString::fromLatin1(m_sha256)}};
    if (!m_uploadId.isEmpty())
        begin.insert(QStringLiteral("upload_id"), m_uploadId);
    m_socket.sendTextMessage(frameText(begin));
}

void FileUpload::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    const QString re = frame.value(QStringLiteral("re")).toString();
    if (type == QLatin1String("ok"))
        onOk(re, frame);
    else if (type == QLatin1String("error"))
        onError(re, frame);
    else if (type == QLatin1String("file_progress") && m_stage == Stage::Sending) {
        m_acked = frame.value(QStringLiteral("offset")).toInteger();
        emit progressed(m_acked, m_size);
        if (m_stage != Stage::Sending) // cancelled by a slot of progressed
            return;
        if (m_acked >= m_size) {
            m_stage = Stage::Ending;
            m_socket.sendTextMessage(
                frameText({{QStringLiteral("type"), QStringLiteral("file_end")},
                           {QStringLiteral("id"), QStringLiteral("3")},
                           {QStringLiteral("upload_id"), m_uploadId}}));
        } else {
            pump();
        }
    }
}

void FileUpload::onOk(const QString &re, const QJsonObject &frame)
{
    if (re == QLatin1String("1")) {
        sendBegin();
    } else if (re == QLatin1String("2")) {
        const QString id = frame.value(QStringLiteral("upload_id")).toString();
        const bool resuming = !m_uploadId.isEmpty() && id == m_uploadId;
        if (id != m_uploadId) {
            m_uploadId = id;
            emit uploadIdChanged(id);
        }
        m_acked = frame.value(QStringLiteral("offset")).toInteger();
        m_sent = m_acked;
        m_chunkBytes =
            qMax<qint64>(1, frame.value(QStringLiteral("chunk_bytes")).toInteger(m_chunkBytes));
        m_window =
            qMax<qint64>(1, frame.value(QStringLiteral("window_chunks")).toInteger(m_window));
        if (!m_file.seek(m_acked)) {
            fail(ErrorCode::NotFound);
            return;
        }
        m_stage = Stage::Sending;
        m_rate.start(m_acked);
        if (resuming)
            emit resumed(m_acked);
        emit progressed(m_acked, m_size);
        if (m_stage != Stage::Sending) // cancelled by a slot of resumed or progressed
            return;
        if (m_acked >= m_size) { // all there already: store it
            onText(frameText({{QStringLiteral("type"), QStringLiteral("file_progress")},
                              {QStringLiteral("offset"), m_acked}}));
        } else {
            pump();
        }
    } else if (re == QLatin1String("3")) {
        m_stage = Stage::Done;
        m_file.close();
        m_socket.close();
        emit finished(frame.value(QStringLiteral("file")).toObject());
    }
}

void FileUpload::onError(const QString &re, const QJsonObject &frame)
{
    ErrorCode code = ErrorCode::Internal;
    if (!errorCodeFromName(frame.value(QStringLiteral("code")).toString(), &code))
        code = ErrorCode::Internal;
    if (re == QLatin1String("2") && !m_uploadId.isEmpty() && !m_restartedOnce &&
        (code == ErrorCode::NotFound || code == ErrorCode::BadRequest)) {
        // The server no longer knows this upload (expired, or the file changed): start anew.
        m_restartedOnce = true;
        m_uploadId.clear();
        sendBegin();
        return;
    }
    if (re.isEmpty() && !isFinal(code))
        return;
    fail(code);
}

void FileUpload::pump()
{
    const qint64 limit = m_window * m_chunkBytes;
    while (m_sent < m_size && m_sent - m_acked < limit) {
        const QByteArray chunk = m_file.read(qMin(m_chunkBytes, m_size - m_sent));
        if (chunk.isEmpty()) {
            fail(ErrorCode::NotFound);
            return;
        }
        m_socket.sendBinaryMessage(chunk);
        m_sent += chunk.size();
        m_bytesSent += chunk.size();
    }
}

void FileUpload::onDisconnected()
{
    if (m_stage == Stage::Done || m_stage == Stage::Idle || m_stage == Stage::Hashing)
        return;
    const int code = int(m_socket.closeCode());
    if (code == 4401 || code == 4403) {
        fail(ErrorCode::Unauthorized);
        return;
    }
    if (code == 4400) {
        fail(ErrorCode::UnsupportedVersion);
        return;
    }
    // Lost: try again; file_begin with the upload_id continues from the server's offset.
    m_stage = Stage::Connecting;
    m_retry.start();
}

void FileUpload::failUntrusted()
{
    fail(ErrorCode::Unauthorized,
         tr("The server's certificate is not the one you trusted, so the file was not sent "
            "or fetched."));
}

void FileUpload::fail(ErrorCode code, const QString &text)
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done;
    m_retry.stop();
    m_socket.abort();
    m_file.close();
    emit failed(code, text.isEmpty() ? fileErrorText(code) : text);
}

} // namespace natter::client
