#pragma once
// Files dropped onto the conversation (the message list, the compose box): an event filter on
// their viewports that takes drags carrying local files and reports the paths, so the drop
// sends them instead of pasting their URLs as text.

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

signals:
    void filesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace natter::client
