#pragma once
// A file transfer's progress inside its message's bubble (MessageBubbleDelegate): a thin bar
// along the bubble's bottom edge while the file uploads or downloads, and the figures (how
// much, how fast, time left) in the bubble's tooltip.

#include "transferprogress.h"

#include <QModelIndex>
#include <QPalette>
#include <QRectF>

#include <optional>

class QPainter;

namespace natter::client::transferbar {

// The transfer of the row's file: a download by its file id, an upload (no id yet) by the
// message's client id.
std::optional<TransferProgress::Entry> of(const TransferProgress *transfers,
                                          const QModelIndex &index);
// The bar's place: inside the bubble's bottom padding, between its side paddings.
QRectF barRect(const QRectF &bubble, qreal padX, qreal padY);
void paint(QPainter *painter, const QPalette &pal, const QRectF &bar,
           const TransferProgress::Entry &entry);
QString toolTip(const TransferProgress::Entry &entry);

} // namespace natter::client::transferbar
