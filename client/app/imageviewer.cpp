#include "imageviewer.h"

#include "fileopener.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QMovie>
#include <QPointer>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {
namespace {

constexpr qreal kZoomStep = 1.25;
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 16;

QToolButton *button(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setAccessibleName(accessibleName);
    b->setToolTip(accessibleName);
    b->setAutoRaise(true);
    return b;
}

} // namespace

ImageViewer::ImageViewer(FileOpener *files, QList<QJsonObject> images, int current, QWidget *parent)
    : QDialog(parent), m_files(files), m_images(std::move(images)), m_scroll(new QScrollArea(this)),
      m_picture(new QLabel(this)), m_caption(new QLabel(this)),
      m_previous(button(QStringLiteral("←"), tr("Previous image"), this)),
      m_next(button(QStringLiteral("→"), tr("Next image"), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 680);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setAccessibleName(tr("Image"));
    m_scroll->setWidget(m_picture);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setAccessibleName(tr("Image, scrolled when zoomed in"));
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setAccessibleName(tr("Image name"));

    auto *zoomOutButton = button(QStringLiteral("−"), tr("Zoom out"), this);
    auto *zoomInButton = button(QStringLiteral("+"), tr("Zoom in"), this);
    auto *fitButton = button(tr("Fit"), tr("Fit to window"), this);
    auto *copyButton = button(tr("Copy"), tr("Copy image"), this);
    auto *saveButton = button(tr("Save as…"), tr("Save image as"), this);
    connect(m_previous, &QToolButton::clicked, this, &ImageViewer::showPrevious);
    connect(m_next, &QToolButton::clicked, this, &ImageViewer::showNext);
    connect(zoomOutButton, &QToolButton::clicked, this, &ImageViewer::zoomOut);
    connect(zoomInButton, &QToolButton::clicked, this, &ImageViewer::zoomIn);
    connect(fitButton, &QToolButton::clicked, this, &ImageViewer::fitToWindow);
    connect(copyButton, &QToolButton::clicked, this, &ImageViewer::copyImage);
    connect(saveButton, &QToolButton::clicked, this, &ImageViewer::saveAs);

    const auto shortcut = [this](const QKeySequence &keys, void (ImageViewer::*slot)()) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::Key_Right), &ImageViewer::showNext);
    shortcut(QKeySequence(Qt::Key_Left), &ImageViewer::showPrevious);
    shortcut(QKeySequence::ZoomIn, &ImageViewer::zoomIn);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Equal), &ImageViewer::zoomIn);
    shortcut(QKeySequence::ZoomOut, &ImageViewer::zoomOut);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_0), &ImageViewer::fitToWindow);
    shortcut(QKeySequence::Copy, &ImageViewer::copyImage);
    shortcut(QKeySequence::Save, &ImageViewer::saveAs);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_caption, 1);
    for (QToolButton *b : {zoomOutButton, zoomInButton, fitButton, copyButton, saveButton})
        bar->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
    showAt(current);
}

void ImageViewer::showNext()
{
    if (m_current + 1 < m_images.size())
        showAt(m_current + 1);
}

void ImageViewer::showPrevious()
{
    if (m_current > 0)
        showAt(m_current - 1);
}

void ImageViewer::showAt(int index)
{
    if (index < 0 || index >= m_images.size())
        return;
    m_current = index;
    m_image = QImage();
    delete std::exchange(m_movie, nullptr);
    m_zoom = 0;
    const QJsonObject &file = m_images[index];
    const QString name = file.value(QStringLiteral("name")).toString();
    setWindowTitle(tr("%1 (%2 of %3)").arg(name).arg(index + 1).arg(m_images.size()));
    m_caption->setText(name);
    m_picture->clear();
    m_picture->setText(tr("Loading…"));
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < m_images.size());
    QPointer<ImageViewer> self(this);
    m_files->fetch(file, [self, index](const QString &path) {
        if (self)
            self->loaded(index, path);
    });
}

void ImageViewer::loaded(int index, const QString &path)
{
    if (index != m_current)
        return; // the person moved on meanwhile
    QImageReader reader(path);
    reader.setAutoTransform(true); // EXIF orientation
    if (reader.supportsAnimation() && reader.imageCount() > 1) {
        m_movie = new QMovie(path, QByteArray(), this);
        m_movie->start();
        m_image = m_movie->currentImage();
    } else {
        m_image = reader.read();
    }
    if (m_image.isNull()) {
        m_picture->setText(tr("This image cannot be shown."));
        return;
    }
    render();
    emit imageShown(index);
}

void ImageViewer::render()
{
    if (m_image.isNull())
        return;
    const QSize viewport = m_scroll->viewport()->size();
    const qreal ratio = devicePixelRatioF();
    QSize target = (QSizeF(m_image.size()) * (m_zoom > 0 ? m_zoom : 1) / ratio).toSize();
    if (m_zoom == 0 && (target.width() > viewport.width() || target.height() > viewport.height()))
        target = target.scaled(viewport, Qt::KeepAspectRatio); // fit: shrink, never enlarge
    target = target.expandedTo(QSize(1, 1));
    if (m_movie) {
        m_movie->setScaledSize(target * ratio);
        m_picture->setMovie(m_movie);
        return;
    }
    QPixmap pixmap = QPixmap::fromImage(
        m_image.scaled(target * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_picture->setPixmap(pixmap);
}

void ImageViewer::zoomIn()
{
    if (m_image.isNull())
        return;
    const qreal shown = m_zoom > 0
                            ? m_zoom
                            : qreal(m_picture->pixmap().width() > 0 ? m_picture->pixmap().width()
                                                                    : m_image.width()) /
                                  m_image.width();
    m_zoom = qMin(kMaxZoom, shown * kZoomStep);
    render();
}

void ImageViewer::zoomOut()
{
    if (m_image.isNull())
        return;
    const qreal shown = m_zoom > 0
                            ? m_zoom
                            : qreal(m_picture->pixmap().width() > 0 ? m_picture->pixmap().width()
                                                                    : m_image.width()) /
                                  m_image.width();
    m_zoom = qMax(kMinZoom, shown / kZoomStep);
    render();
}

void ImageViewer::fitToWindow()
{
    m_zoom = 0;
    render();
}

void ImageViewer::copyImage()
{
    if (!m_image.isNull())
        QGuiApplication::clipboard()->setImage(m_movie ? m_movie->currentImage() : m_image);
}

void ImageViewer::saveAs()
{
    if (m_current >= 0)
        m_files->saveAs(m_images[m_current]);
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    if (m_zoom == 0)
        render();
}

} // namespace natter::client
