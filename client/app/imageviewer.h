#pragma once
// A full-size look at the images of a conversation: fit to the window or zoom (Ctrl++, Ctrl+-,
// Ctrl+0 fits again), the previous and next image (←, →), Save as (Ctrl+S) and Copy (Ctrl+C).
// An animated GIF plays. Files come from the profile's cache, downloaded first if need be.

#include <QDialog>
#include <QImage>
#include <QJsonObject>
#include <QList>

class QLabel;
class QMovie;
class QScrollArea;
class QToolButton;

namespace natter::client {

class FileOpener;

class ImageViewer final : public QDialog
{
    Q_OBJECT

public:
    // `images`: the files of the conversation's image messages, oldest first.
    ImageViewer(FileOpener *files, QList<QJsonObject> images, int current,
                QWidget *parent = nullptr);

    int currentIndex() const { return m_current; }
    // The image shown (null while it is being fetched); 0 means fitted to the window.
    const QImage &image() const { return m_image; }
    qreal zoom() const { return m_zoom; }
    bool isPlaying() const { return m_movie != nullptr; }

    void showNext();
    void showPrevious();
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void copyImage();
    void saveAs();

signals:
    void imageShown(int index); // loaded and on screen

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showAt(int index);
    void loaded(int index, const QString &path);
    void render();

    FileOpener *m_files;
    QList<QJsonObject> m_images;
    int m_current = -1;
    QImage m_image;
    QMovie *m_movie = nullptr;
    qreal m_zoom = 0; // 0: fit
    QScrollArea *m_scroll;
    QLabel *m_picture;
    QLabel *m_caption;
    QToolButton *m_previous;
    QToolButton *m_next;
};

} // namespace natter::client
