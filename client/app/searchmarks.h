#pragma once
// Search words marked in plain text (a message bubble, a search hit's snippet): formats over
// ranges of a QTextLayout, never markup, so message text is never read as rich text.

#include "searchhighlight.h"

#include <QColor>
#include <QList>
#include <QPalette>
#include <QTextLayout>

namespace natter::client {

QColor searchMarkColour(const QPalette &palette);
// The ranges of `text` matching `words`, as background formats to add to a layout's.
QList<QTextLayout::FormatRange> searchMarks(const QString &text, const SearchWords &words,
                                            const QPalette &palette);

} // namespace natter::client
