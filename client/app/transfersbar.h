#pragma once
// Above the compose box while files move: one row per upload and per download with its name,
// a progress bar (bytes, speed and time left in the tooltip) and a cancel button. The bubble
// of each file shows its own bar too (transferbar.h); this is where a transfer is stopped.

#include <QHash>
#include <QWidget>

class QVBoxLayout;

namespace natter::client {

class FileDownload;
class FileOpener;
class FileSender;
class FileUpload;

class TransfersBar final : public QWidget
{
    Q_OBJECT

public:
    TransfersBar(FileSender &sender, FileOpener &opener, QWidget *parent = nullptr);

    // The row of a transfer (tests): nullptr when it is not shown.
    QWidget *rowOf(QObject *transfer) const { return m_rows.value(transfer); }

private:
    // `transfer`: a FileUpload or a FileDownload (the same progress signal and figures).
    template <typename Transfer> void add(Transfer *transfer, const QString &name, bool upload);
    void remove(QObject *transfer);

    QVBoxLayout *m_layout;
    QHash<QObject *, QWidget *> m_rows;
};

} // namespace natter::client
