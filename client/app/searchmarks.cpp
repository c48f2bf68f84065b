#include "searchmarks.h"

#include "theme.h"

namespace natter::client {

QColor searchMarkColour(const QPalette &palette)
{
    // A marker-pen yellow, dimmed on a dark theme so the text on it stays readable.
    return theme::isDark(palette) ? QColor(0x8a, 0x6d, 0x00) : QColor(0xff, 0xd8, 0x4d);
}

QList<QTextLayout::FormatRange> searchMarks(const QString &text, const SearchWords &words,
                                            const QPalette &palette)
{
    QList<QTextLayout::FormatRange> out;
    for (const TextRange &r : matchRanges(text, words)) {
        QTextLayout::FormatRange range;
        range.start = r.start;
        range.length = r.length;
        range.format.setBackground(searchMarkColour(palette));
        out.append(range);
    }
    return out;
}

} // namespace natter::client
