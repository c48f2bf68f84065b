#pragma once
// A mention of the reader ("@alice" in a message to alice) marked in a bubble's plain text:
// a background over its range of the QTextLayout, never markup.

#include <QColor>
#include <QList>
#include <QPalette>
#include <QTextLayout>

class QPainter;

namespace natter::client {

QColor mentionMarkColour(const QPalette &palette);
// The ranges of `text` that mention `username`, as formats to add to a layout's.
QList<QTextLayout::FormatRange> mentionMarks(const QString &text, const QString &username,
                                             const QPalette &palette);

// The conversation list's "@" badge, a round accent pill ending at `right` and centred on the
// line at `top` of height `lineH`; returns its width.
qreal paintMentionBadge(QPainter *painter, const QPalette &palette, const QFont &font, qreal right,
                        qreal top, qreal lineH);

} // namespace natter::client
