// Images in the real windows against the real server in-process: an image sent by alice is
// drawn inline in bob's bubble (a thumbnail made once, upright by its EXIF orientation), a
// click on it opens the viewer, which steps to the next image, zooms, fits and copies.
#include "filewindowhelpers.h"
#include "imagethumbnails.h"
#include "imageviewer.h"
#include "messagebubbledelegate.h"
#include "messageview.h"
#include "testprofiles.h"

#include <QBuffer>
#include <QClipboard>
#include <QImageWriter>
#include <QtEndian>
#include <QtTest>

using namespace natter;
using namespace natter::client;
using namespace filewindows;

namespace {

QString writeImage(const QTemporaryDir &dir, const QString &name, QSize size, QColor colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    const QString path = dir.filePath(name);
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// A JPEG whose EXIF orientation says "turn 90° clockwise to show": the stored pixels are
// `size`, the picture the person took is size.transposed().
QString writeRotatedJpeg(const QTemporaryDir &dir, const QString &name, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "jpeg").write(image);
    // APP1 "Exif": a little-endian TIFF header and one IFD entry, Orientation (0x0112) = 6.
    QByteArray tiff = QByteArrayLiteral("II*\0\x08\0\0\0"
                                        "\x01\0"
                                        "\x12\x01\x03\0\x01\0\0\0\x06\0\0\0"
                                        "\0\0\0\0");
    const QByteArray payload = QByteArrayLiteral("Exif\0\0") + tiff;
    QByteArray segment = QByteArrayLiteral("\xFF\xE1");
    segment.append(char((payload.size() + 2) >> 8)).append(char((payload.size() + 2) & 0xFF));
    segment += payload;
    jpeg.insert(2, segment); // right after the start-of-image marker
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(jpeg) != jpeg.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

// A point on the thumbnail of `row` in bob's view (viewport coordinates), or (-1, -1).
QPoint onImage(MessageView *view, int row)
{
    const QRect bubble = view->bubbleRect(view->sourceModel()->index(row, 0));
    for (int y = bubble.top(); y < bubble.bottom(); y += 4) {
        const QPoint p(bubble.center().x(), y);
        if (view->imageAt(p))
            return p;
    }
    return {-1, -1};
}

} // namespace

class TestImageWindows final : public QObject, public PeopleInWindows
{
    Q_OBJECT

private slots:
    void initTestCase() { useFreshTestProfiles(); }
    void init() { QVERIFY(startServer()); }
    void cleanup() { stopServer(); }

    void thumbnailIsUprightAndShrunk()
    {
        QTemporaryDir dir;
        const QString path = writeRotatedJpeg(dir, QStringLiteral("portrait.jpg"), {800, 600});
        const QImage t = ImageThumbnails::make(path, ImageThumbnails::kMaxSide, 1);
        QCOMPARE(t.size(), QSize(180, 240)); // turned upright, then fitted in 240 × 240
        const QImage twice = ImageThumbnails::make(path, ImageThumbnails::kMaxSide, 2);
        QCOMPARE(twice.deviceIndependentSize(), QSizeF(180, 240)); // crisp at 2×
        QCOMPARE(twice.size(), QSize(360, 480));
        QVERIFY(ImageThumbnails::make(dir.filePath(QStringLiteral("none.png")), 240, 1).isNull());
    }

    void imageInlineThenTheViewer()
    {
        Person alice = signedUp(QStringLiteral("alice"));
        Person bob = signedUp(QStringLiteral("bob"));
        talking(alice, bob);
        QTemporaryDir dir;
        const QString red = writeImage(dir, QStringLiteral("red.png"), {400, 300}, Qt::red);
        const QString green = writeImage(dir, QStringLiteral("green.png"), {300, 500}, Qt::green);
        dropFiles(alice.window->messageView()->viewport(), {red});
        QTRY_VERIFY(fileRow(bob, QStringLiteral("red.png")) >= 0);
        dropFiles(alice.window->messageView()->viewport(), {green});
        QTRY_VERIFY(fileRow(bob, QStringLiteral("green.png")) >= 0);

        // The thumbnail arrives after the download: the bubble grows to hold it, and it is
        // drawn there (240 × 180 for a 400 × 300 image).
        MessageView *view = bob.window->messageView();
        const int row = fileRow(bob, QStringLiteral("red.png"));
        QTRY_VERIFY(view->bubbleRect(bob.messages()->index(row)).height() > 180);
        QTRY_VERIFY(onImage(view, row).x() >= 0);
        const QImage shot = view->viewport()->grab().toImage();
        const QPoint at = onImage(view, row) + QPoint(0, 20);
        const QColor painted = shot.pixelColor(at * shot.devicePixelRatio());
        QVERIFY2(painted.red() > 200 && painted.green() < 60, qPrintable(painted.name()));
        // NATTER_SCREENSHOT=FILE: bob's window as docs/screenshot-images.png shows it.
        if (const QString file = qEnvironmentVariable("NATTER_SCREENSHOT"); !file.isEmpty()) {
            QTRY_VERIFY(onImage(view, fileRow(bob, QStringLiteral("green.png"))).x() >= 0);
            view->scrollToNewest();
            QTest::qWait(300);
            QVERIFY(bob.window->grab().save(file));
        }

        // A click on it opens the viewer at that image.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onImage(view, row));
        ImageViewer *viewer = nullptr;
        QTRY_VERIFY((viewer = bob.window->findChild<ImageViewer *>()) != nullptr);
        QTRY_VERIFY(!viewer->image().isNull());
        QCOMPARE(viewer->currentIndex(), 0);
        QCOMPARE(viewer->image().size(), QSize(400, 300));
        QCOMPARE(viewer->image().pixelColor(10, 10), QColor(Qt::red));

        viewer->showNext();
        QTRY_COMPARE(viewer->image().size(), QSize(300, 500));
        QCOMPARE(viewer->currentIndex(), 1);
        viewer->showNext(); // the last one: stays
        QCOMPARE(viewer->currentIndex(), 1);

        viewer->zoomIn();
        QVERIFY(viewer->zoom() > 0);
        viewer->fitToWindow();
        QCOMPARE(viewer->zoom(), 0.0);
        viewer->copyImage();
        QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(300, 500));
        viewer->showPrevious();
        QTRY_COMPARE(viewer->image().size(), QSize(400, 300));
        viewer->close();
    }
};

QTEST_MAIN(TestImageWindows)
#include "tst_imagewindows.moc"
