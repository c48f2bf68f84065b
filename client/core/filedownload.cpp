#include "filedownload.h"

#include "certificatepin.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace natter::client {

namespace {} // namespace

FileDownload::FileDownload(const QString &fileId, const QString &targetPath, QObject *parent)
    : QObject(parent), m_fileId(fileId), m_target(targetPath),
      m_partPath(targetPath + QStringLiteral(".part")), m_part(m_partPath)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(2'000);
    connect(&m_retry, &QTimer::timeout, this, &FileDownload::connectSocket);
    connect(&m_checking, &QFutureWatcher<QByteArray>::finished, this, &FileDownload::onChecked);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        if (!certificatepin::holds(m_socket, m_pinned))
            return failUntrusted(); // no token to a server showing another certificate
        m_stage = Stage::Requesting;
        m_socket.sendTextMessage(frameText({{QStringLiteral("type"), QStringLiteral("auth")},
                                            {QStringLiteral("id"), QStringLiteral("1")},
                                            {QStringLiteral("token"), m_token}}));
    });
    certificatepin::acceptPinned(m_socket, this, m_pinned, [this] { failUntrusted(); });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &FileDownload::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &FileDownload::onBinary);
    connect(&m_socket, &QWebSocket::disconnected, this, &FileDownload::onDisconnected);
}

FileDownload::~FileDownload()
{
    m_socket.disconnect(this);
    m_checking.waitForFinished();
}

void FileDownload::start(const QUrl &filesUrl, const QString &token)
{
    m_url = filesUrl;
    m_token = token;
    if (!QDir().mkpath(QFileInfo(m_target).absolutePath())) {
        m_stage = Stage::Done;
        emit failed(ErrorCode::Internal, tr("The download folder cannot be created."));
        return;
    }
    connectSocket();
}

void FileDownload::cancel()
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done;
    m_retry.stop();
    m_socket.abort();
    m_part.close();
    emit cancelled(); // the .part stays: a later download continues from it
}

void FileDownload::connectSocket()
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Connecting;
    m_socket.open(m_url);
}

void FileDownload::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QStringLiteral("type")).toString();
    const QString re = frame.value(QStringLiteral("re")).toString();
    if (type == QLatin1String("error")) {
        ErrorCode code = ErrorCode::Internal;
        if (!errorCodeFromName(frame.value(QStringLiteral("code")).toString(), &code))
            code = ErrorCode::Internal;
        if (!re.isEmpty())
            fail(code);
        return;
    }
    if (type != QLatin1String("ok"))
        return;
    if (re == QLatin1String("1")) {
        if (!m_part.isOpen() && !m_part.open(QIODevice::ReadWrite)) {
            fail(ErrorCode::Internal);
            return;
        }
        m_done = m_part.size();
        m_socket.sendTextMessage(frameText({{QStringLiteral("type"), QStringLiteral("file_get")},
                                            {QStringLiteral("id"), QStringLiteral("2")},
                                            {QStringLiteral("file_id"), m_fileId},
                                            {QStringLiteral("offset"), m_done}}));
    } else if (re == QLatin1String("2")) {
        const QJsonObject file = frame.value(QStringLiteral("file")).toObject();
        m_size = file.value(QStringLiteral("size")).toInteger();
        m_sha256 = file.value(QStringLiteral("sha256")).toString().toLatin1();
        const qint64 offset = frame.value(QStringLiteral("offset")).toInteger();
        if (offset != m_done || !m_part.resize(offset) || !m_part.seek(offset)) {
            fail(ErrorCode::Internal);
            return;
        }
        m_stage = Stage::Receiving;
        m_rate.start(m_done);
        emit progressed(m_done, m_size);
        if (m_stage != Stage::Receiving)
            return;
        if (m_done >= m_size) {
            m_stage = Stage::Checking;
            m_part.close();
            m_socket.close();
            m_checking.setFuture(QtConcurrent::run(&sha256OfFile, m_partPath));
        }
    }
}

void FileDownload::onBinary(const QByteArray &bytes)
{
    if (m_stage != Stage::Receiving)
        return;
    if (m_done + bytes.size() > m_size || m_part.write(bytes) != bytes.size()) {
        fail(ErrorCode::Internal);
        return;
    }
    m_done += bytes.size();
    m_bytesReceived += bytes.size();
    emit progressed(m_done, m_size);
    if (m_stage != Stage::Receiving) // cancelled by a slot of progressed
        return;
    if (m_done == m_size) {
        m_stage = Stage::Checking;
        m_part.close();
        m_checking.setFuture(QtConcurrent::run(&sha256OfFile, m_partPath));
    }
}

void FileDownload::onChecked()
{
    if (m_stage != Stage::Checking)
        return;
    if (m_checking.result() != m_sha256) {
        QFile::remove(m_partPath); // wrong bytes: the next try starts over
        fail(ErrorCode::HashMismatch);
        return;
    }
    QFile::remove(m_target);
    if (!QFile::rename(m_partPath, m_target)) {
        fail(ErrorCode::Internal);
        return;
    }
    m_stage = Stage::Done;
    emit finished(m_target);
}

void FileDownload::onDisconnected()
{
    if (m_stage == Stage::Done || m_stage == Stage::Checking || m_stage == Stage::Idle)
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
    m_part.flush();
    m_stage = Stage::Connecting;
    m_retry.start(); // file_get from the bytes already on disk
}

void FileDownload::failUntrusted()
{
    fail(ErrorCode::Unauthorized,
         tr("The server's certificate is not the one you trusted, so the file was not sent "
            "or fetched."));
}

void FileDownload::fail(ErrorCode code, const QString &text)
{
    if (m_stage == Stage::Done)
        return;
    m_stage = Stage::Done;
    m_retry.stop();
    m_socket.abort();
    m_part.close();
    emit failed(code, text.isEmpty() ? fileErrorText(code) : text);
}

} // namespace natter::client
