#include "imagethumbnails.h"

#include "fileinfo.h"

#include <QGuiApplication>
#include <QImageReader>
#include <QPointer>
#include <QThreadPool>

namespace natter::client {

ImageThumbnails::ImageThumbnails(Fetch fetch, QObject *parent)
    : QObject(parent), m_fetch(std::move(fetch))
{
    m_ready.setMaxCost(64 * 1024 * 1024);
}

QImage ImageThumbnails::thumbnail(const QJsonObject &file)
{
    const QString id = file.value(QStringLiteral("id")).toString();
    if (!isFileId(id))
        return {};
    if (const QImage *ready = m_ready.object(id))
        return *ready;
    if (m_pending.contains(id) || m_failed.contains(id) ||
        file.value(QStringLiteral("size")).toInteger() > kMaxAutoBytes)
        return {};
    m_pending.insert(id);
    const qreal ratio = qGuiApp->devicePixelRatio();
    QPointer<ImageThumbnails> self(this);
    m_fetch(file, [self, id, ratio](const QString &path) {
        // Decoding a large photo takes long enough to stall scrolling: not on this thread.
        QThreadPool::globalInstance()->start([self, id, ratio, path] {
            const QImage image = make(path, kMaxSide, ratio);
            QMetaObject::invokeMethod(qApp, [self, id, image] {
                if (self)
                    self->made(id, image);
            });
        });
    });
    return {};
}

QImage ImageThumbnails::make(const QString &path, int maxSide, qreal devicePixelRatio)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // EXIF orientation
    const QSize stored = reader.size();
    if (!stored.isValid())
        return {};
    const int pixels = qRound(maxSide * devicePixelRatio);
    // Scaled while decoding (JPEG reads a fraction of the data); the square bound is the
    // same whichever way the image is turned afterwards.
    if (stored.width() > pixels || stored.height() > pixels)
        reader.setScaledSize(stored.scaled(pixels, pixels, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    image.setDevicePixelRatio(devicePixelRatio);
    return image;
}

void ImageThumbnails::made(const QString &fileId, const QImage &image)
{
    m_pending.remove(fileId);
    if (image.isNull()) {
        m_failed.insert(fileId);
        return;
    }
    m_ready.insert(fileId, new QImage(image), int(qMin<qsizetype>(image.sizeInBytes(), INT_MAX)));
    emit thumbnailReady(fileId);
}

} // namespace natter::client
