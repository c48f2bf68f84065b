#include "filetransfer.h"

#include "sha256.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace natter::client {

QUrl filesUrlFor(const QUrl &chatUrl)
{
    QUrl url = chatUrl;
    url.setPath(QStringLiteral("/v1/files"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString frameText(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

bool isInlineImageMime(const QString &mime)
{
    return mime == QLatin1String("image/png") || mime == QLatin1String("image/jpeg") ||
           mime == QLatin1String("image/gif") || mime == QLatin1String("image/webp");
}

QString fileErrorText(ErrorCode code)
{
    // Spelled out, so lupdate finds each sentence under its context.
    switch (code) {
    case ErrorCode::TooLarge:
        return QCoreApplication::translate("FileTransfer",
                                           "This file is larger than the server accepts.");
    case ErrorCode::QuotaExceeded:
        return QCoreApplication::translate(
            "FileTransfer",
            "Your storage on this server is full. Delete files you sent to make room.");
    case ErrorCode::StorageFull:
        return QCoreApplication::translate("FileTransfer",
                                           "The server has no room for this file right now.");
    case ErrorCode::HashMismatch:
        return QCoreApplication::translate("FileTransfer",
                                           "The file changed while it was being sent. Try again.");
    case ErrorCode::NotFound:
        return QCoreApplication::translate("FileTransfer", "This file is no longer available.");
    case ErrorCode::Unauthorized:
        return QCoreApplication::translate("FileTransfer", "You are not signed in.");
    case ErrorCode::RateLimited:
        return QCoreApplication::translate("FileTransfer",
                                           "Too many transfers at once. Try again in a moment.");
    case ErrorCode::UnsupportedVersion:
        return QCoreApplication::translate("FileTransfer", "This server does not accept files.");
    default:
        return QCoreApplication::translate("FileTransfer", "The file could not be transferred.");
    }
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    while (!file.atEnd()) {
        const QByteArray block = file.read(1 << 20);
        if (block.isEmpty())
            return {};
        hash.addData(block);
    }
    return hash.result().toHex();
}

void TransferRate::start(qint64 doneAtStart)
{
    m_doneAtStart = doneAtStart;
    m_clock.start();
}

double TransferRate::bytesPerSecond(qint64 done) const
{
    const qint64 ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (ms <= 0)
        return 0;
    return double(done - m_doneAtStart) * 1000.0 / double(ms);
}

qint64 TransferRate::secondsLeft(qint64 done, qint64 total) const
{
    const double speed = bytesPerSecond(done);
    if (speed <= 0)
        return -1;
    return qint64(double(total - done) / speed + 0.5);
}

} // namespace natter::client
