#include "transferbar.h"

#include "messagelistmodel.h"
#include "theme.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>
#include <QUuid>

namespace natter::client::transferbar {

std::optional<TransferProgress::Entry> of(const TransferProgress *transfers,
                                          const QModelIndex &index)
{
    if (!transfers || transfers->isEmpty())
        return std::nullopt;
    const QJsonObject file = index.data(MessageListModel::FileRole).toJsonObject();
    if (file.isEmpty())
        return std::nullopt;
    const QString id = file.value(QStringLiteral("id")).toString();
    if (!id.isEmpty())
        return transfers->of(id);
    return transfers->of(
        index.data(MessageListModel::ClientIdRole).toUuid().toString(QUuid::WithoutBraces));
}

QRectF barRect(const QRectF &bubble, qreal padX, qreal padY)
{
    const qreal h = 3;
    return QRectF(bubble.left() + padX, bubble.bottom() - (padY + h) / 2, bubble.width() - 2 * padX,
                  h);
}

void paint(QPainter *painter, const QPalette &pal, const QRectF &bar,
           const TransferProgress::Entry &entry)
{
    const qreal share = entry.total > 0 ? qBound(0.0, double(entry.done) / entry.total, 1.0) : 0;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor track = theme::mutedText(pal);
    track.setAlphaF(0.35f);
    painter->setBrush(track);
    painter->drawRoundedRect(bar, 1.5, 1.5);
    painter->setBrush(pal.color(QPalette::Highlight));
    QRectF done = bar;
    done.setWidth(bar.width() * share);
    if (done.width() > 0)
        painter->drawRoundedRect(done, 1.5, 1.5);
    painter->restore();
}

QString toolTip(const TransferProgress::Entry &entry)
{
    const QLocale locale;
    const QString amount =
        QCoreApplication::translate("TransferBar", "%1 of %2")
            .arg(locale.formattedDataSize(entry.done), locale.formattedDataSize(entry.total));
    QString line = entry.upload
                       ? QCoreApplication::translate("TransferBar", "Sending: %1").arg(amount)
                       : QCoreApplication::translate("TransferBar", "Downloading: %1").arg(amount);
    if (entry.bytesPerSecond > 0)
        line += QCoreApplication::translate("TransferBar", ", %1/s")
                    .arg(locale.formattedDataSize(qint64(entry.bytesPerSecond)));
    if (entry.secondsLeft >= 0)
        line += QCoreApplication::translate("TransferBar", ", %n second(s) left", nullptr,
                                            int(entry.secondsLeft));
    return line;
}

} // namespace natter::client::transferbar
