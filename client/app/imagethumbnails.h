#pragma once
// Thumbnails of the images in a conversation, made once per file and kept in memory (not on
// every paint): the file is brought into the profile's cache first (FileOpener), then read on
// a worker thread, shrunk while it is decoded and turned upright (EXIF orientation). An image
// larger than kMaxAutoBytes is not fetched by itself: its bubble keeps the name line until
// the person opens it.

#include <QCache>
#include <QImage>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>

namespace natter::client {

class ImageThumbnails final : public QObject
{
    Q_OBJECT

public:
    // Brings a message's file into the cache, then calls back with its path (FileOpener).
    using Fetch =
        std::function<void(const QJsonObject &file, std::function<void(const QString &)> then)>;
    explicit ImageThumbnails(Fetch fetch, QObject *parent = nullptr);

    // The thumbnail of an image file (MessageListModel::FileRole), in device-independent
    // size at most kMaxSide a side; null until it is made (the first call starts that).
    QImage thumbnail(const QJsonObject &file);
    // The same, made from a file on disk now (the worker's job; tests).
    static QImage make(const QString &path, int maxSide, qreal devicePixelRatio);

    static constexpr int kMaxSide = 240;
    static constexpr qint64 kMaxAutoBytes = 25 * 1024 * 1024;

signals:
    void thumbnailReady(const QString &fileId);

private:
    void made(const QString &fileId, const QImage &image);

    Fetch m_fetch;
    QCache<QString, QImage> m_ready; // cost: bytes
    QSet<QString> m_pending;
    QSet<QString> m_failed; // not an image after all, or unreadable: never tried again
};

} // namespace natter::client
