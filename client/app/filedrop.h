#pragma once
// Files dropped onto the conversation (the message list, the compose box): an event filter on
// their viewports that takes drags carrying local files and reports the paths, so the drop
// sends them instead of pasting their URLs as text. Pasting (Ctrl+V in the compose box) an
// image sends it as a PNG file; pasting copied files sends those files.

#include <QObject>
#include <QStringList>

class QMimeData;

namespace natter::client {

class FileDrop final : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The local files among the data's URLs (not folders, not remote URLs).
    static QStringList localFiles(const QMimeData *data);
    // Filters `viewport` and lets it accept drops.
    void watch(QWidget *viewport);
    // Filters Paste in `editor`; pasted images are written as PNG into `folder`.
    void watchPaste(QWidget *editor, const QString &folder);
    // What a paste of `data` sends: the local files, or a pasted image written as PNG.
    QStringList filesToPaste(const QMimeData *data);

signals:
    void filesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_editor = nullptr;
    QString m_pasteFolder;
};

} // namespace natter::client
