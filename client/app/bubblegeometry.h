#pragma once
// How a message bubble is shaped (MessageBubbleDelegate): plain text laid out in a width,
// the bubble's outline with its own radius per corner, and which messages form a run (same
// sender, same day, a few minutes apart: drawn close, with tight corners between them).

#include <QModelIndex>
#include <QPainterPath>
#include <QRectF>
#include <QTextLayout>

namespace natter::client {

struct TextSize
{
    qreal width = 0;
    qreal height = 0;
    qreal lastLineWidth = 0;
};

// Lays `layout`'s text out in lines of `width`, breaking at words (or anywhere in a word
// longer than a line).
TextSize layoutPlainText(QTextLayout *layout, qreal width);
// A rounded rectangle with the radii top-left, top-right, bottom-right, bottom-left.
QPainterPath bubblePath(const QRectF &r, qreal tl, qreal tr, qreal br, qreal bl);

// Whether the message at `index` continues the run of the one before it, and whether the
// next one continues its run (rows of MessageListModel).
bool continuesRun(const QModelIndex &index);
bool runContinuesAfter(const QModelIndex &index);

} // namespace natter::client
