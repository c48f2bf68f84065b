#include "filedrop.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace natter::client {

QStringList FileDrop::localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        const QString path = url.isLocalFile() ? url.toLocalFile() : QString();
        if (!path.isEmpty() && QFileInfo(path).isFile())
            paths.append(path);
    }
    return paths;
}

void FileDrop::watch(QWidget *viewport)
{
    viewport->setAcceptDrops(true);
    viewport->installEventFilter(this);
}

void FileDrop::watchPaste(QWidget *editor, const QString &folder)
{
    m_editor = editor;
    m_pasteFolder = folder;
    editor->installEventFilter(this);
}

QStringList FileDrop::filesToPaste(const QMimeData *data)
{
    const QStringList files = localFiles(data);
    if (!files.isEmpty() || !data || !data->hasImage())
        return files;
    const QImage image = qvariant_cast<QImage>(data->imageData());
    if (image.isNull() || !QDir().mkpath(m_pasteFolder))
        return {};
    const QString path = QDir(m_pasteFolder)
                             .filePath(QStringLiteral("pasted-%1.png")
                                           .arg(QDateTime::currentDateTime().toString(
                                               QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    return image.save(path, "PNG") ? QStringList{path} : QStringList{};
}

bool FileDrop::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste)) {
        const QStringList paths = filesToPaste(QApplication::clipboard()->mimeData());
        if (paths.isEmpty())
            return false; // text: the editor pastes it
        emit filesDropped(paths);
        return true;
    }
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (localFiles(drag->mimeData()).isEmpty())
            break;
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (paths.isEmpty())
            break;
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        emit filesDropped(paths);
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace natter::client
