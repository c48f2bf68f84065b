#include "theme.h"

namespace natter::client::theme {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    const auto blend = [t](float x, float y) { return x + (y - x) * float(t); };
    return QColor::fromRgbF(blend(a.redF(), b.redF()), blend(a.greenF(), b.greenF()),
                            blend(a.blueF(), b.blueF()), blend(a.alphaF(), b.alphaF()));
}

QColor chatBackground(const QPalette &palette)
{
    // Between the window and the list background, with a breath of the accent colour.
    const QColor base = mix(palette.color(QPalette::Window), palette.color(QPalette::Base), 0.35);
    return mix(base, palette.color(QPalette::Highlight), isDark(palette) ? 0.03 : 0.05);
}

QColor ownBubble(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Highlight),
               isDark(palette) ? 0.26 : 0.2);
}

QColor otherBubble(const QPalette &palette)
{
    return isDark(palette) ? mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.08)
                           : palette.color(QPalette::Base);
}

QColor bubbleOutline(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Text);
    c.setAlphaF(isDark(palette) ? 0.0f : 0.09f);
    return c;
}

QColor mutedText(const QPalette &palette)
{
    // No fainter: times and previews stay at 4.5:1 on every surface they sit on (tst_themes).
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.3);
}

QColor separatorLine(const QPalette &palette)
{
    return mix(palette.color(QPalette::Window), palette.color(QPalette::Text), 0.13);
}

QColor accent(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

QColor readTicks(const QPalette &palette)
{
    const QColor a = accent(palette);
    return isDark(palette) ? a.lighter(150) : a.darker(115);
}

QColor online(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xd9, 0x64) : QColor(0x1e, 0x7b, 0x37);
}

QColor connecting(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x3c) : QColor(0xd9, 0x8e, 0x04);
}

QColor ownMetaText(const QPalette &palette)
{
    return mix(palette.color(QPalette::Text), ownBubble(palette), 0.22);
}

QColor ownLink(const QPalette &palette)
{
    return mix(palette.color(QPalette::Link), palette.color(QPalette::Text), 0.25);
}

QColor rowBackground(const QPalette &palette, bool selected)
{
    return mix(palette.color(QPalette::Base), accent(palette),
               selected ? (isDark(palette) ? 0.2 : 0.17) : 0.07);
}

QColor dayPill(const QPalette &palette)
{
    return mix(chatBackground(palette), palette.color(QPalette::Text), 0.07);
}

QColor danger(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x70) : QColor(0xb3, 0x26, 0x1e);
}

QColor dangerBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), danger(palette), isDark(palette) ? 0.12 : 0.1);
}

} // namespace natter::client::theme
