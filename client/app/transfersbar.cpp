#include "transfersbar.h"

#include "filedownload.h"
#include "fileopener.h"
#include "filesender.h"
#include "fileupload.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {

TransfersBar::TransfersBar(FileSender &sender, FileOpener &opener, QWidget *parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(12, 4, 12, 0);
    m_layout->setSpacing(2);
    hide();
    connect(&sender, &FileSender::uploadAdded, this,
            [this](FileUpload *upload) { add(upload, upload->name(), true); });
    connect(&sender, &FileSender::uploadRemoved, this, &TransfersBar::remove);
    connect(&opener, &FileOpener::downloadStarted, this,
            [this](FileDownload *download, const QString &name) {
                add(download, name, false);
                connect(download, &QObject::destroyed, this, &TransfersBar::remove);
            });
}

template <typename Transfer>
void TransfersBar::add(Transfer *transfer, const QString &name, bool upload)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(upload ? name : tr("%1 (downloading)").arg(name), row);
    label->setTextFormat(Qt::PlainText);
    auto *bar = new QProgressBar(row);
    bar->setObjectName(upload ? QStringLiteral("uploadProgress")
                              : QStringLiteral("downloadProgress"));
    bar->setRange(0, 1000);
    bar->setValue(0);
    bar->setAccessibleName(upload ? tr("Sending %1").arg(name) : tr("Downloading %1").arg(name));
    auto *cancel = new QToolButton(row);
    cancel->setObjectName(upload ? QStringLiteral("cancelUpload")
                                 : QStringLiteral("cancelDownload"));
    cancel->setText(QStringLiteral("✕"));
    cancel->setAutoRaise(true);
    cancel->setToolTip(upload ? tr("Cancel sending") : tr("Cancel the download"));
    cancel->setAccessibleName(upload ? tr("Cancel sending %1").arg(name)
                                     : tr("Cancel downloading %1").arg(name));
    layout->addWidget(label);
    layout->addWidget(bar, 1);
    layout->addWidget(cancel);
    connect(cancel, &QToolButton::clicked, transfer, &Transfer::cancel);
    connect(transfer, &Transfer::progressed, bar, [transfer, bar](qint64 done, qint64 total) {
        bar->setValue(total > 0 ? int(done * 1000 / total) : 0);
        const QLocale locale;
        const qint64 left = transfer->secondsLeft();
        bar->setToolTip(
            tr("%1 of %2, %3/s%4")
                .arg(locale.formattedDataSize(done), locale.formattedDataSize(total),
                     locale.formattedDataSize(qint64(transfer->bytesPerSecond())),
                     left >= 0 ? tr(", %n second(s) left", nullptr, int(left)) : QString()));
    });
    m_rows.insert(transfer, row);
    m_layout->addWidget(row);
    show();
}

void TransfersBar::remove(QObject *transfer)
{
    if (QWidget *row = m_rows.take(transfer))
        row->deleteLater();
    setVisible(!m_rows.isEmpty());
}

} // namespace natter::client
