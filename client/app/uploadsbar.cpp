#include "uploadsbar.h"

#include "filesender.h"
#include "fileupload.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace natter::client {

UploadsBar::UploadsBar(FileSender &sender, QWidget *parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(12, 4, 12, 0);
    m_layout->setSpacing(2);
    hide();
    connect(&sender, &FileSender::uploadAdded, this, &UploadsBar::add);
    connect(&sender, &FileSender::uploadRemoved, this, &UploadsBar::remove);
}

void UploadsBar::add(FileUpload *upload)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *name = new QLabel(upload->name(), row);
    name->setTextFormat(Qt::PlainText);
    auto *bar = new QProgressBar(row);
    bar->setObjectName(QStringLiteral("uploadProgress"));
    bar->setRange(0, 1000);
    bar->setValue(0);
    bar->setAccessibleName(tr("Sending %1").arg(upload->name()));
    auto *cancel = new QToolButton(row);
    cancel->setObjectName(QStringLiteral("cancelUpload"));
    cancel->setText(QStringLiteral("✕"));
    cancel->setAutoRaise(true);
    cancel->setToolTip(tr("Cancel sending"));
    cancel->setAccessibleName(tr("Cancel sending %1").arg(upload->name()));
    layout->addWidget(name);
    layout->addWidget(bar, 1);
    layout->addWidget(cancel);
    connect(cancel, &QToolButton::clicked, upload, &FileUpload::cancel);
    connect(upload, &FileUpload::progressed, bar, [upload, bar](qint64 done, qint64 total) {
        bar->setValue(total > 0 ? int(done * 1000 / total) : 0);
        const QLocale locale;
        const qint64 left = upload->secondsLeft();
        bar->setToolTip(
            tr("%1 of %2, %3/s%4")
                .arg(locale.formattedDataSize(done), locale.formattedDataSize(total),
                     locale.formattedDataSize(qint64(upload->bytesPerSecond())),
                     left >= 0 ? tr(", %n second(s) left", nullptr, int(left)) : QString()));
    });
    m_rows.insert(upload, row);
    m_layout->addWidget(row);
    show();
}

void UploadsBar::remove(FileUpload *upload)
{
    if (QWidget *row = m_rows.take(upload))
        row->deleteLater();
    setVisible(!m_rows.isEmpty());
}

} // namespace natter::client
