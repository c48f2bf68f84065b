#pragma once
// The "New messages" line across the timeline where the reader left off
// (MessageListModel::StartsUnreadRole), drawn by MessageBubbleDelegate.

#include <QFont>
#include <QPalette>
#include <QRectF>

class QPainter;

namespace natter::client::unreadline {

qreal height(const QFont &font);
// Nothing when `strip` is empty.
void paint(QPainter *painter, const QPalette &palette, const QFont &font, const QRectF &strip);

} // namespace natter::client::unreadline
