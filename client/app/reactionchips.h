#pragma once
// What a bubble shows of replies and reactions: the quote of the answered message (a line with
// a bar, plain text) above the text, and the reaction chips (emoji and count, the user's own
// tinted) under the bubble. Layout and painting for MessageBubbleDelegate.

#include "messagelistmodel.h"

#include <QFont>
#include <QList>
#include <QPalette>
#include <QRectF>

class QPainter;

namespace natter::client::extras {

// The quote's height in a bubble (0 without a quote), and its natural width.
qreal quoteHeight(const QFont &font, const QModelIndex &index);
qreal quoteWidth(const QFont &font, const QModelIndex &index);
void paintQuote(QPainter *painter, const QPalette &palette, const QFont &font, bool own,
                const QRectF &rect, const QString &text);

// The chips of a message, laid out from `topLeft` (right-aligned to `right` when `own`).
QList<ReactionChip> chipsOf(const QModelIndex &index);
QList<QRectF> chipRects(const QFont &font, const QList<ReactionChip> &chips, qreal left,
                        qreal right, qreal top, bool own);
qreal chipsHeight(const QFont &font, const QModelIndex &index); // 0 without reactions
void paintChips(QPainter *painter, const QPalette &palette, const QFont &font,
                const QList<ReactionChip> &chips, const QList<QRectF> &rects);

} // namespace natter::client::extras
